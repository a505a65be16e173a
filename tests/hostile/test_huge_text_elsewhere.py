"""A huge note stays whole in reports, and tooltips and spoken rows show only its start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from guide_app.export.review_report import report_html
from guide_app.guide.load.loader import load_guide
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook
from guide_app.ui.bookmarks.model import BookmarksModel
from tests.helpers.content_kit import write_content

RUN = "x" * 200_000  # one word with no space: Qt would look for its end on every line


def test_a_huge_unbroken_note_can_be_broken_on_paper_and_reads_whole(
    qtbot: QtBot, tmp_path: Path
) -> None:
    guide = load_guide(write_content(tmp_path / "content"))
    book = ReviewBook(None)
    review = book.create("Huge")
    book.set_text(review.id, "crit-one", "notes", f"Before {RUN} after")
    html = report_html(book.get(review.id), guide)
    assert "\u200b" in html  # places to break the run at the page edge
    document = QTextDocument()
    document.setHtml(html)
    assert f"Before {RUN} after" in document.toPlainText().replace("\u200b", "")


def test_a_huge_note_is_clipped_in_the_tooltip_and_the_spoken_row(
    qtbot: QtBot, tmp_path: Path
) -> None:
    guide = load_guide(write_content(tmp_path / "content"))
    store = BookmarkStore()
    store.add("alpha", "Alpha", note=RUN)
    model = BookmarksModel(store, guide)
    index = model.index(0, 0)
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    spoken = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert tip.endswith("…")
    assert len(tip) < 400
    assert spoken.endswith("…")
    assert len(spoken) < 2_100
    assert store.bookmarks[0].note == RUN  # only what is shown is cut
