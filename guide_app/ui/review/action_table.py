"""A criterion's actions as a table: done, what, owner and due date, as tall as its rows."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget

ACTION_COLUMNS = ("Done", "What", "Owner", "Due")
DUE = 3  # the due date's column
_MOST_ROWS_SHOWN = 10  # a longer list scrolls inside the table


class ActionTable(QTableWidget):
    """The actions, as tall as their rows (up to ten) so the panel, not the table, scrolls."""

    def __init__(self) -> None:
        super().__init__(0, len(ACTION_COLUMNS))
        self.setObjectName("reviewActions")
        self.setAccessibleName("Actions")
        self.setHorizontalHeaderLabels(ACTION_COLUMNS)
        due = self.horizontalHeaderItem(DUE)
        if due is not None:
            due.setToolTip("Due date, written DD/MM/YYYY")
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.fit_rows())
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())
        self._owner_width()
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)  # as tall as its rows, no taller
        self.setSizePolicy(policy)

    def _owner_width(self) -> None:
        """Room for the longest owner (at least "Physio lead"), up to a quarter of the table.

        A longer owner wraps; "What" keeps the rest of the width.
        """
        metrics = self.fontMetrics()
        owners = (self.item(row, 2) for row in range(self.rowCount()))
        widest = max(
            [metrics.horizontalAdvance("Physio lead")]
            + [metrics.horizontalAdvance(item.text()) for item in owners if item is not None]
        )
        room = self.viewport().width() // 4 if self.viewport().width() > 0 else widest + 12
        self.setColumnWidth(
            2, min(widest + 12, max(room, metrics.horizontalAdvance("Physio lead")))
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The owner column keeps its share of a new width."""
        super().resizeEvent(event)
        self._owner_width()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows."""
        self._owner_width()
        self.resizeRowsToContents()
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        """Columns and rows follow the zoom."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._owner_width()
            self.fit_rows()

    def _rows_height(self, rows: int) -> int:
        height = sum(self.rowHeight(row) for row in range(min(rows, self.rowCount())))
        missing = max(0, rows - self.rowCount())  # room for a first row when there is none
        height += missing * (self.fontMetrics().height() + 8)
        return height + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        rows = max(1, min(self.rowCount(), _MOST_ROWS_SHOWN))
        return QSize(super().sizeHint().width(), self._rows_height(rows))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
