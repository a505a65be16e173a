"""The contents tree view: choosing a row opens its page, and it follows the reader."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from guide_app.ui.contents_model import ContentsModel


class ContentsView(QTreeView):
    """Tree of the guide's contents.

    Signals:
        node_chosen(str): the user moved to or clicked a row; open that node.
    """

    node_chosen = Signal(str)

    def __init__(self, model: ContentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._following = False  # True while the view follows the reader, so it does not echo
        self.setObjectName("contentsTree")
        self.setAccessibleName("Contents")
        self.setAccessibleDescription("The guide's parts and pages. Choose one to read it.")
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setExpandsOnDoubleClick(True)
        for row in range(model.rowCount()):
            self.expand(model.index(row, 0))
        self.selectionModel().currentChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node_id = self._model.node_id(current)
        if node_id is not None and not self._following:
            self.node_chosen.emit(node_id)

    def show_node(self, node_id: str) -> None:
        """Select the row for `node_id` without re-announcing it (the reader already shows it).

        If the current row already shows this node (an example under an area), it stays.
        """
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
