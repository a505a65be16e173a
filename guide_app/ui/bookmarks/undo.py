"""Undoable bookmark changes for the window's undo stack (Ctrl+Z brings a deletion back)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from guide_app.store.bookmarks import Bookmark, BookmarkStore, Folder


class AddBookmark(QUndoCommand):
    """Bookmark a page; undo removes the bookmark again."""

    def __init__(self, store: BookmarkStore, node_id: str, title: str) -> None:
        super().__init__(f"Bookmark “{title}”")
        self._store = store
        self._node_id = node_id
        self._title = title
        self._made: tuple[Bookmark, int] | None = None

    def redo(self) -> None:
        if self._made is None:
            bookmark = self._store.add(self._node_id, self._title)
            self._made = (bookmark, len(self._store) - 1)
        else:
            self._store.put_back(*self._made)

    def undo(self) -> None:
        if self._made is not None:
            self._made = self._store.remove(self._made[0].id)


class RemoveBookmark(QUndoCommand):
    """Delete a bookmark; undo puts it back exactly as it was, note and all."""

    def __init__(self, store: BookmarkStore, bookmark_id: str) -> None:
        super().__init__(f"Delete bookmark “{store.get(bookmark_id).title}”")
        self._store = store
        self._id = bookmark_id
        self._removed: tuple[Bookmark, int] | None = None

    def redo(self) -> None:
        self._removed = self._store.remove(self._id)

    def undo(self) -> None:
        if self._removed is not None:
            self._store.put_back(*self._removed)


class RemoveFolder(QUndoCommand):
    """Delete a folder (its bookmarks stay, out of any folder); undo restores it."""

    def __init__(self, store: BookmarkStore, folder_id: str) -> None:
        super().__init__(f"Delete folder “{store.folder(folder_id).name}”")
        self._store = store
        self._id = folder_id
        self._removed: tuple[Folder, list[str]] | None = None

    def redo(self) -> None:
        self._removed = self._store.remove_folder(self._id)

    def undo(self) -> None:
        if self._removed is not None:
            self._store.put_back_folder(*self._removed)


class MoveBookmark(QUndoCommand):
    """Move a bookmark into a folder or out of one; undo moves it back."""

    def __init__(self, store: BookmarkStore, bookmark_id: str, folder_id: str | None) -> None:
        super().__init__("Move bookmark")
        self._store = store
        self._id = bookmark_id
        self._to = folder_id
        self._from = store.get(bookmark_id).folder

    def redo(self) -> None:
        self._store.move(self._id, self._to)

    def undo(self) -> None:
        self._store.move(
            self._id, self._from if self._from in {f.id for f in self._store.folders} else None
        )
