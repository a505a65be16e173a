"""The window's centre: one view at a time, scrolling rather than forcing the window larger."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class CentreStack(QStackedWidget):
    """Shows one view (the page, or the reviews) and asks only for the room that view needs.

    A QStackedWidget asks for the largest minimum of all its views, so once the reviews were
    built the window could not be made smaller than the review editor even on a guide page.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("centre")
        self.currentChanged.connect(self._view_changed)

    def minimumSizeHint(self) -> QSize:
        """The minimum of the view shown now (Qt's own would be the largest of all of them)."""
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else QSize(0, 0)

    def _view_changed(self, _index: int) -> None:
        self.updateGeometry()
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:  # let the scroll area size the new view and its scroll bars
            QGuiApplication.postEvent(scroll, QEvent(QEvent.Type.LayoutRequest))


def scrolling(view: QWidget) -> QScrollArea:
    """`view` in a frameless scroll area: fitted to the space, scrolling only if it needs more.

    It needs more on a small screen or at a large zoom, and then scrolls instead of pushing
    the window past the screen's edge.
    """
    area = QScrollArea()
    area.setObjectName("centreScroll")
    area.setAccessibleName("Main area")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(view)
    return area
