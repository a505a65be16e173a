"""A note typed after Ctrl+D and Ctrl+B goes to the current page's bookmark, never another's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from guide_app.store.bookmarks import Bookmark
from guide_app.ui.bookmarks.model import BookmarksModel
from guide_app.ui.bookmarks.pane import BookmarksPane
from guide_app.ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def _plain_look_afterwards(qapp: QApplication) -> Iterator[None]:
    """Leave the application's font (the zoom) as it was for the next test."""
    font = qapp.font()
    yield
    qapp.setFont(font)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, keys: str) -> None:
    """Press a shortcut where the keyboard is, as a user does."""
    qtbot.keySequence(focused(), QKeySequence(keys))


def type_note(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Alt+N (the Note label's mnemonic), then type `text` where the keyboard lands."""
    qtbot.keyClick(focused(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert focused() is window.bookmarks_pane.note
    qtbot.keyClicks(focused(), text)


def bookmark_of(window: MainWindow, node_id: str) -> Bookmark:
    bookmark = window.bookmarks.for_node([node_id])
    assert bookmark is not None
    return bookmark


def note_of(window: MainWindow, node_id: str) -> str:
    return bookmark_of(window, node_id).note


def go_to(window: MainWindow, node_id: str) -> None:
    """Open a page with the keyboard in the page, as after clicking a link or the contents."""
    window.reader.setFocus()
    window.open(node_id)


def test_ctrl_d_ctrl_b_alt_n_types_into_the_current_pages_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to(window, "alpha")
    press(qtbot, "Ctrl+D")
    press(qtbot, "Ctrl+B")
    type_note(qtbot, window, "Alpha's own note")
    qtbot.waitUntil(lambda: note_of(window, "alpha") == "Alpha's own note")

    go_to(window, "beta")
    press(qtbot, "Ctrl+D")
    press(qtbot, "Ctrl+B")
    type_note(qtbot, window, "Beta's note")

    qtbot.waitUntil(
        lambda: bool(note_of(window, "beta")) or note_of(window, "alpha") != "Alpha's own note"
    )
    assert (note_of(window, "alpha"), note_of(window, "beta")) == (
        "Alpha's own note",
        "Beta's note",
    )
    assert window.bookmarks_pane.title.text() == "Beta area"  # the details said whose it is


def test_ctrl_b_selects_the_current_pages_bookmark_made_earlier(
    qtbot: QtBot, window: MainWindow
) -> None:
    for page in ("alpha", "beta", "ex-one"):
        window.bookmarks.add(page, page)
    window.commands["show_bookmarks"].trigger()
    window.bookmarks_pane.select(bookmark_of(window, "ex-one").id)
    go_to(window, "beta")
    press(qtbot, "Ctrl+B")
    type_note(qtbot, window, "for beta")
    qtbot.waitUntil(lambda: note_of(window, "beta") == "for beta")
    assert note_of(window, "ex-one") == ""


def test_with_the_pane_open_a_new_bookmark_is_the_one_whose_note_is_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to(window, "alpha")
    press(qtbot, "Ctrl+D")
    press(qtbot, "Ctrl+B")
    type_note(qtbot, window, "first")
    qtbot.waitUntil(lambda: note_of(window, "alpha") == "first")
    go_to(window, "ex-one")
    press(qtbot, "Ctrl+D")  # the Bookmarks pane is still on screen
    example = bookmark_of(window, "ex-one")
    qtbot.waitUntil(lambda: window.bookmarks_pane.title.text() == example.title)
    type_note(qtbot, window, "second")
    qtbot.waitUntil(lambda: note_of(window, "ex-one") == "second")
    assert note_of(window, "alpha") == "first"


def test_at_200_percent_in_a_small_pane_the_title_note_and_details_can_all_be_seen(
    qtbot: QtBot, window: MainWindow
) -> None:
    """As the side pane is on a 1024x600 screen at 200 %: squeezed below what it asks for."""
    bookmark = window.bookmarks.add("alpha", "Alpha", note="A note on several lines\n" * 6)
    window.appearance.set_zoom(2.0, remember=False)
    host = QWidget()
    qtbot.addWidget(host)
    pane = BookmarksPane(BookmarksModel(window.bookmarks, window.guide), window.undo_stack, host)
    pane.setGeometry(0, 0, 400, 440)
    host.resize(400, 440)
    host.show()
    pane.select(bookmark.id)

    lines = pane.note.fontMetrics().lineSpacing()

    def in_view(widget: QWidget) -> int:
        """How much of `widget` is shown once the details scroll to it (as for the keyboard)."""
        area = widget.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(widget, 0, 0)
        return widget.visibleRegion().boundingRect().height()

    qtbot.waitUntil(lambda: pane.note.viewport().height() >= 3 * lines)  # room to write in
    qtbot.waitUntil(lambda: pane.info.height() >= pane.info.heightForWidth(pane.info.width()))
    qtbot.waitUntil(lambda: in_view(pane.title) == pane.title.height())
    qtbot.waitUntil(lambda: in_view(pane.info) == pane.info.height())  # no line cut off
    qtbot.waitUntil(lambda: in_view(pane.note) >= 3 * lines)


def test_at_100_percent_on_a_laptop_screen_the_details_need_no_scrolling(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.bookmarks.add("alpha", "Alpha", note="A note on several lines\n" * 6)
    window.open("alpha")
    window.resize(1366, 768)
    press(qtbot, "Ctrl+B")
    pane = window.bookmarks_pane
    lines = pane.note.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: pane.note.viewport().height() >= 4 * lines)
    qtbot.waitUntil(lambda: pane.info.height() >= pane.info.heightForWidth(pane.info.width()))
    qtbot.waitUntil(lambda: pane.info.visibleRegion().boundingRect() == pane.info.rect())
