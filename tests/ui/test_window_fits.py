"""The window fits small screens: no view forces it taller, at any zoom, after a restart too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active

MOST = 560  # the tallest minimum any view may force at 100 % (a 600-pixel screen, less a panel)
SMALL_SCREEN = QRect(0, 0, 1024, 600)


def minimum_height(window: MainWindow) -> int:
    QApplication.processEvents()  # let the layouts take in what changed
    return window.minimumSizeHint().height()


def open_a_review(window: MainWindow) -> None:
    window.commands["show_reviews"].trigger()
    window.reviews.create_review("Spring review", "MSK physio", "2026-03-02", "AB, CD")
    window.reviews.editor.select_node("crit-one")
    assert window.showing_reviews()


def test_an_open_review_does_not_force_the_window_taller(qtbot: QtBot, window: MainWindow) -> None:
    open_a_review(window)
    assert minimum_height(window) <= MOST
    window.commands["home"].trigger()
    assert minimum_height(window) <= MOST  # was 791 on every page once a review had been shown


def test_zooming_in_and_back_leaves_the_minimum_where_it_was(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_a_review(window)
    before = minimum_height(window)
    window.appearance.set_zoom(2.0)
    assert minimum_height(window) <= MOST  # the editor scrolls instead (was 1,048)
    window.appearance.set_zoom(1.0)
    # Ctrl+0 shrinks it again (it stayed 1,118); the layouts settle over two passes
    qtbot.waitUntil(lambda: minimum_height(window) <= before)
    window.commands["home"].trigger()
    assert minimum_height(window) <= MOST


def test_after_a_restart_on_a_review_the_window_is_still_small_enough(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path
) -> None:
    first = make_window(kit_content)
    show_active(qtbot, first)
    open_a_review(first)
    first.close()
    second = make_window(kit_content)
    show_active(qtbot, second)
    assert second.showing_reviews()  # the last place comes back
    assert minimum_height(second) <= MOST
    second.commands["home"].trigger()
    assert minimum_height(second) <= MOST


def test_the_find_bar_stays_inside_a_small_window(qtbot: QtBot, window: MainWindow) -> None:
    open_a_review(window)
    window.commands["home"].trigger()
    window.resize(1000, 500)  # a 600-pixel screen, less a panel and the title bar
    window.commands["find"].trigger()
    qtbot.waitUntil(window.find_bar.isVisible)
    QApplication.processEvents()
    assert window.height() == 500  # the reviews, once shown, no longer hold it at 791
    bottom = window.find_bar.mapTo(window, window.find_bar.rect().bottomLeft()).y()
    assert bottom <= window.statusBar().mapTo(window, window.statusBar().rect().topLeft()).y()


def test_a_new_window_opens_no_larger_than_a_small_screen(qtbot: QtBot, window: MainWindow) -> None:
    from guide_app.ui.window import fit as window_fit

    window_fit.open_fitted(window, SMALL_SCREEN)
    frame = window.geometry().marginsAdded(window_fit.frame_margins(window))
    assert SMALL_SCREEN.contains(frame), frame


def test_a_size_restored_from_a_larger_screen_is_not_kept(qtbot: QtBot, window: MainWindow) -> None:
    from guide_app.ui.window import fit as window_fit

    window.resize(1100, 760)  # the old fixed size, or one saved on a larger screen
    window.move(300, 200)
    assert window_fit.keep_on_screen(window, SMALL_SCREEN)
    frame = window.geometry().marginsAdded(window_fit.frame_margins(window))
    assert SMALL_SCREEN.contains(frame), frame
    assert not window_fit.keep_on_screen(window, SMALL_SCREEN)  # it fits now: left alone


def test_at_200_percent_the_find_bar_is_not_cut_off_at_the_right(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(900, 500)
    window.appearance.set_zoom(2.0)  # the side pane would be 600 pixels wide
    window.commands["find"].trigger()
    qtbot.waitUntil(window.find_bar.isVisible)
    for _ in range(3):
        QApplication.processEvents()  # the layouts settle over a few passes
    assert window.reading_area.width() >= window.reading_area.minimumSizeHint().width()
    close = window.find_bar.findChildren(QPushButton)[-1]
    assert close.accessibleName() == "Close find bar"
    right = close.mapTo(window, close.rect().topRight()).x()
    assert right < window.width()  # the side pane narrows; the page never scrolls sideways
