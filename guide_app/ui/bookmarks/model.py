"""Bookmarks as a two-level Qt model (folders, then bookmarks), with drag-and-drop moves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont

from guide_app.guide.model import Guide
from guide_app.store.bookmarks import Bookmark, BookmarkError, BookmarkStore, Folder
from guide_app.ui.bookmarks.names import standalone_title
from guide_app.ui.plain_text import shown_as_typed

_Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-guide-app-bookmark-ids"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_FOLDER_ROLE = Qt.ItemDataRole.UserRole + 2
ORDER_ROLE = Qt.ItemDataRole.UserRole + 3  # position in the guide; pages not in it go last
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4
CHANGED_ROLE = Qt.ItemDataRole.UserRole + 5
FILTER_ROLE = Qt.ItemDataRole.UserRole + 6  # title, note and page title, for the filter box
NOT_IN_EDITION = "not in this edition"


_TIP_CHARS = 300  # of a note's first line in a tooltip
_SPOKEN_CHARS = 2_000  # of a note in what a screen reader says for its row


def _clipped(text: str, limit: int) -> str:
    """`text`, cut to `limit` characters with "…" if longer (tooltips lay out what they get)."""
    return text if len(text) <= limit else f"{text[:limit].rstrip()}…"


class BookmarksModel(QAbstractItemModel):
    """Folders first, then bookmarks that are in no folder; each folder holds its bookmarks.

    Internal ids: 0 for top-level rows, k for rows inside the folder at top-level row k - 1.
    """

    def __init__(self, store: BookmarkStore, guide: Guide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.guide = guide
        self._order = {node_id: n for n, node_id in enumerate(guide.nodes)}
        self._folders: list[Folder] = []
        self._top_bookmarks: list[str] = []
        self._children: dict[str, list[str]] = {}
        self._sort_keys: dict[tuple[int, int, int], tuple[Any, ...]] = {}
        self.move_handler: Callable[[list[str], str | None], None] = self.move
        self._rebuild()
        store.subscribe(self._store_changed)

    # Structure ---------------------------------------------------------------------------

    def _layout(self) -> tuple[list[Folder], dict[str, list[str]], list[str]]:
        folders = self.store.folders
        children: dict[str, list[str]] = {f.id: [] for f in folders}
        top = []
        for bookmark in self.store.bookmarks:
            if bookmark.folder in children:
                children[bookmark.folder].append(bookmark.id)
            else:
                top.append(bookmark.id)
        return folders, children, top

    def _rebuild(self) -> None:
        self._folders, self._children, self._top_bookmarks = self._layout()
        self._sort_keys.clear()

    def _store_changed(self, what: str, item_id: str | None) -> None:
        # One row in or out is told as such: a reset makes the views sort and lay out every
        # row again, which takes seconds with thousands of bookmarks.
        self._sort_keys.clear()  # before the views hear of it: they sort again at once
        index = self.index_of(item_id) if item_id is not None else QModelIndex()
        if what == "updated" and index.isValid():
            self.dataChanged.emit(index, index)
            return
        if what == "removed" and index.isValid():
            self.beginRemoveRows(index.parent(), index.row(), index.row())
            self._rebuild()
            self.endRemoveRows()
            return
        if what == "added" and item_id is not None and not index.isValid():
            folders, children, top = self._layout()
            if [f.id for f in folders] == [f.id for f in self._folders]:
                folder = self.store.get(item_id).folder
                if folder in children:
                    parent = self.createIndex([f.id for f in folders].index(folder), 0, 0)
                    row = children[folder].index(item_id)
                else:
                    parent, row = QModelIndex(), len(folders) + top.index(item_id)
                self.beginInsertRows(parent, row, row)
                self._rebuild()
                self.endInsertRows()
                return
        self.beginResetModel()
        self._rebuild()
        self.endResetModel()

    def _item(self, index: _Index) -> Folder | Bookmark | None:
        if not index.isValid():
            return None
        parent_key = index.internalId()
        row = index.row()
        if parent_key == 0:
            if row < len(self._folders):
                return self._folders[row]
            return self.store.get(self._top_bookmarks[row - len(self._folders)])
        folder = self._folders[parent_key - 1]
        return self.store.get(self._children[folder.id][row])

    def item(self, index: _Index) -> Folder | Bookmark | None:
        """The folder or bookmark shown at `index`."""
        return self._item(index)

    def sort_key(self, index: _Index, role: int) -> tuple[Any, ...]:
        """What the pane sorts by: folders first by name, then bookmarks by `role`, then title.

        Read from the folders and bookmarks directly and kept until the next change, because
        a sort compares each row many times (through `data` it took seconds for 10,000).
        """
        where = (index.internalId(), index.row(), role)
        key = self._sort_keys.get(where)
        if key is None:
            item = self._item(index)
            if isinstance(item, Folder):
                key = (0, item.name.casefold())
            elif isinstance(item, Bookmark):
                title = item.title.casefold()
                if role == ORDER_ROLE:
                    node = self.guide.resolve(item.node_id)
                    key = (1, self._order[node.id] if node is not None else len(self._order), title)
                else:
                    key = (1, title if role == TITLE_ROLE else item.changed, title)
            else:
                key = (2,)
            self._sort_keys[where] = key
        return key

    def index_of(self, item_id: str) -> QModelIndex:
        """Return the index of the folder or bookmark with `item_id`, or an invalid index."""
        for row, folder in enumerate(self._folders):
            if folder.id == item_id:
                return self.createIndex(row, 0, 0)
            if item_id in self._children[folder.id]:
                return self.createIndex(self._children[folder.id].index(item_id), 0, row + 1)
        if item_id in self._top_bookmarks:
            return self.createIndex(len(self._folders) + self._top_bookmarks.index(item_id), 0, 0)
        return QModelIndex()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():  # the common case, answered without another call
            if row < len(self._folders) + len(self._top_bookmarks):
                return self.createIndex(row, 0, 0)
            return QModelIndex()
        if row >= self.rowCount(parent):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._folders) + len(self._top_bookmarks)
        if parent.column() != 0 or parent.internalId() != 0 or parent.row() >= len(self._folders):
            return 0
        return len(self._children[self._folders[parent.row()].id])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    # Data --------------------------------------------------------------------------------

    def page_title(self, bookmark: Bookmark) -> str | None:
        """The bookmarked page's title now, or None if it is not in this edition.

        An area's group page is named with its area, e.g. "Alpha: examples".
        """
        node = self.guide.resolve(bookmark.node_id)
        return standalone_title(self.guide, node) if node is not None else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item(index)
        if item is None:
            return None
        if isinstance(item, Folder):
            return self._folder_data(item, role)
        return self._bookmark_data(item, role)

    def _folder_data(self, folder: Folder, role: int) -> Any:
        count = len(self._children[folder.id])
        values = {
            Qt.ItemDataRole.DisplayRole: folder.name,
            Qt.ItemDataRole.EditRole: folder.name,
            Qt.ItemDataRole.ToolTipRole: f"Folder: {count} bookmark{'s' if count != 1 else ''}",
            Qt.ItemDataRole.AccessibleTextRole: f"Folder: {folder.name}, {count} bookmarks",
            ID_ROLE: folder.id,
            IS_FOLDER_ROLE: True,
            ORDER_ROLE: -1,
            TITLE_ROLE: folder.name.casefold(),
            CHANGED_ROLE: folder.created,
            FILTER_ROLE: folder.name,
        }
        return values.get(role)

    def _bookmark_data(self, bookmark: Bookmark, role: int) -> Any:
        # Sorting and filtering ask for one role of every row: answer each without the others.
        simple = {
            ID_ROLE: bookmark.id,
            IS_FOLDER_ROLE: False,
            Qt.ItemDataRole.EditRole: bookmark.title,
            CHANGED_ROLE: bookmark.changed,
        }
        if role in simple:
            return simple[role]
        if role == TITLE_ROLE:
            return bookmark.title.casefold()
        if role == ORDER_ROLE:
            node = self.guide.resolve(bookmark.node_id)
            return self._order[node.id] if node is not None else len(self._order)
        page = self.page_title(bookmark)
        if role == FILTER_ROLE:
            return f"{bookmark.title}\n{bookmark.note}\n{page or ''}"
        shown = bookmark.title if page is not None else f"{bookmark.title} ({NOT_IN_EDITION})"
        if role == Qt.ItemDataRole.DisplayRole:
            return shown
        if role == Qt.ItemDataRole.ToolTipRole:
            start = bookmark.note[: _TIP_CHARS * 4].strip()  # a huge note: look at its start only
            first = _clipped(start.splitlines()[0], _TIP_CHARS) if start else "No note"
            return shown_as_typed(f"{page or NOT_IN_EDITION.capitalize()}\n{first}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = _clipped(bookmark.note.strip(), _SPOKEN_CHARS)
            note = f" Note: {text}" if text else ""
            return f"Bookmark: {shown}.{note}"
        if role == Qt.ItemDataRole.FontRole and page is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        item = self._item(index)
        if item is None:
            return base  # the empty space below the rows: drop here to leave a folder
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.store.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
            flags |= base if isinstance(item, Folder) else Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self._item(index)
        if item is None or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        try:
            if isinstance(item, Folder):
                self.store.rename_folder(item.id, value)
            else:
                self.store.update(item.id, title=value)
        except BookmarkError:
            return False
        return True

    # Drag and drop -----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = [item.id for item in map(self._item, indexes) if isinstance(item, Bookmark)]
        data = QMimeData()
        data.setData(MIME_TYPE, QByteArray("\n".join(ids).encode("utf-8")))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if (
            action != Qt.DropAction.MoveAction
            or not data.hasFormat(MIME_TYPE)
            or self.store.read_only
        ):
            return False
        target = self._item(parent)
        folder_id = target.id if isinstance(target, Folder) else None
        if isinstance(target, Bookmark):
            folder_id = target.folder  # dropped on a bookmark: join its folder
        ids = bytes(data.data(MIME_TYPE).data()).decode("utf-8").split()
        # Move after the drag has finished, so the view is not reset in the middle of it.
        QTimer.singleShot(0, lambda: self.move_handler(ids, folder_id))
        return True

    def move(self, bookmark_ids: list[str], folder_id: str | None) -> None:
        """Move bookmarks into a folder (None: out of any folder)."""
        for bookmark_id in bookmark_ids:
            try:
                self.store.move(bookmark_id, folder_id)
            except BookmarkError:
                continue
