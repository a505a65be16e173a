"""What the user typed reads as typed in every export: never a link, an image, HTML or a heading.

Each export is read back the way another program would show it: Markdown through Qt's own
Markdown reader (GitHub dialect: raw HTML, images, bare `www.` links), the HTML report and
summary through QTextDocument.setHtml, and the CSV through the csv module.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from guide_app.export.review_csv import review_csv
from guide_app.export.review_report import report_html, summary_html
from guide_app.shell.app import create_main_window
from guide_app.store.reviews import Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.content_kit import write_content
from tests.helpers.fixtures import show_active
from tests.helpers.text_formats import formats

# Each line, typed into a note, would be a link, an image, HTML, a heading or a list if it
# reached Markdown or HTML as it is.
TYPED = [
    "[click](javascript:alert(1))",
    "![x](https://example.org/x.png)",
    "<img src=x>",
    "<script>alert(2)</script>",
    "www.example.org",
    "# heading",
    "1. item",
    "&lt; and &#60; and &amp;",
]
NOTE = "\n".join(TYPED)  # several lines, each of which must stay a line
LINE = " ".join(TYPED)  # for one-line fields: names, titles, owners


def start(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> MainWindow:
    """The real window over the small test content, shown and active."""
    window = create_main_window(write_content(tmp_path / "content"), data_dir, "alpha")
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def assert_shown_as_typed(document: QTextDocument, *typed: str) -> None:
    """No link and no image in `document`, and each of `typed` in its text as it was typed."""
    assert [f.anchorHref() for f in formats(document) if f.isAnchor()] == []
    assert "href" not in document.toHtml()
    assert [f.toImageFormat().name() for f in formats(document) if f.isImageFormat()] == []
    shown = document.toPlainText()
    for text in typed:
        assert text in shown, (text, shown)


def markdown(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setMarkdown(text)  # Qt's default: the GitHub dialect
    return document


def html(text: str) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(text)
    return document


def test_a_review_with_markup_in_every_field_exports_it_as_typed(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    window = start(qtbot, tmp_path, data_dir)
    view = window.reviews
    book = view.book
    first = view.create_review(f"Spring {LINE}", service=LINE, people=LINE)
    book.set_status(first.id, "crit-one", Status.MET)
    review = view.create_review(f"Autumn {LINE}", service=LINE, start_from=first.id)
    book.set_status(review.id, "crit-one", Status.PARTLY_MET)
    book.set_text(review.id, "crit-one", "notes", NOTE)
    book.set_text(review.id, "crit-one", "evidence", NOTE)
    book.add_action(review.id, "crit-one", f"Do {LINE}", owner=LINE, due="2027-01-31")
    book.set_status(review.id, "crit-two", Status.NOT_APPLICABLE, reason=NOTE)
    saved = book.get(review.id)

    view.export(review.id, "md", tmp_path / "review.md")
    exported = (tmp_path / "review.md").read_text(encoding="utf-8")
    assert_shown_as_typed(markdown(exported), NOTE, f"Autumn {LINE}", f"Spring {LINE}", LINE)

    earlier = book.get(first.id)
    summary = summary_html(saved, window.guide, compared_with=earlier)
    assert_shown_as_typed(html(summary), f"Do {LINE}", f"Spring {LINE}")
    report = report_html(saved, window.guide, compared_with=earlier)
    assert_shown_as_typed(html(report), NOTE, f"Do {LINE}", f"Autumn {LINE}", LINE)

    rows = list(csv.reader(io.StringIO(review_csv(saved, window.guide))))
    row = next(r for r in rows if r[1] == "crit-one")
    assert row[5:7] == [NOTE, NOTE]  # notes and evidence, as typed


def test_bookmarks_with_markup_in_titles_notes_and_folders_export_as_typed(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    window = start(qtbot, tmp_path, data_dir)
    store = window.bookmarks
    window.commands["toggle_bookmark"].trigger()
    bookmark = store.for_node(["alpha"])
    assert bookmark is not None
    store.update(bookmark.id, title=f"Mine {LINE}", note=NOTE)
    folder = store.add_folder(f"Folder {LINE}")
    store.move(bookmark.id, folder.id)
    gone = "gone](javascript:alert(3))"  # an imported bookmark of a page this guide lacks
    store.add(gone, f"Theirs {LINE}", note=NOTE)

    window.bookmark_control.export_to(tmp_path / "bookmarks.md")
    exported = (tmp_path / "bookmarks.md").read_text(encoding="utf-8")
    assert_shown_as_typed(
        markdown(exported),
        f"{NOTE}\n",  # each line of the note stays a line
        f"Mine {LINE} (Alpha area)",
        f"Folder {LINE}",
        f"Theirs {LINE} ({gone})",
        f"guide:{gone}",
    )
