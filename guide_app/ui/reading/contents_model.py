"""The contents tree: the guide's nodes as a Qt item model, built once and painted by Qt."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel

from guide_app.guide.model import Guide, Kind, Node
from guide_app.ui.plain_text import shown_as_typed


class ContentsModel(QStandardItemModel):
    """Read-only tree: About, Problem areas (each with its groups), Principles, Examples, Evidence.

    Review criteria are shown on their principle's page, not as rows. A row's node id is
    its item's own data (QStandardItem's default role, UserRole + 1). The rows are Qt's
    items, so painting and scrolling the tree call no Python; and building it names no
    `Qt` enum, which would make PySide6 build its whole `Qt` namespace at start-up.
    """

    def __init__(self, guide: Guide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._guide = guide
        self._home_item: dict[str, QStandardItem] = {}  # node id -> its row under its own parent
        self._add_children(self.invisibleRootItem(), guide.home)

    def _add_children(self, item: QStandardItem, node: Node) -> None:
        rows = []
        for child in self._guide.children(node):
            if child.kind is Kind.CRITERION:
                continue
            row = _row(child)
            if child.parent == node.id or child.id not in self._home_item:
                self._home_item[child.id] = row
            self._add_children(row, child)
            rows.append(row)
        if rows:
            item.appendRows(rows)

    def index_for(self, node_id: str) -> QModelIndex:
        """Return the index where `node_id` lives (its own parent's row), or an invalid index."""
        node = self._guide.resolve(node_id)
        if node is None:
            return QModelIndex()
        item = self._home_item.get(self._guide.page_of(node).id)
        return item.index() if item is not None else QModelIndex()

    def node_id(self, index: QModelIndex) -> str | None:
        """Return the node id shown at `index` (None for no row)."""
        return str(self.itemFromIndex(index).data()) if index.isValid() else None


def _row(node: Node) -> QStandardItem:
    """One read-only row: the title; for screen readers, the kind and the summary too."""
    row = QStandardItem(node.title)
    row.setEditable(False)
    row.setDragEnabled(False)
    row.setDropEnabled(False)
    row.setAccessibleText(
        node.title if node.kind is Kind.SECTION else f"{node.kind.label}: {node.title}"
    )
    summary = " ".join(node.summary.split())
    if summary:
        row.setToolTip(shown_as_typed(summary))
        row.setAccessibleDescription(summary)
    row.setData(node.id)
    return row
