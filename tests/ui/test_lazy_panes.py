"""The Search and Bookmarks panes are built on first use, and behave as if always there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide_app.store.review_book import ReviewBook
from guide_app.ui.look.appearance import Appearance
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active


def test_a_new_window_builds_neither_side_pane(qtbot: QtBot, make_window: MakeWindow) -> None:
    window = make_window()
    assert window.reviews_built is None  # built after the first paint, to search their notes
    show_active(qtbot, window)
    assert window.search_tab.built is None
    assert window.bookmarks_tab.built is None
    tabs = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert tabs == ["&Contents", "&Search", "Boo&kmarks"]
    assert window.side_tabs.currentWidget() is window.contents


def test_choosing_a_tab_builds_its_pane_in_place(qtbot: QtBot, window: MainWindow) -> None:
    window.side_tabs.setCurrentIndex(2)
    pane = window.bookmarks_tab.built
    assert pane is not None
    assert window.side_tabs.currentIndex() == 2
    assert window.side_tabs.currentWidget() is pane is window.bookmarks_pane
    assert window.side_tabs.tabText(2) == "Boo&kmarks"
    qtbot.waitUntil(pane.isVisible)
    assert window.search_tab.built is None  # the other tab is still not built


def test_the_bookmarks_shortcut_builds_the_pane_and_focuses_its_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+B"))
    pane = window.bookmarks_tab.built
    assert pane is not None
    assert window.side_tabs.currentWidget() is pane
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane.view)


def test_a_pane_built_before_its_tab_is_chosen_joins_the_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    qtbot.keyClicks(window.search.field, "   ")  # blank: the pane runs, but is not shown
    built = window.search.pane
    assert window.search_tab.built is None
    window.side_tabs.setCurrentIndex(1)
    assert window.search_tab.built is built
    assert window.side_tabs.currentWidget() is built
    qtbot.keyClicks(window.search.field, "example")
    qtbot.waitUntil(lambda: built.model.rowCount() > 0)  # at once, or once the index is ready


def test_the_search_pane_announces_its_first_count(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    qtbot.keyClick(window.search.field, Qt.Key.Key_E)
    window.search.ensure_index()
    qtbot.keyClicks(window.search.field, "xample")
    found = window.search.pane.model.rowCount()
    assert found > 1  # so the count is a plural, and "No results for …" cannot pass
    assert window.statusBar().currentMessage() == f"{found} results for “example”"


def test_the_system_theme_keeps_qt_s_own_palette_at_start(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    if not Appearance._palette_set:  # no window in this process has set one yet
        assert app.palette() == app.style().standardPalette()
    window.appearance.set_theme("dark", remember=False)
    dark = app.palette()
    window.appearance.set_theme("system", remember=False)
    assert app.palette() != dark
    assert app.palette() == app.style().standardPalette()


def test_a_window_closed_before_its_reviews_are_built_saves_and_closes(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    window = make_window()
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.keySequence(window, QKeySequence("Ctrl+="))
    assert window.reviews_built is None
    assert window.flush_saves()
    assert window.close()
    assert window.reviews_built is None
    assert not (data_dir / "reviews").exists()


def test_the_reviews_shortcut_builds_the_view_in_the_centre(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+R"))
    view = window.reviews_built
    assert view is not None
    assert window.showing_reviews()
    assert window.centre.currentWidget() is view
    qtbot.keySequence(window, QKeySequence("Alt+Left"))  # Back to the page
    assert not window.showing_reviews()
    assert window.reviews_built is view


def test_a_page_opened_before_the_reader_is_shown_is_there_when_it_is(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window(None, "local-knowledge")
    assert window.reader.page is not None
    assert window.reader.page.node_id == "local-knowledge"
    show_active(qtbot, window)
    assert "Local knowledge" in window.reader.toPlainText()
    qtbot.keySequence(window, QKeySequence("Ctrl+R"))  # the reviews hide the reader
    assert not window.reader.isVisible()
    window.open("about")
    assert window.reader.isVisible()
    assert window.reader.page.node_id == "about"
    assert "About this guide" in window.reader.toPlainText()


def test_after_the_first_paint_the_system_theme_is_checked_and_kept(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    appearance = window.appearance
    assert appearance.theme == "system"
    changes: list[bool] = []
    appearance.changed.connect(lambda: changes.append(True))
    show_active(qtbot, window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.follow_system()  # offscreen the computer is never dark: nothing changes
    assert changes == []
    assert app.palette() == app.style().standardPalette()
    appearance.set_theme("dark", remember=False)
    appearance.follow_system()  # only under System
    assert app.palette().color(app.palette().ColorRole.Window).lightness() < 128


def test_search_reads_the_review_notes_without_building_the_reviews_view(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    book = ReviewBook(data_dir)
    review = book.create("Spring review")
    book.set_text(review.id, "crit-one", "notes", "Audit of zanzibar referrals")
    book.save_dirty()
    window = make_window(kit_content)
    window.search.ensure_index()
    targets = [r.target for r in window.search.index.search("zanzibar")]  # type: ignore[union-attr]
    assert f"review:{review.id}/crit-one" in targets
    assert window.reviews_built is None  # the data came from the user data, not from a view
    assert window.user_data.reviews_loaded
