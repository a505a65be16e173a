"""Recent pages: Ctrl+H lists the pages read lately, newest first, and they survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from guide_app.ui.reading.recent_pages import LIMIT
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active

# A popup menu asks the platform to raise it and to grab the keyboard; offscreen, there is
# no window manager to do either, and the plugin says so.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)


def recent_menu(qtbot: QtBot, window: MainWindow) -> QMenu:
    qtbot.keySequence(window, QKeySequence("Ctrl+H"))
    menu = window.findChild(QMenu, "recentPagesMenu")
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def entries(menu: QMenu) -> list[str]:
    return [action.iconText() for action in menu.actions()]


def test_ctrl_h_lists_the_pages_read_newest_first_and_opens_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    for page in ("alpha", "act-one", "beta"):
        window.open(page)
    menu = recent_menu(qtbot, window)
    assert entries(menu)[:2] == ["1 Do one thing", "2 Alpha area"]  # not the page shown now
    assert menu.activeAction() is menu.actions()[0]  # Enter opens the newest at once
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert window.current_id == "act-one"


def test_recent_pages_come_back_after_a_restart(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path
) -> None:
    first = make_window(kit_content)
    for page in ("alpha", "ex-one", "beta"):
        first.open(page)
    first.close()
    second = make_window(kit_content)
    show_active(qtbot, second)
    assert second.recent.ids()[:3] == ["beta", "ex-one", "alpha"]
    menu = recent_menu(qtbot, second)
    assert entries(menu)[0] == "1 Example one"  # beta is shown again: it is not listed


def test_at_most_twenty_are_kept_and_pages_gone_are_dropped(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path
) -> None:
    shipped = make_window(None)
    pages = [node.id for node in shipped.guide.nodes.values() if node.kind.value != "criterion"]
    for page in pages[: LIMIT + 5]:
        shipped.open(page)
    assert shipped.recent.ids() == pages[LIMIT + 4 : 4 : -1]  # newest first, twenty of them
    shipped.close()
    other = make_window(kit_content)  # another guide: only pages it has come back
    assert other.recent.ids()
    assert all(page in other.guide.nodes for page in other.recent.ids())
    assert len(other.recent.ids()) < LIMIT


def test_rows_passed_over_in_the_contents_are_not_recent(qtbot: QtBot, window: MainWindow) -> None:
    window.open("areas")
    tree = window.contents
    tree.setFocus()
    for page in ("alpha", "beta"):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda wanted=page: window.current_id == wanted)
    assert window.recent.ids()[:2] == ["beta", "areas"]


def test_with_nothing_read_yet_the_menu_says_so(qtbot: QtBot, window: MainWindow) -> None:
    menu = recent_menu(qtbot, window)
    assert entries(menu) == ["No other pages read yet"]
    assert not menu.actions()[0].isEnabled()
