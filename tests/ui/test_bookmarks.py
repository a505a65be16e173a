"""Bookmarks through the real window: the star, the pane, notes, filter, undo, restart."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QToolBar
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from guide_app.guide.load.loader import load_guide
from guide_app.store.bookmark_file import export_json
from guide_app.store.bookmarks import BookmarkStore
from guide_app.ui.autosave import AutoSaver
from guide_app.ui.bookmarks.model import BookmarksModel
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active
from tests.helpers.panes import bookmark_rows


def on_disk(data_dir: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((data_dir / "bookmarks.json").read_text(encoding="utf-8"))


def wait_saved(qtbot: QtBot, window: MainWindow) -> None:
    saver: AutoSaver = window.bookmark_control.saver
    if saver.dirty:
        with qtbot.waitSignal(saver.saved, timeout=5000):
            pass


def rows(window: MainWindow) -> list[str]:
    return bookmark_rows(window.bookmarks_pane)


def test_ctrl_d_toggles_the_star_and_saves(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    star = window.commands["toggle_bookmark"]
    window.open("act-one")
    assert star.objectName() == "actionToggleBookmark"
    assert not star.isChecked()
    assert star.toolTip() == "Bookmark this page (Ctrl+D)"
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    assert star.isChecked()
    assert star.toolTip() == "Remove the bookmark of this page (Ctrl+D)"
    bar = window.findChild(QToolBar, "navigationToolBar")
    assert bar is not None
    assert bar.widgetForAction(star).accessibleName() == "Bookmark this page"  # now checked
    assert star.text() == "Remove &bookmark"  # as the Bookmarks menu says
    wait_saved(qtbot, window)
    assert [b["node_id"] for b in on_disk(data_dir)["bookmarks"]] == ["act-one"]
    assert on_disk(data_dir)["schema_version"] == 1
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    assert not star.isChecked()
    wait_saved(qtbot, window)
    assert on_disk(data_dir)["bookmarks"] == []


def test_star_follows_the_page_and_former_ids(window: MainWindow) -> None:
    window.bookmarks.add("old-alpha", "Alpha, by its former id")
    window.open("alpha")
    assert window.commands["toggle_bookmark"].isChecked()
    window.open("beta")
    assert not window.commands["toggle_bookmark"].isChecked()


def test_a_note_typed_in_the_pane_is_saved(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    # The filter and the note field alone: test_bookmarks_pane_alone.py.
    for page in ("alpha", "beta", "ex-one"):
        window.open(page)
        window.commands["toggle_bookmark"].trigger()
    pane = window.bookmarks_pane
    window.commands["show_bookmarks"].trigger()
    assert window.side_tabs.currentWidget() is pane
    beta = window.bookmarks.for_node(["beta"])
    assert beta is not None
    pane.select(beta.id)
    pane.note.setFocus()
    qtbot.keyClicks(pane.note, "Use with new referrals")
    qtbot.waitUntil(lambda: window.bookmarks.get(beta.id).note == "Use with new referrals")
    wait_saved(qtbot, window)
    saved = {b["node_id"]: b["note"] for b in on_disk(data_dir)["bookmarks"]}
    assert saved["beta"] == "Use with new referrals"


def test_delete_key_removes_and_ctrl_z_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    window.commands["toggle_bookmark"].trigger()
    bookmark = window.bookmarks.for_node(["alpha"])
    assert bookmark is not None
    window.bookmarks.update(bookmark.id, note="keep this")
    pane = window.bookmarks_pane
    window.commands["show_bookmarks"].trigger()
    pane.select(bookmark.id)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
    assert len(window.bookmarks) == 0
    assert window.commands["undo"].text() == "&Undo Delete bookmark “Alpha area”"
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    restored = window.bookmarks.get(bookmark.id)
    assert (restored.node_id, restored.created, restored.folder) == (
        bookmark.node_id,
        bookmark.created,
        bookmark.folder,
    )
    assert window.bookmarks.get(bookmark.id).note == "keep this"
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Redo))
    assert len(window.bookmarks) == 0


def test_enter_in_the_pane_opens_the_page(qtbot: QtBot, window: MainWindow) -> None:
    # Pages not in this edition, and the signal alone: test_bookmarks_pane_alone.py.
    good = window.bookmarks.add("ex-one", "Example")
    pane = window.bookmarks_pane
    pane.select(good.id)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Return)
    assert window.current_id == "ex-one"


def test_everything_comes_back_after_a_restart(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path
) -> None:
    first = make_window(kit_content)
    first.open("alpha")
    first.commands["toggle_bookmark"].trigger()
    folder = first.bookmarks.add_folder("Keep")
    mark = first.bookmarks.for_node(["alpha"])
    assert mark is not None
    first.bookmarks.move(mark.id, folder.id)
    first.bookmarks.update(mark.id, note="line one\nline two", title="My alpha")
    first.close()  # saves on quit, without waiting for the pause
    second = make_window(kit_content)
    assert second.bookmarks.to_payload() == first.bookmarks.to_payload()
    assert rows(second) == ["Keep", "  My alpha"]
    assert second.commands["toggle_bookmark"].isChecked()


def test_damaged_file_is_reported_after_start(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "bookmarks.json").write_text(
        '{"schema_version": 1, "bookmarks": [{"id": "a", '
        '"node_id": "alpha", "title": "A", "note": "", '
        '"created": "2026-01-01T00:00:00+00:00", '
        '"changed": "2026-01-01T00:00:00+00:00"}, {"id": '
    )
    window = make_window(kit_content)
    assert [b.node_id for b in window.bookmarks.bookmarks] == ["alpha"]
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblems") is not None)
    box = window.findChild(QMessageBox, "dataProblems")
    assert box is not None
    assert str(data_dir / "bookmarks.json") in box.text()
    assert "was damaged" in box.text()
    assert list(data_dir.glob("bookmarks.json.corrupt-*"))


def test_newer_file_makes_bookmarks_read_only(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    original = '{"schema_version": 5, "bookmarks": []}'
    (data_dir / "bookmarks.json").write_text(original)
    window = make_window(kit_content)
    star = window.commands["toggle_bookmark"]
    assert not star.isEnabled()
    assert "newer version" in star.toolTip()
    window.close()
    assert (data_dir / "bookmarks.json").read_text() == original


def test_failed_save_is_shown_retried_and_nothing_is_lost(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    window = make_window(kit_content)
    show_active(qtbot, window)
    (data_dir / "bookmarks.json").mkdir()  # a folder in the way: every write fails
    saver = window.bookmark_control.saver
    window.bookmarks.add("alpha", "Alpha")
    with qtbot.waitSignal(saver.failed, timeout=5000) as failure:
        pass
    assert "could not be saved" in failure.args[0]
    assert window.bookmark_control.warning.isVisible()
    assert saver.dirty
    assert [b.node_id for b in window.bookmarks.bookmarks] == ["alpha"]
    (data_dir / "bookmarks.json").rmdir()  # the problem goes away
    assert saver.flush()
    assert not window.bookmark_control.warning.isVisible()
    assert [b["node_id"] for b in on_disk(data_dir)["bookmarks"]] == ["alpha"]


def test_export_then_import_into_a_fresh_data_dir(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.bookmarks.add("alpha", "Alpha", note="note")
    control = window.bookmark_control
    control.export_to(tmp_path / "out.json")
    control.export_to(tmp_path / "out.md")
    assert window.statusBar().currentMessage().startswith("Exported 1 bookmark to ")
    assert "- **Alpha (Alpha area)** (guide:alpha)\n  > note" in (tmp_path / "out.md").read_text()
    window.bookmarks.remove(window.bookmarks.bookmarks[0].id)
    summary = control.import_from(tmp_path / "out.json")
    assert summary.startswith("Imported 1 bookmark from out.json; 0 notes added")
    assert [b.note for b in window.bookmarks.bookmarks] == ["note"]


def test_bookmarks_model_passes_the_qt_model_tester(
    qtmodeltester: ModelTester, kit_content: Path
) -> None:
    store = BookmarkStore()
    folder = store.add_folder("F")
    store.add("alpha", "A", folder=folder.id)
    store.add("beta", "B")
    store.add("gone", "G")
    qtmodeltester.check(BookmarksModel(store, load_guide(kit_content)))


def test_a_note_merged_by_an_import_is_shown_and_kept(window: MainWindow, tmp_path: Path) -> None:
    # Regression: the pane used to write its stale note back over one merged by an import.
    mine = window.bookmarks.add("alpha", "Alpha", note="mine")
    other = window.bookmarks.add("beta", "Beta")
    pane = window.bookmarks_pane
    pane.select(mine.id)
    theirs = BookmarkStore()
    theirs.add("alpha", "Alpha", note="theirs")
    (tmp_path / "in.json").write_bytes(export_json(theirs))
    window.bookmark_control.import_from(tmp_path / "in.json")
    assert pane.note.toPlainText() == "mine\n\ntheirs"
    pane.select(other.id)
    assert window.bookmarks.get(mine.id).note == "mine\n\ntheirs"
