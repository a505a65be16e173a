"""Undoable changes to local information: one page's note, or a whole import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from guide_app.store.local_info import LocalInfoStore, LocalNote

if TYPE_CHECKING:  # an import is planned only when one is asked for
    from guide_app.store.local_info_exchange import ImportPlan


class SetLocalInfo(QUndoCommand):
    """Keep new text for a page, or remove its note (`text` None); undo brings the old back."""

    def __init__(self, store: LocalInfoStore, node_id: str, text: str | None, label: str) -> None:
        super().__init__(label)
        self._store = store
        self._node_id = node_id
        self._new = None if text is None else LocalNote(node_id, text)
        self._old: LocalNote | None = None

    def redo(self) -> None:
        if self._new is None:
            self._old = self._store.remove(self._node_id)
        else:
            self._old = self._store.put(self._new)

    def undo(self) -> None:
        if self._old is None:
            self._store.remove(self._node_id)
        else:
            self._store.put(self._old)


class ImportLocalInfo(QUndoCommand):
    """Add and replace what an import plan says; undo puts every page back as it was."""

    def __init__(self, store: LocalInfoStore, plan: ImportPlan, name: str) -> None:
        super().__init__(f"Import local information from {name}")
        self._store = store
        self._plan = plan

    def redo(self) -> None:
        for change in self._plan.changes:
            self._store.put(change.new)

    def undo(self) -> None:
        for change in reversed(self._plan.changes):
            if change.old is None:
                self._store.remove(change.node_id)
            else:
                self._store.put(change.old)
