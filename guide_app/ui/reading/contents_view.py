"""The contents tree view: Enter or a click opens a row's page, a pause on a row shows it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from guide_app.ui.reading.contents_model import ContentsModel

PAUSE_MS = 350  # how long the keyboard rests on a row before its page is shown


class ContentsView(QTreeView):
    """Tree of the guide's contents.

    Moving through the rows with the arrow keys opens nothing until the keyboard rests on
    one for PAUSE_MS: pages passed over are neither opened nor put in the history.

    Signals:
        open_location(str): the user pressed Enter on a row or clicked it; open that node.
        node_rested(str): the keyboard rested on a row; show that node (a page passed on
            the way, not a visit of its own).
    """

    open_location = Signal(str)
    node_rested = Signal(str)

    def __init__(self, model: ContentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._following = False  # True while the view follows the reader, so it does not echo
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PAUSE_MS)
        self.pause.timeout.connect(self._rested)
        self.setObjectName("contentsTree")
        self.setAccessibleName("Contents")
        self.setAccessibleDescription(
            "The guide's parts and pages. Enter opens one; a pause on a row shows it."
        )
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setExpandsOnDoubleClick(True)
        for row in range(model.rowCount()):
            self.expand(model.index(row, 0))
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.clicked.connect(self._chosen)  # a click opens at once
        self.activated.connect(self._chosen)  # so does Enter (and a double click)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._following:
            self.pause.start()  # restarted on every move: only a resting place opens

    def _rested(self) -> None:
        node_id = self._model.node_id(self.currentIndex())
        if node_id is not None:
            self.node_rested.emit(node_id)

    def _chosen(self, index: QModelIndex) -> None:
        self.pause.stop()
        node_id = self._model.node_id(index)
        if node_id is not None:
            self.open_location.emit(node_id)

    def show_node(self, node_id: str) -> None:
        """Select the row for `node_id` without re-announcing it (the reader already shows it).

        If the current row already shows this node (an example under an area), it stays.
        """
        self.pause.stop()  # the reader moved on: a row passed on the way is not opened now
        if self._model.node_id(self.currentIndex()) == node_id:
            return
        index = self._model.index_for(node_id)
        self._following = True
        try:
            if index.isValid():
                self.setCurrentIndex(index)
                self.scrollTo(index)
            else:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
        finally:
            self._following = False
