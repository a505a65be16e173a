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
            scroll.updateGeometry()  # its minimum width is the view's
            QGuiApplication.postEvent(scroll, QEvent(QEvent.Type.LayoutRequest))


class CentreScroll(QScrollArea):
    """Scrolls the centre up and down when it needs more height than there is, never sideways.

    Its minimum width is the view's, so the splitter narrows the side pane instead of cutting
    the page (or the find bar) off at the right; its minimum height is a scroll area's.
    """

    def viewportEvent(self, event: QEvent) -> bool:
        """Have the splitter ask again for the width the view needs when its layout changes."""
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().viewportEvent(event)

    def minimumSizeHint(self) -> QSize:
        """A scroll area's own minimum height, and the width the view needs."""
        hint = super().minimumSizeHint()
        view = self.widget()
        if view is not None:
            bar = self.verticalScrollBar().sizeHint().width()
            hint.setWidth(max(hint.width(), view.minimumSizeHint().width() + bar))
        return hint


def scrolling(view: QWidget) -> QScrollArea:
    """`view` in a frameless scroll area: fitted to the space, scrolling only if it needs more.

    It needs more height on a small screen or at a large zoom, and then scrolls instead of
    pushing the window past the screen's edge.
    """
    area = CentreScroll()
    area.setObjectName("centreScroll")
    area.setAccessibleName("Main area")
    area.setFrameShape(QFrame.Shape.NoFrame)
    # by the value's name: Qt.ScrollBarPolicy would build PySide6's Qt namespace at start-up
    area.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    area.setWidgetResizable(True)
    area.setWidget(view)
    return area
