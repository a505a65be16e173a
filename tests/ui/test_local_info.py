"""Local information through the real window: add, show, edit, remove, undo, save, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from guide_app.store.local_info import LocalInfoError, LocalInfoStore, LocalNote
from guide_app.store.local_info_exchange import export_json
from guide_app.ui.local_info.editor import LocalInfoEditor
from guide_app.ui.local_info.import_preview import ImportPreview
from guide_app.ui.reading.page_render import LOCAL_HEADING
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active

STAMP = "2026-11-02T09:30:00+00:00"
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints)"
)


def on_disk(data_dir: Path) -> list[dict[str, str]]:
    saved = json.loads((data_dir / "local-information.json").read_text(encoding="utf-8"))
    assert saved["schema_version"] == 1
    return saved["notes"]  # type: ignore[no-any-return]


def type_note(qtbot: QtBot, window: MainWindow, text: str, *, save: bool = True) -> None:
    """Open the editor with its key, type `text` in place of what is there, Save or Cancel."""
    qtbot.keySequence(window, QKeySequence("Ctrl+Shift+I"))
    [editor] = [e for e in window.findChildren(LocalInfoEditor) if e.isVisible()]
    editor.text.selectAll()
    editor.text.insertPlainText(text)
    button = editor.buttons.button(
        QDialogButtonBox.StandardButton.Save if save else QDialogButtonBox.StandardButton.Cancel
    )
    button.click()
    qtbot.waitUntil(lambda: not editor.isVisible())


def test_added_text_is_shown_framed_at_the_top_as_typed_and_saved(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    edit = window.commands["edit_local_info"]
    window.open("alpha")
    assert edit.text() == "&Add local information…"
    assert not window.commands["remove_local_info"].isEnabled()
    typed = "Pain clinic: 01234 567890\n<b>not bold</b> *not emphasis*\n# not a heading"
    type_note(qtbot, window, typed)
    shown = window.reader.toPlainText()
    assert LOCAL_HEADING in shown
    assert shown.index("Alpha area") < shown.index(LOCAL_HEADING) < shown.index("First paragraph")
    assert "<b>not bold</b> *not emphasis*\n# not a heading" in shown
    assert "Last changed " in shown
    assert edit.text() == "&Edit local information…"
    assert window.commands["remove_local_info"].isEnabled()
    assert window.user_data.local_info_saving.dirty
    with qtbot.waitSignal(window.local_info.saver.saved, timeout=5000):
        pass
    assert [(n["node_id"], n["text"]) for n in on_disk(data_dir)] == [("alpha", typed)]
    window.open("beta")
    assert LOCAL_HEADING not in window.reader.toPlainText()
    assert edit.text() == "&Add local information…"
    window.open("alpha")  # shown every time the page is opened
    assert LOCAL_HEADING in window.reader.toPlainText()


def test_cancel_changes_nothing_and_edit_replaces(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    type_note(qtbot, window, "Never kept", save=False)
    assert len(window.user_data.local_info) == 0
    type_note(qtbot, window, "First")
    type_note(qtbot, window, "Second")
    assert [n.text for n in window.user_data.local_info.notes] == ["Second"]
    window.undo_stack.undo()
    assert "First" in window.reader.toPlainText()


def test_remove_then_undo_brings_it_back(qtbot: QtBot, window: MainWindow) -> None:
    window.user_data.local_info.put(LocalNote("alpha", "Ring Sam", STAMP))
    window.open("alpha")
    window.commands["remove_local_info"].trigger()
    assert "Ring Sam" not in window.reader.toPlainText()
    assert "Ctrl+Z undoes" in window.statusBar().currentMessage()
    qtbot.keySequence(window, QKeySequence("Ctrl+Z"))
    assert "Ring Sam" in window.reader.toPlainText()
    assert window.user_data.local_info.notes == [LocalNote("alpha", "Ring Sam", STAMP)]


def test_kept_across_a_restart_under_a_former_id_and_for_a_missing_page(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "local-information.json").write_text(
        json.dumps(
            {
                "schema_version": 1,
                "notes": [
                    {"node_id": "old-alpha", "text": "Renamed page", "changed": STAMP},
                    {"node_id": "no-such-page", "text": "Kept", "changed": STAMP},
                ],
            }
        ),
        encoding="utf-8",
    )
    window = make_window(kit_content, "alpha")
    show_active(qtbot, window)
    assert "Renamed page" in window.reader.toPlainText()
    assert "2 November 2026" in window.reader.toPlainText()
    window.close()
    assert [n["node_id"] for n in on_disk(data_dir)] == ["alpha", "no-such-page"]


def test_a_damaged_file_is_set_aside_and_reported(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    data_dir.mkdir(parents=True)
    (data_dir / "local-information.json").write_text('{"schema_version": 1, "notes": [', "utf-8")
    window = make_window(kit_content)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblems") is not None)
    box = window.findChild(QMessageBox, "dataProblems")
    assert box is not None
    assert "local-information.json" in box.text()
    assert list(data_dir.glob("local-information.json.corrupt-*"))


def test_search_hears_of_a_change(qtbot: QtBot, window: MainWindow) -> None:
    window.search.ensure_index()
    window.open("beta")
    type_note(qtbot, window, "Ask for Priya at the Thursday clinic")
    pane = window.search.pane

    def found() -> bool:  # the notes are refreshed a moment after the change
        pane.run("priya")
        return [r.target for r in pane.model.results] == ["beta"]

    qtbot.waitUntil(found)
    assert {r.kind_label for r in pane.model.results} == {"Your notes"}


def test_export_refuses_the_data_folder(window: MainWindow, data_dir: Path) -> None:
    window.user_data.local_info.put(LocalNote("alpha", "x", STAMP))
    with pytest.raises(OSError, match="inside the guide's own data folder"):
        window.local_info.export_to(data_dir / "local-copy.json")


def test_import_previews_then_adds_replaces_and_undoes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    theirs = LocalInfoStore()
    theirs.replace_all([LocalNote("alpha", "Their alpha", STAMP), LocalNote("beta", "Beta", STAMP)])
    exported = tmp_path / "theirs.json"
    exported.write_bytes(export_json(theirs))
    ours = window.user_data.local_info
    ours.put(LocalNote("alpha", "Our alpha", STAMP))
    window.open("alpha")
    preview = window.local_info.import_from(exported)
    assert isinstance(preview, ImportPreview)
    assert preview.isVisible()
    details = preview.details.toPlainText()
    assert "ADDED (1 page)\n  Beta area" in details
    replaced = "REPLACED (1 page)\n  Alpha area\n    Now (will be replaced):\n      Our alpha"
    assert replaced in details
    assert "From the file:\n      Their alpha" in details
    preview.reject()  # Cancel changes nothing
    assert [n.text for n in ours.notes] == ["Our alpha"]
    preview = window.local_info.import_from(exported)
    assert preview is not None
    preview.import_button.click()
    assert sorted(n.text for n in ours.notes) == ["Beta", "Their alpha"]
    assert "Their alpha" in window.reader.toPlainText()
    assert window.local_info.import_from(exported) is None  # the same file again: no change
    assert "Nothing to import" in window.statusBar().currentMessage()
    window.undo_stack.undo()
    assert [n.text for n in ours.notes] == ["Our alpha"]


def test_a_foreign_file_is_refused_by_name(window: MainWindow, tmp_path: Path) -> None:
    foreign = tmp_path / "bookmarks.json"
    foreign.write_text('{"schema_version": 1, "bookmarks": []}', encoding="utf-8")
    with pytest.raises(LocalInfoError, match=r"bookmarks\.json is not an export"):
        window.local_info.import_from(foreign)


def test_a_newer_file_makes_local_information_read_only(
    make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    original = '{"schema_version": 5, "notes": []}'
    (data_dir / "local-information.json").write_text(original, encoding="utf-8")
    window = make_window(kit_content, "alpha")
    edit = window.commands["edit_local_info"]
    assert not edit.isEnabled()
    assert "newer version" in edit.toolTip()
    assert not window.commands["import_local_info"].isEnabled()
    window.close()
    assert (data_dir / "local-information.json").read_text(encoding="utf-8") == original


def test_text_longer_than_the_limit_is_shown_whole_and_read_only(
    qtbot: QtBot, window: MainWindow
) -> None:
    from guide_app.ui.text_limit import TEXT_LIMIT

    long_text = "x " * (TEXT_LIMIT // 2 + 1)
    window.user_data.local_info.put(LocalNote("alpha", long_text, STAMP))
    window.open("alpha")
    editor = window.local_info.edit()
    assert isinstance(editor, LocalInfoEditor)
    assert editor.text.toPlainText() == long_text
    assert editor.text.isReadOnly()
    assert editor.text.message.isVisible()
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert window.user_data.local_info.notes == [LocalNote("alpha", long_text, STAMP)]
