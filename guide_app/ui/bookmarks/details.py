"""The Bookmarks pane's details: the note field, the room they take, dates as people read them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from guide_app.ui.text_limit import LimitedTextEdit


class NoteField(LimitedTextEdit):
    """A bookmark's note: asks for four lines and takes whatever room the pane has.

    Asking for Qt's usual 192 pixels would make the details scroll on a short screen even at
    100 %; with less room than four lines (200 % on a small screen) the details scroll.
    """

    def sizeHint(self) -> QSize:
        """Four lines high."""
        frame = 2 * self.frameWidth() + round(2 * self.document().documentMargin())
        return QSize(super().sizeHint().width(), 4 * self.fontMetrics().lineSpacing() + frame)


def scrolling(details: QWidget) -> QScrollArea:
    """`details` in a frameless scroll area: with too little room they scroll, never cut off."""
    area = QScrollArea()
    area.setObjectName("bookmarkDetailsArea")
    area.setWidget(details)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def room_for_details(split: QSplitter, area: QScrollArea, details: QWidget) -> None:
    """Give the details the height they ask for, up to half the split; the list the rest.

    Otherwise the list, asking for more, takes the room and the details scroll even at 100 %;
    with less room than they ask for (200 % on a small screen) they scroll.
    """
    sizes = split.sizes()
    total = sum(sizes)
    width = area.viewport().width()
    wanted = details.heightForWidth(width) if details.hasHeightForWidth() else -1
    wanted = min(wanted if wanted > 0 else details.sizeHint().height(), total // 2)
    if len(sizes) == 2 and sizes[1] < wanted:
        split.setSizes([total - wanted, wanted])


def when(stamp: str) -> str:
    """Show a stored UTC time as local date and time, e.g. 26 Nov 2026, 14:05."""
    try:
        moment = dt.datetime.fromisoformat(stamp).astimezone()
    except (ValueError, OverflowError):  # not a time, or one too near year 1 or 9999 to shift
        return stamp
    return moment.strftime("%d %b %Y, %H:%M").lstrip("0")
