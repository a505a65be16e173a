"""The bookmarks pane built alone with its model: filter, sort, notes, selection, delete, undo.

No main window: a BookmarkStore and the small test guide, the pane over BookmarksModel and
its own QUndoStack, as the window hands them to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from guide_app.guide.load.loader import load_guide
from guide_app.store.bookmarks import BookmarkStore
from guide_app.ui.bookmarks.model import BookmarksModel
from guide_app.ui.bookmarks.pane import BookmarksPane
from tests.helpers.fixtures import show_active
from tests.helpers.panes import bookmark_rows as rows


@dataclass
class Alone:
    """The pane and what it was handed."""

    pane: BookmarksPane
    store: BookmarkStore
    undo: QUndoStack


@pytest.fixture
def alone(qtbot: QtBot, kit_content: Path) -> Alone:
    store = BookmarkStore()
    undo = QUndoStack()
    pane = BookmarksPane(BookmarksModel(store, load_guide(kit_content)), undo)
    qtbot.addWidget(pane)
    show_active(qtbot, pane)
    return Alone(pane, store, undo)


def test_the_filter_matches_title_note_and_page_in_any_case(qtbot: QtBot, alone: Alone) -> None:
    alone.store.add("alpha", "Alpha area")
    alone.store.add("beta", "Beta area", note="Use with new referrals")
    alone.store.add("ex-one", "Example one")
    pane = alone.pane
    qtbot.keyClicks(pane.filter, "referrals")  # in a note
    assert rows(pane) == ["Beta area"]
    pane.filter.clear()
    assert len(rows(pane)) == 3
    qtbot.keyClicks(pane.filter, "EXAMPLE")  # in a title, any case
    assert rows(pane) == ["Example one"]


def test_sorting(alone: Alone) -> None:
    alone.store.add("ex-one", "Zebra")
    alone.store.add("alpha", "Middle")
    alone.store.add("beta", "Aardvark")
    pane = alone.pane
    assert rows(pane) == ["Middle", "Aardvark", "Zebra"]  # guide order
    pane.sort.setCurrentIndex(1)
    assert rows(pane) == ["Aardvark", "Middle", "Zebra"]
    pane.sort.setCurrentIndex(2)
    assert len(rows(pane)) == 3


def test_a_note_typed_is_kept_in_the_store(qtbot: QtBot, alone: Alone) -> None:
    beta = alone.store.add("beta", "Beta area")
    pane = alone.pane
    pane.select(beta.id)
    assert pane.details.isEnabled()
    pane.note.setFocus()
    qtbot.keyClicks(pane.note, "Use with new referrals")
    qtbot.waitUntil(lambda: alone.store.get(beta.id).note == "Use with new referrals")
    alone.store.update(beta.id, note="Changed elsewhere")  # an import, an undo
    assert pane.note.toPlainText() == "Changed elsewhere"  # the typing was kept: show it


def test_selection_shows_the_details_and_clears_a_filter_that_hides_it(
    qtbot: QtBot, alone: Alone
) -> None:
    alpha = alone.store.add("alpha", "Alpha area", note="first")
    kept = alone.store.add("page-from-an-old-edition", "Old page", note="my note")
    pane = alone.pane
    assert "Old page (not in this edition)" in rows(pane)
    pane.select(kept.id)
    assert pane.current_item() == kept
    assert pane.title.text() == "Old page"
    assert pane.note.toPlainText() == "my note"
    assert "not in this edition" in pane.info.text()
    qtbot.keyClicks(pane.filter, "Old")
    pane.select(alpha.id)  # hidden by the filter: the filter goes
    assert pane.filter.text() == ""
    assert pane.current_item() == alpha
    assert pane.note.toPlainText() == "first"
    assert pane.info.text().startswith("Page: Alpha area")


def test_enter_asks_to_open_the_bookmarked_page(qtbot: QtBot, alone: Alone) -> None:
    good = alone.store.add("ex-one", "Example")
    pane = alone.pane
    pane.select(good.id)
    pane.view.setFocus()
    with qtbot.waitSignal(pane.open_location) as opened:
        qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert opened.args == ["ex-one"]


def test_the_delete_key_removes_and_undo_brings_it_back_note_and_all(
    qtbot: QtBot, alone: Alone
) -> None:
    bookmark = alone.store.add("alpha", "Alpha area", note="keep this")
    pane = alone.pane
    pane.select(bookmark.id)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert len(alone.store) == 0
    assert alone.undo.undoText() == "Delete bookmark “Alpha area”"
    alone.undo.undo()
    assert alone.store.get(bookmark.id) == bookmark
    alone.undo.redo()
    assert len(alone.store) == 0


def test_folders_and_moving(alone: Alone) -> None:
    store, pane = alone.store, alone.pane
    a = store.add("alpha", "Alpha area")
    store.add("beta", "Beta area")
    folder = store.add_folder("Team meeting")
    pane._move([a.id], folder.id)
    assert rows(pane) == ["Team meeting", "  Alpha area", "Beta area"]
    alone.undo.undo()
    assert rows(pane) == ["Team meeting", "Alpha area", "Beta area"]
    alone.undo.redo()
    pane.select(folder.id)
    pane.delete_selected()
    assert rows(pane) == ["Alpha area", "Beta area"]  # the bookmark survives its folder
    alone.undo.undo()
    assert rows(pane) == ["Team meeting", "  Alpha area", "Beta area"]


def test_drag_and_drop_moves_into_a_folder(qtbot: QtBot, alone: Alone) -> None:
    store = alone.store
    a = store.add("alpha", "Alpha area")
    folder = store.add_folder("Clinic")
    model = alone.pane.model
    data = model.mimeData([model.index_of(a.id)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of(folder.id))
    qtbot.waitUntil(lambda: store.get(a.id).folder == folder.id)
    assert model.dropMimeData(
        model.mimeData([model.index_of(a.id)]), Qt.DropAction.MoveAction, -1, 0, QModelIndex()
    )
    qtbot.waitUntil(lambda: store.get(a.id).folder is None)


def test_read_only_bookmarks_can_be_read_but_not_changed(qtbot: QtBot, alone: Alone) -> None:
    bookmark = alone.store.add("alpha", "Alpha area", note="saved by a newer version")
    alone.store.read_only = True
    pane = alone.pane
    pane.select(bookmark.id)
    assert pane.note.toPlainText() == "saved by a newer version"
    assert pane.note.isReadOnly()
    assert pane.title.isReadOnly()
    assert not pane.delete.isEnabled()
    assert not pane.new_folder.isEnabled()
    pane.delete_selected()
    assert len(alone.store) == 1
    assert alone.undo.count() == 0
