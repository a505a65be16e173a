"""The checklist tree: criteria in wrapped rows, status keys 0 to 4, and a filter by status."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from guide_app.store.reviews import Status
from guide_app.ui.review.criteria_model import STATUS_ROLE, CriteriaModel
from guide_app.ui.review.status_look import status_icon

_Index = QModelIndex | QPersistentModelIndex


class WrappedRows(QStyledItemDelegate):
    """Row heights for text wrapped at the width of its column, so no title is cut short.

    When the tree is too narrow for a status column, each criterion shows its status icon
    (a distinct shape for each status) before its title instead.
    """

    def __init__(self, tree: CriteriaTree) -> None:
        super().__init__(tree)
        self.tree = tree

    def _status_before_title(self, index: _Index) -> Status | None:
        if not self.tree.compact or index.column() != 0:
            return None
        status = index.data(STATUS_ROLE)
        return Status(status) if status is not None else None

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        status = self._status_before_title(index)
        if status is not None:
            option.icon = status_icon(status)
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
            option.decorationSize = self.tree.iconSize()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return hint
        width = self.tree.columnWidth(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * (depth + 1)  # the branch and its indent
        style = self.tree.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.tree) + 1
        width -= 2 * margin
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if icon is not None or self._status_before_title(index) is not None:
            width -= self.tree.iconSize().width() + 2 * margin
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else self.tree.fontMetrics()
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        needed = metrics.boundingRect(QRect(0, 0, max(width, 20), 100_000), flags, text)
        return QSize(hint.width(), max(hint.height(), needed.height() + 2 * margin))


class CriteriaTree(QTreeView):
    """The checklist: principles and their criteria, each row wrapped to show the whole title.

    Keys 1 to 4 and 0 set the status of the selected criterion. `show_only` hides the
    criteria without a given status (the one being edited always stays).

    Signals:
        status_key(Status): a status key was pressed on a criterion.
    """

    status_key = Signal(Status)

    def __init__(self, model: CriteriaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criteriaTree")
        self.setAccessibleName("Principles and criteria")
        self.setAccessibleDescription(
            "Arrow keys move between criteria; 1 not met, 2 partly met, 3 met, "
            "4 not applicable, 0 not assessed; Tab moves to the status."
        )
        self.setModel(model)
        self.criteria = model
        self.shown_status: Status | None = None  # None: every criterion
        self.compact = False  # too narrow for the status column: icons before the titles
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setItemDelegate(WrappedRows(self))
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self._icon_size()

    def _icon_size(self) -> None:
        side = self.fontMetrics().height()
        self.setIconSize(QSize(side, side))

    def changeEvent(self, event: QEvent) -> None:
        """Icons and row heights follow the zoom."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._icon_size()
            self._fit_columns()
            self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Drop the status column when the titles would have too little room beside it."""
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        metrics = self.fontMetrics()
        status_width = metrics.horizontalAdvance("Not applicable") + 3 * self.iconSize().width()
        room = self.viewport().width() - status_width - self.indentation() * 2
        wanted = metrics.averageCharWidth() * 18
        compact = room < wanted or (self.compact and room < wanted + 4 * metrics.height())
        if compact != self.compact:
            self.compact = compact
            self.setColumnHidden(1, compact)
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 0 to 4 set the status; everything else moves as usual."""
        status = Status.from_key(event.text())
        if status is not None and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.status_key.emit(status)
            event.accept()
            return
        super().keyPressEvent(event)

    # Filtering ---------------------------------------------------------------------------

    def show_only(self, status: Status | None) -> int:
        """Show only criteria with `status` (None: all); return how many criteria are shown."""
        self.shown_status = status
        return self.refilter()

    def refilter(self) -> int:
        """Hide again what the filter leaves out (after a status changed).

        Return how many criteria match the filter (the one being edited is shown either way).
        """
        model, current = self.criteria, self.currentIndex().siblingAtColumn(0)
        matching = 0
        for row in range(model.rowCount()):
            principle = model.index(row, 0)
            visible = 0
            for child in range(model.rowCount(principle)):
                index = model.index(child, 0, principle)
                matches = self.shown_status in (None, index.data(STATUS_ROLE))
                self.setRowHidden(child, principle, not (matches or index == current))
                visible += matches or index == current
                matching += matches
            self.setRowHidden(row, QModelIndex(), visible == 0 and principle != current)
        return matching

    def first_shown(self) -> QModelIndex:
        """The first criterion the filter shows, or an invalid index."""
        model = self.criteria
        for row in range(model.rowCount()):
            principle = model.index(row, 0)
            for child in range(model.rowCount(principle)):
                if not self.isRowHidden(child, principle):
                    return model.index(child, 0, principle)
        return QModelIndex()
