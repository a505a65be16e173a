"""The contents tree as a QAbstractItemModel over the guide's nodes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from guide_app.guide.model import Guide, Kind, Node

NODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class _Item:
    """One row of the tree. A node can appear in several places (an example under an area)."""

    __slots__ = ("children", "node", "parent", "row")

    def __init__(self, node: Node | None, parent: _Item | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.children: list[_Item] = []


class ContentsModel(QAbstractItemModel):
    """Read-only tree: About, Problem areas (each with its groups), Principles, Examples, Evidence.

    Review criteria are shown on their principle's page, not as rows.
    """

    def __init__(self, guide: Guide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._guide = guide
        self._root = _Item(None, None, 0)
        self._home_item: dict[str, _Item] = {}  # node id -> the row under the node's own parent
        self._add_children(self._root, guide.home)

    def _add_children(self, item: _Item, node: Node) -> None:
        for child in self._guide.children(node):
            if child.kind is Kind.CRITERION:
                continue
            child_item = _Item(child, item, len(item.children))
            item.children.append(child_item)
            if child.parent == node.id or child.id not in self._home_item:
                self._home_item[child.id] = child_item
            self._add_children(child_item, child)

    # Navigation helpers -------------------------------------------------------------------

    def index_for(self, node_id: str) -> QModelIndex:
        """Return the index where `node_id` lives (its own parent's row), or an invalid index."""
        node = self._guide.resolve(node_id)
        if node is None:
            return QModelIndex()
        item = self._home_item.get(self._guide.page_of(node).id)
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, 0, item)

    def node_id(self, index: _Index) -> str | None:
        """Return the node id shown at `index`."""
        item = self._item(index)
        return item.node.id if item is not None and item.node is not None else None

    def _item(self, index: _Index) -> _Item | None:
        if not index.isValid():
            return None
        item = index.internalPointer()
        return item if isinstance(item, _Item) else None

    # QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        parent_item = self._item(parent) or self._root
        if row >= len(parent_item.children):
            return QModelIndex()
        return self.createIndex(row, 0, parent_item.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        item = self._item(index)
        if item is None or item.parent is None or item.parent is self._root:
            return QModelIndex()
        return self.createIndex(item.parent.row, 0, item.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        item = self._item(parent) or self._root
        return len(item.children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item(index)
        if item is None or item.node is None:
            return None
        node = item.node
        if role == Qt.ItemDataRole.DisplayRole:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(node.summary.split()) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return node.title if node.kind is Kind.SECTION else f"{node.kind.label}: {node.title}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return " ".join(node.summary.split()) or None
        if role == NODE_ID_ROLE:
            return node.id
        return None
