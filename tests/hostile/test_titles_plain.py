"""Titles and the user's own words are plain text: Qt never reads them as HTML, or loads a file.

A tooltip, a QLabel left at its default format and a QMessageBox read text as HTML when it
"might be rich text". A title holding `<img src="/some/file.png">` then makes Qt open that
file. The content check refuses such a title; where it is shown anyway (a guide the check was
bypassed for, or text the user typed), each place shows the characters as written.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QTimer, QUrl
from PySide6.QtGui import QAction, QColor, QImage, Qt, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from guide_app.guide.load.loader import check_content
from guide_app.guide.load.schema import content_schema
from guide_app.guide.model import Guide
from guide_app.guide.problems import Severity
from guide_app.paths import DataPlace
from guide_app.shell.app import create_main_window, open_settings
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.user_data import UserData
from guide_app.ui.help.content_problems import ContentProblemsDialog
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.content_kit import ALPHA, FILES, PRINCIPLES, write_content
from tests.helpers.fixtures import show_active
from tests.helpers.repo import REPO

TIMEOUT = 60
AUTO = Qt.TextFormat.AutoText


@pytest.fixture
def probe(tmp_path: Path) -> Path:
    """A real PNG file that the markup names: nothing may ask for it."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "probe.png"
    assert image.save(str(path))
    return path


def img(probe: Path) -> str:
    return f'<img src="{probe}">'


# The content check ------------------------------------------------------------------------


def test_check_content_reports_an_image_tag_in_a_title_with_its_file_and_line(
    tmp_path: Path, probe: Path
) -> None:
    root = write_content(
        tmp_path / "content",
        areas__beta=f"title: Beta {img(probe)} area\nsummary: S.\nbasis: editorial\n",
    )
    result = subprocess.run(
        [sys.executable, "-m", "guide_app", "check-content", str(root)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout
    beta = root / "areas" / "beta.yaml"
    said = f"{beta}:1: 'title' is plain text, shown as written: remove the HTML tag '<img src="
    assert [line for line in result.stdout.splitlines() if line.startswith(said)], result.stdout


MARKUP = {
    "closing tag": "Beta </b> area",
    "comment": "Beta <!-- note --> area",
    "named entity": "Beta &lt;b&gt; area",
    "number entity": "Beta &#60;b> area",
    "hex entity": "Beta &#x3C;b> area",
    "autolink": "Beta <https://example.org> area",
    "markdown image": "Beta ![x](https://example.org/x.png) area",
    "markdown link": "Beta [x](javascript:alert(1)) area",
}
PLAIN = ["Waits < 10 weeks", "Q & A for teams", "Pain [and] mood", "3 > 2 & 1 < 2"]


def errors(root: Path) -> list[str]:
    _, problems = check_content(root)
    return [str(p) for p in problems if p.severity is Severity.ERROR]


def schema_accepts(title: str) -> bool:
    line = content_schema()["$defs"]["area"]["properties"]["title"]
    return jsonschema.Draft202012Validator(line).is_valid(title)


@pytest.mark.parametrize("title", MARKUP.values(), ids=MARKUP.keys())
def test_markup_in_a_title_or_a_criterion_is_refused_by_the_check_and_the_schema(
    tmp_path: Path, title: str
) -> None:
    quoted = title.replace("'", "''")
    root = write_content(
        tmp_path / "content",
        areas__beta=f"title: '{quoted}'\nsummary: S.\nbasis: editorial\n",
        principles=PRINCIPLES.replace("text: Staff know local services.", f"text: '{quoted}'"),
    )
    criterion = PRINCIPLES.splitlines().index("        text: Staff know local services.") + 1
    said = "is plain text, shown as written: remove the"
    found = errors(root)  # a Markdown image or a javascript: link is also reported as such
    assert {e.split(": ")[0] for e in found} == {
        f"{root / 'areas' / 'beta.yaml'}:1",
        f"{root / 'principles.yaml'}:{criterion}",
    }, found
    assert len([e for e in found if said in e]) == 2, found
    assert not schema_accepts(title)


def test_only_a_lone_angle_bracket_or_ampersand_is_let_through(tmp_path: Path) -> None:
    for n, title in enumerate([*PLAIN, *MARKUP.values()]):
        quoted = title.replace("'", "''")
        beta = f"title: '{quoted}'\nsummary: S.\nbasis: editorial\n"
        refused = bool(errors(write_content(tmp_path / str(n), areas__beta=beta)))
        assert (refused, not schema_accepts(title)) == (title not in PLAIN,) * 2, title


# What Qt would show ------------------------------------------------------------------------


class Recorder(QTextDocument):
    """A QTextDocument that notes every image or style sheet it is asked to load."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt's name)
        self.asked.append(QUrl(name).toString())
        return None


def as_shown(text: str, text_format: Qt.TextFormat) -> tuple[str, list[str]]:
    """What a label, tooltip or message box shows for `text`, and the files it asks for."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == AUTO and Qt.mightBeRichText(text)
    )
    if not rich:
        return text, []
    document = Recorder()
    document.setHtml(text)
    document.size()  # laying it out loads its images
    return document.toPlainText(), document.asked


def tooltips(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[str]:
    """The tooltip of every cell under `parent`, all the way down."""
    for row in range(model.rowCount(parent)):
        column = 0
        while (index := model.index(row, column, parent)).isValid():
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                yield tip
            column += 1
        yield from tooltips(model, model.index(row, 0, parent))


def shown_texts(root: QWidget) -> list[tuple[str, str, list[str]]]:
    """(where, what is shown, files asked for) for every tooltip and label under `root`."""
    found: list[tuple[str, str, Qt.TextFormat]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = widget.objectName() or type(widget).__name__
        if widget.toolTip():
            found.append((f"{name} tooltip", widget.toolTip(), AUTO))
        if isinstance(widget, QLabel) and widget.text():
            found.append((name, widget.text(), widget.textFormat()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += [
                (f"{name} row tooltip", t, AUTO) for t in tooltips(widget.model(), QModelIndex())
            ]
    found += [(f"action {a.objectName()}", a.toolTip(), AUTO) for a in root.findChildren(QAction)]
    return [(where, *as_shown(text, text_format)) for where, text, text_format in found]


def assert_inert(root: QWidget, markup: str, where: list[str]) -> None:
    """Nothing under `root` asks for a file, and each place in `where` shows `markup` as typed."""
    shown = shown_texts(root)
    assert [(w, asked) for w, _, asked in shown if asked] == []
    for place in where:
        texts = [text for w, text, _ in shown if w == place]
        assert any(markup in text for text in texts), (place, texts)


def answer_next_box(seen: list[list[tuple[str, str, list[str]]]]) -> None:
    """When the next message box opens, note what it shows and close it (Escape)."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        seen.append(shown_texts(box))
        box.reject()  # Escape: No

    QTimer.singleShot(0, look)


# The real window, over a guide the check refuses ----------------------------------------------


@pytest.fixture
def marked_guide(tmp_path: Path, probe: Path) -> Guide:
    """The test guide with an image tag in a page title and in a criterion, loaded as it is."""
    root = write_content(
        tmp_path / "content",
        areas__alpha=ALPHA.replace("title: Alpha area", f"title: Alpha {img(probe)} area", 1),
        principles=PRINCIPLES.replace(
            "text: People are asked about mood.", f"text: People are asked {img(probe)}"
        ),
    )
    guide, _problems = check_content(root)  # the check refuses it: the app never would start
    assert guide is not None
    return guide


def start(qtbot: QtBot, content: Path, data: Path, open_id: str) -> MainWindow:
    """The main window as the app starts it, shown and active."""
    window = create_main_window(content, data, open_id)
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


def open_window(qtbot: QtBot, guide: Guide, data: Path) -> MainWindow:
    """The main window as create_main_window builds it, handed `guide`."""
    store = BookmarkStore()
    file = BookmarkFile(data)
    file.load_into(store)
    user_data = UserData(data, None, store, file)
    window = MainWindow(guide, open_settings(data), user_data, DataPlace(data, "given"))
    qtbot.addWidget(window)
    window.restore_state("alpha")
    show_active(qtbot, window)
    return window


def test_a_title_with_an_image_tag_is_shown_as_typed_and_nothing_is_loaded(
    qtbot: QtBot, marked_guide: Guide, data_dir: Path, probe: Path
) -> None:
    window = open_window(qtbot, marked_guide, data_dir)
    window.commands["toggle_bookmark"].trigger()  # bookmark the page with the tag in its title
    window.commands["show_bookmarks"].trigger()
    pane = window.bookmarks_pane
    bookmark = window.bookmarks.for_node(["alpha"])
    assert bookmark is not None
    pane.select(bookmark.id)
    window.reviews.create_review("Spring review")  # its checklist lists the criteria
    assert_inert(
        window,
        img(probe),
        ["bookmarksList row tooltip", "bookmarkInfo", "criteriaTree row tooltip"],
    )


def test_what_the_user_types_is_shown_as_typed_and_nothing_is_loaded(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, probe: Path
) -> None:
    window = start(qtbot, write_content(tmp_path / "content"), data_dir, "alpha")
    markup = img(probe)
    window.commands["toggle_bookmark"].trigger()
    bookmark = window.bookmarks.for_node(["alpha"])
    assert bookmark is not None
    window.bookmarks.update(bookmark.id, title=f"Mine {markup}", note=f"{markup} zebra note")
    folder = window.bookmarks.add_folder(f"Folder {markup}")
    window.bookmarks.move(bookmark.id, folder.id)
    window.commands["show_bookmarks"].trigger()
    window.bookmarks_pane.select(bookmark.id)
    qtbot.waitUntil(lambda: window.search.index is not None)
    window.search.refresh_notes()
    window.search.field.setText(markup)  # what was searched for is quoted under the field
    assert_inert(window, markup, ["searchCount"])
    window.search.field.setText("zebra")  # finds the note, titled with the bookmark's title
    assert [r.title for r in window.search.pane.model.results] == [f"Mine {markup}"]
    assert_inert(window, markup, ["searchResults row tooltip"])

    view = window.reviews
    review = view.create_review(f"Review {markup}")
    seen: list[list[tuple[str, str, list[str]]]] = []
    answer_next_box(seen)
    view.ask_delete()  # "Delete the review “…”?" quotes its name
    assert view.book.get(review.id).name == f"Review {markup}"  # answered No: still there
    assert len(seen) == 1
    assert [(w, asked) for w, _, asked in seen[0] if asked] == []
    assert any(markup in text for _, text, _ in seen[0]), seen[0]


def test_a_content_folder_named_with_markup_is_shown_as_typed(
    qtbot: QtBot, tmp_path: Path, probe: Path
) -> None:
    folder = f"{tmp_path}/content {img(probe)}"  # `guide-app --content DIR` names it
    dialog = ContentProblemsDialog(folder, [])
    qtbot.addWidget(dialog)
    shown = shown_texts(dialog)
    assert [(w, asked) for w, _, asked in shown if asked] == []
    assert any(folder in text for _, text, _ in shown)


def test_brackets_and_ampersands_in_titles_stay_in_window_titles_and_menus(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    content = write_content(
        tmp_path / "content",
        areas__beta=FILES["areas/beta.yaml"].replace("Beta area", "Beta [*] & area"),
    )
    window = start(qtbot, content, data_dir, "beta")
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title().startswith("Beta [*] & area — ")  # Qt hides a lone "[*]"
    window.commands["toggle_bookmark"].trigger()
    window.commands["toggle_bookmark"].trigger()  # removed: Edit > Undo names it
    assert window.commands["undo"].iconText() == "Undo Delete bookmark “Beta [*] & area”"
