"""Arrowing through the contents opens only where the keyboard rests, and Back skips the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow


def start_at_areas(window: MainWindow) -> None:
    window.open("areas")
    window.contents.setFocus()


def test_rows_passed_over_are_not_opened(qtbot: QtBot, window: MainWindow) -> None:
    start_at_areas(window)
    tree = window.contents
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # alpha
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # beta (areas start folded)
    assert window.current_id == "areas"  # nothing opened while the keys keep moving
    with qtbot.waitSignal(tree.node_rested):  # then a pause shows the row it rests on
        qtbot.keyClick(tree, Qt.Key.Key_Down)  # Principles
    assert window.current_id == "principles"
    window.commands["back"].trigger()
    assert window.current_id == "areas"  # alpha and beta were never visited


def test_pages_shown_on_the_way_share_one_place_in_the_history(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_at_areas(window)
    tree = window.contents
    for expected in ("alpha", "beta", "principles"):
        qtbot.keyClick(tree, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda page=expected: window.current_id == page)  # after a pause
    window.commands["back"].trigger()
    assert window.current_id == "areas"
    window.commands["forward"].trigger()
    assert window.current_id == "principles"


def test_enter_makes_the_page_a_visit_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    start_at_areas(window)
    tree = window.contents
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # alpha, chosen
    assert window.current_id == "alpha"
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.current_id == "beta")
    window.commands["back"].trigger()
    assert window.current_id == "alpha"


def test_following_the_reader_opens_nothing_later(qtbot: QtBot, window: MainWindow) -> None:
    start_at_areas(window)
    tree = window.contents
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    window.open("ex-one")  # a link (or search) goes elsewhere before the pause ends
    assert not tree.pause.isActive()
    assert window.current_id == "ex-one"


def test_the_home_page_title_names_the_app_once(make_window: MakeWindow) -> None:
    window = make_window()  # the shipped guide: its home page is called what the app is
    window.open(window.guide.home.id)
    assert window.windowTitle() == "Pain & Mental Health Guide"
    window.open("about-this-guide")
    assert window.windowTitle() == "What this guide is — Pain & Mental Health Guide"


def test_the_about_command_shows_the_ampersand(window: MainWindow) -> None:
    about = window.commands["about"]
    assert about.iconText() == "About the Pain & Mental Health Guide"  # not "Pain _Mental"
