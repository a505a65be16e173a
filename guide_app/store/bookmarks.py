"""Bookmarks and folders kept in memory, with change notices and a versioned JSON form."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from guide_app.common.user_text import clean
from guide_app.store.stamps import new_id, now

SCHEMA_VERSION = 1


class BookmarkError(ValueError):
    """A bookmark or folder record is not valid, or an edit refers to something missing."""


class ReadOnlyBookmarksError(BookmarkError):
    """The bookmarks file belongs to a newer version of the app, so nothing may change."""


def _text(record: dict[str, Any], key: str, *, required: bool = True) -> str:
    value = record.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise BookmarkError(f"'{key}' should be text")
    return value


@dataclass(frozen=True)
class Folder:
    """A named group of bookmarks."""

    id: str
    name: str
    created: str = field(default_factory=now)

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Folder:
        """Read a folder record, raising BookmarkError if it is not valid."""
        return cls(_text(record, "id"), _text(record, "name"), _text(record, "created"))


@dataclass(frozen=True)
class Bookmark:
    """A page the user keeps, with their own title and note."""

    id: str
    node_id: str
    title: str
    note: str = ""
    folder: str | None = None
    created: str = field(default_factory=now)
    changed: str = field(default_factory=now)

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Bookmark:
        """Read a bookmark record, raising BookmarkError if it is not valid."""
        folder = record.get("folder")
        if folder is not None and not isinstance(folder, str):
            raise BookmarkError("'folder' should be a folder id or null")
        return cls(
            id=_text(record, "id"),
            node_id=_text(record, "node_id"),
            title=_text(record, "title"),
            note=_text(record, "note", required=False),
            folder=folder,
            created=_text(record, "created"),
            changed=_text(record, "changed"),
        )


Listener = Callable[[str, str | None], None]  # (what changed, bookmark or folder id)


class BookmarkStore:
    """All bookmarks and folders. Every change notifies listeners; nothing here touches disk.

    A node has at most one bookmark. Listeners are called with what changed ("added",
    "removed", "updated", "moved", "folders" or "reset") and the id involved.
    """

    def __init__(self) -> None:
        self._bookmarks: dict[str, Bookmark] = {}
        self._folders: dict[str, Folder] = {}
        self._listeners: list[Listener] = []
        self.read_only = False
        self.read_only_reason = "they were saved by a newer version of the guide"

    # Reading --------------------------------------------------------------------------

    @property
    def bookmarks(self) -> list[Bookmark]:
        """All bookmarks, oldest first."""
        return list(self._bookmarks.values())

    @property
    def folders(self) -> list[Folder]:
        """All folders, in the order they were made."""
        return list(self._folders.values())

    def get(self, bookmark_id: str) -> Bookmark:
        """Return the bookmark with `bookmark_id`."""
        try:
            return self._bookmarks[bookmark_id]
        except KeyError:
            raise BookmarkError(f"no bookmark {bookmark_id}") from None

    def folder(self, folder_id: str) -> Folder:
        """Return the folder with `folder_id`."""
        try:
            return self._folders[folder_id]
        except KeyError:
            raise BookmarkError(f"no folder {folder_id}") from None

    def for_node(self, node_ids: Iterable[str]) -> Bookmark | None:
        """Return the bookmark of any of `node_ids` (a node's id and its former ids), or None."""
        wanted = set(node_ids)
        return next((b for b in self._bookmarks.values() if b.node_id in wanted), None)

    def __len__(self) -> int:
        return len(self._bookmarks)

    # Changing -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener` after every change."""
        self._listeners.append(listener)

    def _changed(self, what: str, item_id: str | None) -> None:
        for listener in list(self._listeners):
            listener(what, item_id)

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyBookmarksError(f"bookmarks are read-only: {self.read_only_reason}")

    def add(self, node_id: str, title: str, note: str = "", folder: str | None = None) -> Bookmark:
        """Bookmark `node_id`; if it is already bookmarked, return that bookmark unchanged."""
        self._writable()
        existing = self.for_node([node_id])
        if existing is not None:
            return existing
        title, note = clean(title), clean(note)
        if folder is not None:
            self.folder(folder)
        bookmark = Bookmark(new_id(), node_id, title.strip() or node_id, note, folder)
        self._bookmarks[bookmark.id] = bookmark
        self._changed("added", bookmark.id)
        return bookmark

    def remove(self, bookmark_id: str) -> tuple[Bookmark, int]:
        """Remove a bookmark; return it and where it stood, so that it can be put back."""
        self._writable()
        bookmark = self.get(bookmark_id)
        position = list(self._bookmarks).index(bookmark_id)
        del self._bookmarks[bookmark_id]
        self._changed("removed", bookmark_id)
        return bookmark, position

    def put_back(self, bookmark: Bookmark, position: int | None = None) -> None:
        """Restore a removed bookmark exactly as it was, where it was (for undo)."""
        self._writable()
        if bookmark.folder is not None and bookmark.folder not in self._folders:
            bookmark = replace(bookmark, folder=None)
        items = [(k, v) for k, v in self._bookmarks.items() if k != bookmark.id]
        at = len(items) if position is None else max(0, min(position, len(items)))
        items.insert(at, (bookmark.id, bookmark))
        self._bookmarks = dict(items)
        self._changed("added", bookmark.id)

    def update(
        self, bookmark_id: str, *, title: str | None = None, note: str | None = None
    ) -> None:
        """Change a bookmark's title or note; an empty title keeps the old one."""
        self._writable()
        old = self.get(bookmark_id)
        title = None if title is None else clean(title)
        note = None if note is None else clean(note)
        new_title = title.strip() if title is not None and title.strip() else old.title
        new_note = note if note is not None else old.note
        if (new_title, new_note) == (old.title, old.note):
            return
        self._bookmarks[bookmark_id] = replace(old, title=new_title, note=new_note, changed=now())
        self._changed("updated", bookmark_id)

    def move(self, bookmark_id: str, folder_id: str | None) -> None:
        """Put a bookmark into a folder, or at the top level with None."""
        self._writable()
        old = self.get(bookmark_id)
        if folder_id is not None:
            self.folder(folder_id)
        if old.folder == folder_id:
            return
        self._bookmarks[bookmark_id] = replace(old, folder=folder_id, changed=now())
        self._changed("moved", bookmark_id)

    def add_folder(self, name: str) -> Folder:
        """Make a folder called `name`."""
        self._writable()
        name = clean(name)
        if not name.strip():
            raise BookmarkError("a folder needs a name")
        folder = Folder(new_id(), name.strip())
        self._folders[folder.id] = folder
        self._changed("folders", folder.id)
        return folder

    def rename_folder(self, folder_id: str, name: str) -> None:
        """Rename a folder; an empty name is refused."""
        self._writable()
        name = clean(name)
        if not name.strip():
            raise BookmarkError("a folder needs a name")
        self._folders[folder_id] = replace(self.folder(folder_id), name=name.strip())
        self._changed("folders", folder_id)

    def remove_folder(self, folder_id: str) -> tuple[Folder, list[str]]:
        """Remove a folder; its bookmarks move to the top level, never deleted.

        Returns the folder and the ids of the bookmarks that were in it, for undo.
        """
        self._writable()
        folder = self.folder(folder_id)
        moved = [b.id for b in self._bookmarks.values() if b.folder == folder_id]
        for bookmark_id in moved:
            self._bookmarks[bookmark_id] = replace(self._bookmarks[bookmark_id], folder=None)
        del self._folders[folder_id]
        self._changed("folders", folder_id)
        return folder, moved

    def put_back_folder(self, folder: Folder, members: list[str]) -> None:
        """Restore a removed folder and move its bookmarks back into it (for undo)."""
        self._writable()
        self._folders[folder.id] = folder
        for bookmark_id in members:
            if bookmark_id in self._bookmarks:
                self._bookmarks[bookmark_id] = replace(
                    self._bookmarks[bookmark_id], folder=folder.id
                )
        self._changed("folders", folder.id)

    # Whole-store form -------------------------------------------------------------------

    def to_payload(self) -> dict[str, Any]:
        """Return everything as plain data (schema_version is added by the document)."""
        return {
            "folders": [asdict(f) for f in self._folders.values()],
            "bookmarks": [asdict(b) for b in self._bookmarks.values()],
        }

    def replace_all(self, folders: list[Folder], bookmarks: list[Bookmark]) -> None:
        """Replace the contents (after loading); bookmarks in unknown folders go to the top."""
        self._folders = {f.id: f for f in folders}
        self._bookmarks = {}
        for loaded in bookmarks:
            unfiled = loaded.folder is not None and loaded.folder not in self._folders
            self._bookmarks.setdefault(
                loaded.id, replace(loaded, folder=None) if unfiled else loaded
            )
        self._changed("reset", None)
