"""The real window over 10,000 bookmarks and 200 full reviews: all shown, filtered, edited, kept.

The data comes from benchmarks/scale.py (which times the same steps); times are not asserted.
The guide is the shipped one, so most bookmarks are of pages not in this edition, which the
pane keeps showing.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QKeySequence
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from benchmarks.scale import BOOKMARKS, FOLDERS, REVIEWS, bookmark_rows, fill
from guide_app.guide.load.loader import load_guide
from guide_app.store.bookmarks import BookmarkStore
from guide_app.ui.bookmarks.model import IS_FOLDER_ROLE, BookmarksModel
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active
from tests.helpers.repo import CONTENT

PAGE = "local-knowledge"
CRITERION = "people-see-a-consistent-clinician"


def folders_expanded(window: MainWindow) -> list[bool]:
    pane = window.bookmarks_pane
    top = [pane.proxy.index(row, 0) for row in range(pane.proxy.rowCount())]
    return [pane.view.isExpanded(index) for index in top if index.data(IS_FOLDER_ROLE)]


def test_ten_thousand_bookmarks_and_two_hundred_reviews_in_the_window(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path
) -> None:
    fill(data_dir, load_guide(CONTENT))
    window = make_window()
    show_active(qtbot, window)
    assert len(window.bookmarks) == BOOKMARKS
    pane = window.bookmarks_pane
    assert folders_expanded(window) == [False] * FOLDERS  # not laid out while out of sight
    window.commands["show_bookmarks"].trigger()
    assert bookmark_rows(pane.model) == bookmark_rows(pane.proxy) == BOOKMARKS
    assert folders_expanded(window) == [True] * FOLDERS

    pane.filter.setText("#12")  # notes end in #<n>: 12, 120-129, 1200-1299 (set as one edit)
    assert bookmark_rows(pane.proxy) == 111
    pane.filter.clear()
    assert bookmark_rows(pane.proxy) == BOOKMARKS

    window.open(PAGE)
    star = window.commands["toggle_bookmark"]
    assert star.isChecked()  # every page of the guide is among them
    with qtbot.assertNotEmitted(pane.model.modelReset):  # one row out and in, not all again
        star.trigger()
        assert bookmark_rows(pane.proxy) == BOOKMARKS - 1
        star.trigger()
    assert bookmark_rows(pane.proxy) == BOOKMARKS
    bookmark = window.bookmarks.for_node([PAGE])
    assert bookmark is not None
    pane.select(bookmark.id)
    pane.note.setFocus()
    qtbot.keyClicks(pane.note, "Kept")
    qtbot.waitUntil(lambda: window.bookmarks.get(bookmark.id).note == "Kept")

    window.commands["show_reviews"].trigger()
    view = window.reviews
    assert view.list.count() == REVIEWS
    labels = [view.list.item(row).text() for row in range(REVIEWS)]
    assert all("100% assessed" in label for label in labels)
    review_id = view.current_id()
    assert review_id is not None
    view.editor.select_node(CRITERION)
    notes = view.editor.panel.notes
    notes.setFocus()
    qtbot.keySequence(notes, QKeySequence(QKeySequence.StandardKey.SelectAll))
    qtbot.keyClicks(notes, "Edited with 200 reviews open")
    window.close()  # saves both

    saved = json.loads((data_dir / "bookmarks.json").read_text(encoding="utf-8"))
    assert len(saved["bookmarks"]) == BOOKMARKS
    again = make_window()
    assert len(again.bookmarks) == BOOKMARKS
    assert again.bookmarks.get(bookmark.id).note == "Kept"
    again.reviews.ensure_loaded()
    assert again.reviews.list.count() == REVIEWS
    found = again.reviews.book.get(review_id).assessment(CRITERION)
    assert found.notes == "Edited with 200 reviews open"


def test_a_bookmark_in_or_out_is_one_row_in_or_out_of_the_model(
    qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    # Regression: every change reset the model, so a view sorted and laid out all rows again
    # (seconds for 10,000 bookmarks).
    store = BookmarkStore()
    folder = store.add_folder("Folder")
    store.add("alpha", "Alpha", folder=folder.id)
    store.add("beta", "Beta")
    model = BookmarksModel(store, load_guide(CONTENT))
    qtmodeltester.check(model)  # stays attached: every signal below is checked too
    with qtbot.assertNotEmitted(model.modelReset):
        with qtbot.waitSignal(model.rowsInserted) as inserted:
            added = store.add("gamma", "Gamma", folder=folder.id)
        assert inserted.args is not None
        assert (model.item(inserted.args[0]), inserted.args[1]) == (store.folder(folder.id), 1)
        with qtbot.waitSignal(model.rowsInserted) as inserted:
            top = store.add("delta", "Delta")
        assert inserted.args is not None
        assert (inserted.args[0].isValid(), inserted.args[1]) == (False, 2)  # after folder, beta
        with qtbot.waitSignal(model.rowsRemoved):
            removed, position = store.remove(added.id)
        with qtbot.waitSignal(model.rowsInserted):
            store.put_back(removed, position)  # undo: back where it was
        store.update(top.id, note="changed")
    assert [model.item(model.index(row, 0, model.index(0, 0))) for row in range(2)] == [
        store.get(b.id) for b in store.bookmarks if b.folder == folder.id
    ]
