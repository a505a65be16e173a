"""Bookmarks of an area's group pages name their area; counts in bookmark messages read well."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow


def bookmark_page(qtbot: QtBot, window: MainWindow, node_id: str) -> str:
    """Open `node_id`, press Ctrl+D and return the new bookmark's title."""
    window.open(node_id)
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    bookmark = window.bookmarks.for_node([node_id])
    assert bookmark is not None
    return bookmark.title


def test_an_areas_group_pages_are_bookmarked_under_the_areas_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    titles = [
        bookmark_page(qtbot, window, page)
        for page in ("alpha/solutions", "alpha/challenges", "alpha/examples", "act-one")
    ]
    assert titles == [
        "Alpha area: potential solutions",
        "Alpha area: challenges and how to overcome them",
        "Alpha area: examples",
        "Do one thing",  # a page's own title already says what it is
    ]
    assert window.commands["undo"].text() == "&Undo Bookmark “Do one thing”"
    window.commands["show_bookmarks"].trigger()
    shown = {
        window.bookmarks_pane.proxy.index(row, 0).data()
        for row in range(window.bookmarks_pane.proxy.rowCount())
    }
    assert "Alpha area: examples" in shown
    assert "Examples" not in shown


def test_a_bookmark_made_before_keeps_its_title_and_says_which_page(window: MainWindow) -> None:
    old = window.bookmarks.add("alpha/examples", "Examples")
    window.open("alpha/examples")
    assert window.commands["toggle_bookmark"].isChecked()
    window.commands["show_bookmarks"].trigger()
    pane = window.bookmarks_pane
    assert pane.current_item() == window.bookmarks.get(old.id)
    assert pane.title.text() == "Examples"
    assert pane.info.text().startswith("Page: Alpha area: examples\n")


def test_import_summary_counts_in_words(window: MainWindow, tmp_path: Path) -> None:
    store = window.bookmarks
    alpha = store.add("alpha", "Alpha", note="from the team")
    store.add("beta", "Beta")
    window.bookmark_control.export_to(tmp_path / "shared.json")
    store.remove(store.for_node(["beta"]).id)  # type: ignore[union-attr]
    store.update(alpha.id, note="my own")
    summary = window.bookmark_control.import_from(tmp_path / "shared.json")
    assert summary == (
        "Imported 1 bookmark from shared.json; 1 note added to bookmarks you had; 0 already here."
    )
    assert "(s)" not in summary


def test_the_status_bar_names_the_bookmark_as_the_pane_will(
    qtbot: QtBot, window: MainWindow
) -> None:
    bookmark_page(qtbot, window, "alpha/examples")
    said = window.statusBar().currentMessage()
    assert said.startswith("Bookmarked “Alpha area: examples”"), said
    assert "Ctrl+B" in said
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    said = window.statusBar().currentMessage()
    assert said.startswith("Bookmark “Alpha area: examples” removed"), said
