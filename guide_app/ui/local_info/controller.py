"""Local information in the window: the page's note shown and edited, saving, import and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QWidget

from guide_app.common.safe_files import read_regular, write_export
from guide_app.guide.model import Guide, Node
from guide_app.guide.page import Page, compose
from guide_app.store.local_info import LocalInfoError, LocalNote, current_ids
from guide_app.store.user_data import UserData
from guide_app.ui.autosave import AutoSaver, flush_or_ask
from guide_app.ui.local_info.undo import SetLocalInfo
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.reading.page_render import with_local_information
from guide_app.ui.window.actions import Handlers
from guide_app.ui.window.announcer import STATUS_MS, announcer_of

if TYPE_CHECKING:
    from guide_app.ui.local_info.import_preview import ImportPreview
    from guide_app.ui.reading.reader import Reader

_FILTER = "Local information (*.json)"


class LocalInfoController(QObject):
    """Keeps each page's local information shown, its commands current, and its file saved.

    `reader` shows the page again when its note changes.
    """

    def __init__(
        self,
        window: QWidget,
        guide: Guide,
        user_data: UserData,
        undo: QUndoStack,
        commands: dict[str, QAction],
        current: Callable[[], Node | None],
        reader: Reader,
    ) -> None:
        super().__init__(window)
        self.window, self.guide, self.undo = window, guide, undo
        self.store = user_data.local_info
        self.file = user_data.local_info_file
        self.data_dir = user_data.data
        self._commands = commands
        self._current = current
        self._reader = reader
        self._say = announcer_of(window).announce
        self.saver = AutoSaver(user_data.local_info_saving, self)
        self.saver.failed.connect(lambda message: self._say(message, STATUS_MS * 2))
        self.store.subscribe(self._store_changed)
        if self.file is not None and self.file.rewrite_needed and not self.store.read_only:
            self.saver.changed()  # rescued from a damaged file, or moved to a page's new id

    def handlers(self) -> Handlers:
        """What each local information command does, by name."""
        return {
            "edit_local_info": self.edit,
            "remove_local_info": self.remove,
            "import_local_info": self.ask_import,
            "export_local_info": self.ask_export,
        }

    # The page shown ------------------------------------------------------------------------

    def _page_node(self) -> Node | None:
        node = self._current()
        return None if node is None else self.guide.page_of(node)

    def note_for(self, node: Node) -> LocalNote | None:
        """The note kept for `node`'s page, under its id or a former one."""
        return self.store.for_node([node.id, *node.aliases])

    def decorate(self, page: Page) -> Page:
        """`page` with its local information framed at the top, if the team keeps any."""
        node = self.guide.nodes.get(page.node_id)
        note = self.note_for(node) if node is not None else None
        if note is None:
            return page
        return with_local_information(page, note.text, note.changed)

    def refresh(self) -> None:
        """Name and enable the commands for the page shown now."""
        node = self._page_node()
        note = self.note_for(node) if node is not None else None
        edit, remove = self._commands["edit_local_info"], self._commands["remove_local_info"]
        writable = not self.store.read_only
        edit.setText("&Edit local information…" if note else "&Add local information…")
        edit.setEnabled(node is not None and writable)
        remove.setEnabled(note is not None and writable)
        self._commands["import_local_info"].setEnabled(writable)
        if not writable:
            edit.setToolTip(f"Local information cannot be changed: {self.store.read_only_reason}")

    def _reshow(self) -> None:
        shown = self._reader.page
        if shown is not None:
            self._reader.show_page(
                self.decorate(compose(self.guide, self.guide.nodes[shown.node_id]))
            )

    def _store_changed(self, _what: str, node_id: str | None) -> None:
        node = self._page_node()
        self.refresh()
        if node is not None and (node_id is None or node_id in (node.id, *node.aliases)):
            self._reshow()
        if self.file is not None and not self.store.read_only:
            self.saver.changed()

    # Editing -------------------------------------------------------------------------------

    def edit(self) -> QWidget | None:
        """Open the editor for the page shown (window-modal); Save keeps the text, undoably."""
        node = self._page_node()
        if node is None or self.store.read_only:
            return None
        from guide_app.ui.local_info.editor import LocalInfoEditor  # a dialog: on first use

        note = self.note_for(node)
        editor = LocalInfoEditor(node.title, note.text if note else "", self.window)
        editor.accepted.connect(lambda: self._keep(node, note, editor.typed()))
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _keep(self, node: Node, note: LocalNote | None, text: str) -> None:
        key = note.node_id if note is not None else node.id
        if not text.strip():
            if note is not None:
                self.remove()
            return
        if note is not None and note.text == text:
            return
        verb = "Change" if note else "Add"
        self.undo.push(SetLocalInfo(self.store, key, text, f"{verb} local information"))
        self._say(f"Local information kept for “{node.title}”.", STATUS_MS)

    def remove(self) -> None:
        """Remove the page's note (Ctrl+Z brings it back)."""
        node = self._page_node()
        note = self.note_for(node) if node is not None else None
        if node is None or note is None or self.store.read_only:
            return
        self.undo.push(SetLocalInfo(self.store, note.node_id, None, "Remove local information"))
        self._say(f"Local information removed from “{node.title}” (Ctrl+Z undoes).", STATUS_MS)

    def flush_before_quit(self) -> bool:
        """Save now; if that fails, ask the user. Return False to stay open."""
        where = str(self.file.path) if self.file is not None else "disk"
        return flush_or_ask(self.window, self.saver, where, self.ask_export)

    # Import and export ---------------------------------------------------------------------

    def export_to(self, path: Path) -> None:
        """Write every note to `path` (raises OSError, also for a place in the data folder)."""
        from guide_app.store.local_info_exchange import export_json, pages

        write_export(path, export_json(self.store), self.data_dir)
        self._say(
            f"Exported the local information of {pages(len(self.store))} to {path}", STATUS_MS
        )

    def ask_export(self) -> bool:
        """Ask where to export, then export; return True if a file was written."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # dialogs: on first use

        documents = QStandardPaths.StandardLocation.DocumentsLocation
        start = Path(QStandardPaths.writableLocation(documents)) / "local-information.json"
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export local information", str(start), _FILTER
        )
        if not name:
            return False
        try:
            self.export_to(Path(name))
        except OSError as error:
            QMessageBox.warning(
                self.window,
                "Export failed",
                shown_as_typed(f"Could not write {name}: {error.strerror or error}"),
            )
            return False
        return True

    def import_from(self, path: Path) -> ImportPreview | None:
        """Read `path` and show what it would change (None: nothing would); raises on a bad file.

        Raises LocalInfoError (a file that is not an export, or not valid) and OSError.
        """
        from guide_app.store.local_info_exchange import import_json, plan_import, titles
        from guide_app.ui.local_info.import_preview import ImportPreview
        from guide_app.ui.local_info.undo import ImportLocalInfo

        notes = import_json(read_regular(path), path.name)
        plan = plan_import(self.store, notes, current_ids(self.guide))
        if not plan.changes:
            self._say(f"Nothing to import from {path.name}: it is all here already.", STATUS_MS)
            return None

        preview = ImportPreview(path.name, plan, titles(self.guide), self.window)

        def go() -> None:
            self.undo.push(ImportLocalInfo(self.store, plan, path.name))
            self._say(
                f"Imported local information from {path.name}: {len(plan.added)} added, "
                f"{len(plan.replaced)} replaced (Ctrl+Z undoes).",
                STATUS_MS * 2,
            )

        preview.accepted.connect(go)
        preview.finished.connect(preview.deleteLater)
        preview.open()
        return preview

    def ask_import(self) -> None:
        """Ask for an exported file, then show what it would change; a bad file says why."""
        if self.store.read_only:
            return
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # dialogs: on first use

        name, _ = QFileDialog.getOpenFileName(self.window, "Import local information", "", _FILTER)
        if not name:
            return
        try:
            self.import_from(Path(name))
        except (LocalInfoError, OSError) as error:
            reason = str(error)
            if isinstance(error, OSError):
                reason = f"{Path(name).name} could not be read ({error.strerror or error})"
            QMessageBox.warning(
                self.window,
                "Nothing imported",
                shown_as_typed(f"{reason}. Your local information has not been changed."),
            )
