"""A criterion's actions as a table: done, what, owner and due date, as tall as its rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableWidget

ACTION_COLUMNS = ("Done", "What", "Owner", "Due")
DUE = 3  # the due date's column
_MOST_ROWS_SHOWN = 10  # a longer list scrolls inside the table


def _single_shot(parent: QTableWidget, slot: Callable[[], None]) -> QTimer:
    """A timer that calls `slot` once, as soon as the event loop is free (restarts coalesce)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


class ActionTable(QTableWidget):
    """The actions, as tall as their rows (up to ten) so the panel, not the table, scrolls."""

    def __init__(self) -> None:
        super().__init__(0, len(ACTION_COLUMNS))
        # Column widths and row heights change after a resize or a column's new width, never
        # inside it: resizing rows within the view's own resize crashed Qt (1024x600, 200 %).
        self._owner_later = _single_shot(self, self.fit_owner)
        self._rows_later = _single_shot(self, self.fit_rows)
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
        header.sectionResized.connect(lambda *_: self._rows_later.start())
        self.verticalHeader().sectionResized.connect(lambda *_: self.updateGeometry())
        self.fit_owner()
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)  # as tall as its rows, no taller
        self.setSizePolicy(policy)

    def fit_owner(self) -> None:
        """Room for the longest owner (at least "Physio lead"), up to a quarter of the table.

        A longer owner wraps; "What" keeps the rest. Before the table has a width, the owner
        gets only the "Physio lead" room: a wider column then could leave "What" no width,
        and Qt crashes laying out wrapped text in a column of no width.
        """
        metrics = self.fontMetrics()
        least = metrics.horizontalAdvance("Physio lead") + 12
        owners = (self.item(row, 2) for row in range(self.rowCount()))
        widest = max(
            [least] + [metrics.horizontalAdvance(i.text()) + 12 for i in owners if i is not None]
        )
        room = self.viewport().width() // 4
        width = max(least, min(widest, room))
        if self.columnWidth(2) != width:
            self.setColumnWidth(2, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The owner column keeps its share of a new width."""
        super().resizeEvent(event)
        self._owner_later.start()

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows."""
        self.resizeRowsToContents()
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        """Columns and rows follow the zoom."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._owner_later.start()
            self._rows_later.start()

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
