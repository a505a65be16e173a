"""The checklist of one review as a Qt model: principles, each with its criteria and status."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from guide_app.guide.model import Guide, Node
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Assessment, Status
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.review.status_look import status_icon

_Index = QModelIndex | QPersistentModelIndex
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Criterion", "Status")


class CriteriaModel(QAbstractItemModel):
    """Two columns: criterion and status.

    Internal id 0 marks a principle row; k marks a criterion of the principle at row k - 1.
    """

    def __init__(self, book: ReviewBook, guide: Guide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.book = book
        self.guide = guide
        self._principles = principles(guide)
        self.review_id: str | None = None
        book.subscribe(self._changed)

    def set_review(self, review_id: str | None) -> None:
        """Show the statuses of another review (or none)."""
        self.beginResetModel()
        self.review_id = review_id
        self.endResetModel()

    def assessment(self, criterion: Node) -> Assessment:
        """What the current review found for `criterion`."""
        if self.review_id is None:
            return Assessment()
        return self.book.get(self.review_id).assessment(criterion.id, *criterion.aliases)

    def _changed(self, what: str, review_id: str) -> None:
        if review_id != self.review_id or what not in ("assessment", "reloaded"):
            return
        last = self.index(len(self._principles) - 1, 1)
        top = self.index(0, 0)
        self.dataChanged.emit(top, last)
        for row in range(len(self._principles)):
            parent = self.index(row, 0)
            count = self.rowCount(parent)
            if count:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(count - 1, 1, parent))

    def node(self, index: _Index) -> Node | None:
        """The principle or criterion at `index`."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._principles[index.row()][0]
        return self._principles[index.internalId() - 1][1][index.row()]

    def index_of(self, node_id: str, column: int = 0) -> QModelIndex:
        """The index of a principle or criterion by id."""
        for row, (principle, criteria) in enumerate(self._principles):
            if principle.id == node_id:
                return self.createIndex(row, column, 0)
            for n, criterion in enumerate(criteria):
                if node_id in (criterion.id, *criterion.aliases):
                    return self.createIndex(n, column, row + 1)
        return QModelIndex()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not 0 <= column < len(COLUMNS) or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        return self.createIndex(row, column, 0 if not parent.isValid() else parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._principles)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return len(self._principles[parent.row()][1])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == NODE_ROLE:
            return node.id
        if index.internalId() == 0:
            return self._principle_data(index, node, role)
        status = self.assessment(node).status
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{node.title} Status: {status.label}."
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return node.title
            if role == Qt.ItemDataRole.ToolTipRole:
                return shown_as_typed(node.title)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return status.label
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(status)
        return None

    def _principle_data(self, index: _Index, principle: Node, role: int) -> Any:
        criteria = self._principles[index.row()][1]
        done = sum(1 for c in criteria if self.assessment(c).status is not Status.NOT_ASSESSED)
        progress = f"{done} of {len(criteria)} assessed"
        if role == Qt.ItemDataRole.DisplayRole:
            return principle.title if index.column() == 0 else progress
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Principle: {principle.title}, {progress}."
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None
