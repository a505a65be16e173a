"""The search field in the toolbar: Down moves into the results, Enter opens the best one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from guide_app.ui.clear_button import add_clear_button
from guide_app.ui.startup import qt

if TYPE_CHECKING:  # only in annotations
    from PySide6.QtGui import QKeyEvent


class SearchField(QLineEdit):
    """A line edit that hands Down and Enter to the search results.

    Signals:
        down(): move into the results.
        enter(): open the best result.
    """

    down = Signal()
    enter = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setAccessibleName("Search the guide")
        self.setAccessibleDescription(
            "Results appear as you type. Down moves into them; Enter opens the best one."
        )
        self.setPlaceholderText("Search the guide (Ctrl+K)")
        add_clear_button(self, "Clear the search")
        self.setMinimumWidth(220)
        self.setMaximumWidth(360)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Down and Enter go to the results; Escape clears."""
        Qt = qt()  # noqa: N806 (the namespace, built on the first key press, not at start)
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
        else:
            super().keyPressEvent(event)
