"""Bookmarks in the window: the star, saving and its failures, import and export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QPalette, QUndoStack
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from guide_app.common.safe_files import read_regular, write_export
from guide_app.guide.model import Guide, Node
from guide_app.store.bookmark_file import (
    BookmarkFile,
    export_json,
    export_markdown,
    import_json,
    merge,
)
from guide_app.store.bookmarks import BookmarkError, BookmarkStore
from guide_app.store.saving import Saveable
from guide_app.ui.autosave import AutoSaver, flush_or_ask
from guide_app.ui.bookmarks.names import standalone_title
from guide_app.ui.bookmarks.undo import AddBookmark, RemoveBookmark
from guide_app.ui.icons import themed_icon
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.window.actions import Handlers
from guide_app.ui.window.announcer import STATUS_MS as _STATUS_MS
from guide_app.ui.window.announcer import announcer_of

_JSON_FILTER = "Bookmarks, to import again (*.json)"
_MARKDOWN_FILTER = "Readable list with notes (*.md)"


class BookmarkController(QObject):
    """Keeps the star in step with the page, and the bookmarks file in step with the store."""

    def __init__(
        self,
        window: QWidget,
        guide: Guide,
        store: BookmarkStore,
        file: BookmarkFile | None,
        undo: QUndoStack,
        toggle: QAction,
        current: Callable[[], Node | None],
        status: QStatusBar,
        saving: Saveable,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.guide = guide
        self.store = store
        self.file = file
        self.undo = undo
        self.toggle_action = toggle
        self._current = current
        self._status = status
        self._say = announcer_of(window).announce  # shown and spoken
        self.saver = AutoSaver(saving, self)  # saving writes `file` (the user data's)
        self.warning = QLabel()
        self.warning.setObjectName("saveWarning")
        self.warning.hide()
        status.addPermanentWidget(self.warning)
        self._icons = {
            filled: themed_icon("bookmark-filled" if filled else "bookmark", window.palette())
            for filled in (False, True)
        }
        store.subscribe(self._store_changed)
        self.saver.failed.connect(self._save_failed)
        self.saver.saved.connect(self._save_worked)
        toggle.toggled.connect(self._star_toggled)  # a click, Ctrl+D, or a screen reader's Toggle
        self.refresh()
        if file is not None and file.rewrite_needed and not store.read_only:
            self.saver.changed()  # what was rescued from a damaged file is not on disk yet

    def handlers(self, show_pane: Callable[[], object]) -> Handlers:
        """What each bookmark command does, by name (the star acts on its own toggled signal).

        `show_pane` shows the Bookmarks pane with the current page's bookmark chosen.
        """
        return {
            "show_bookmarks": show_pane,
            "import_bookmarks": self.ask_import,
            "export_bookmarks": self.ask_export,
        }

    # The star ----------------------------------------------------------------------------

    def retint(self, palette: QPalette) -> None:
        """Draw the star again in `palette`'s colours."""
        self._icons = {
            filled: themed_icon("bookmark-filled" if filled else "bookmark", palette)
            for filled in (False, True)
        }
        self.refresh()

    def refresh(self) -> None:
        """Set the star (filled or not, enabled or not) for the page shown now."""
        node = self._current()
        marked = node is not None and self.store.for_node([node.id, *node.aliases]) is not None
        action = self.toggle_action
        action.setChecked(marked)
        action.setIcon(self._icons[marked])
        key = action.shortcut().toString()
        if self.store.read_only:
            action.setEnabled(False)
            action.setText("Bookmarks are read-only")
            action.setToolTip(f"Bookmarks cannot be changed here: {self.store.read_only_reason}")
            return
        action.setEnabled(node is not None)
        action.setText("Remove &bookmark" if marked else "&Bookmark this page")
        action.setToolTip(f"{'Remove the bookmark of' if marked else 'Bookmark'} this page ({key})")

    def _star_toggled(self, checked: bool) -> None:
        node = self._current()
        marked = node is not None and self.store.for_node([node.id, *node.aliases]) is not None
        if checked != marked:  # not refresh() putting the star in step with the page
            self.toggle()

    def toggle(self) -> None:
        """Bookmark the current page, or remove its bookmark (undoable)."""
        node = self._current()
        if node is None or self.store.read_only:
            self.refresh()
            return
        existing = self.store.for_node([node.id, *node.aliases])
        if existing is None:
            title = standalone_title(self.guide, node)  # "Examples" names its area
            self.undo.push(AddBookmark(self.store, node.id, title))
            self._say(f"Bookmarked “{title}”. Ctrl+B shows it, to add a note.", _STATUS_MS)
        else:
            self.undo.push(RemoveBookmark(self.store, existing.id))
            self._say(f"Bookmark “{existing.title}” removed (Ctrl+Z undoes).", _STATUS_MS)

    def _store_changed(self, _what: str, _item: str | None) -> None:
        self.refresh()
        if self.file is not None and not self.store.read_only:
            self.saver.changed()

    # Saving ------------------------------------------------------------------------------

    def _save_failed(self, message: str) -> None:
        self.warning.setText("⚠ Bookmarks not saved")
        self.warning.setToolTip(shown_as_typed(message))
        self.warning.setAccessibleName(message)
        self.warning.show()
        self._say(message, _STATUS_MS * 2)

    def _save_worked(self) -> None:
        if self.warning.isVisible():
            self.warning.hide()
            self._say("Bookmarks saved.", _STATUS_MS)

    def flush_before_quit(self) -> bool:
        """Save now; if that fails, ask the user. Return False to stay open."""
        where = str(self.file.path) if self.file is not None else "disk"
        return flush_or_ask(self.window, self.saver, where, self.ask_export)

    # Import and export -------------------------------------------------------------------

    def export_to(self, path: Path) -> None:
        """Write every bookmark to `path`: Markdown for .md, otherwise JSON (raises OSError)."""
        if path.suffix.lower() == ".md":

            def describe(node_id: str) -> tuple[str, bool]:
                node = self.guide.resolve(node_id)
                if node is None:
                    return node_id, False
                return standalone_title(self.guide, node), True

            data = export_markdown(self.store, describe).encode("utf-8")
        else:
            data = export_json(self.store)
        write_export(path, data, self.file.path.parent if self.file is not None else None)
        self._say(f"Exported {counted(len(self.store), 'bookmark')} to {path}", _STATUS_MS)

    def import_from(self, path: Path) -> str:
        """Merge the bookmarks in `path`; return what happened (raises BookmarkError, OSError)."""
        folders, bookmarks = import_json(read_regular(path))
        result = merge(self.store, folders, bookmarks)
        summary = (
            f"Imported {counted(result.added, 'bookmark')} from {path.name}; "
            f"{counted(result.notes_merged, 'note')} added to bookmarks you had; "
            f"{result.already_there} already here."
        )
        self._say(summary, _STATUS_MS * 2)
        return summary

    def ask_export(self) -> bool:
        """Ask where to export, then export; return True if a file was written."""
        start = (
            Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
            / "guide-bookmarks.json"
        )
        from PySide6.QtWidgets import QFileDialog  # dialogs: loaded when first needed

        name, chosen = QFileDialog.getSaveFileName(
            self.window, "Export bookmarks", str(start), f"{_JSON_FILTER};;{_MARKDOWN_FILTER}"
        )
        if not name:
            return False
        path = Path(name)
        if chosen == _MARKDOWN_FILTER and path.suffix.lower() != ".md":
            path = path.with_suffix(".md")
        try:
            self.export_to(path)
        except OSError as error:
            from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when first needed

            QMessageBox.warning(
                self.window,
                "Export failed",
                shown_as_typed(f"Could not write {path}: {error.strerror or error}"),
            )
            return False
        return True

    def ask_import(self) -> None:
        """Ask for an exported file and merge it; a bad file changes nothing and says why."""
        if self.store.read_only:
            return
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.window, "Import bookmarks", "", _JSON_FILTER)
        if not name:
            return
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when first needed

        try:
            summary = self.import_from(Path(name))
        except (BookmarkError, OSError) as error:
            QMessageBox.warning(
                self.window,
                "Nothing imported",
                shown_as_typed(
                    f"{Path(name).name} was not imported: {error}. "
                    "Your bookmarks have not been changed."
                ),
            )
            return
        QMessageBox.information(self.window, "Bookmarks imported", shown_as_typed(summary))


def counted(n: int, noun: str) -> str:
    """`n` and `noun`, plural unless one: "1 bookmark", "3 notes", "0 bookmarks"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
