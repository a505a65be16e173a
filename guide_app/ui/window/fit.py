"""Fit the main window to its screen: never larger than the room the desktop leaves for it."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1100, 760)  # the window's first size, where the screen has room for it
# Room for the window's frame before the window manager has drawn one (title bar, borders);
# the real frame is used once it is known.
FRAME_GUESS = QMargins(8, 40, 8, 8)


def frame_margins(window: QWidget) -> QMargins:
    """The window's frame (title bar and borders), or a generous guess if not yet known."""
    frame, inner = window.frameGeometry(), window.geometry()
    known = QMargins(
        inner.left() - frame.left(),
        inner.top() - frame.top(),
        frame.right() - inner.right(),
        frame.bottom() - inner.bottom(),
    )
    return known if known.top() > 0 else FRAME_GUESS


def fitted(frame: QRect, available: QRect) -> QRect:
    """`frame` shrunk and moved just enough to lie inside `available`."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = min(max(frame.left(), available.left()), available.left() + available.width() - width)
    top = min(max(frame.top(), available.top()), available.top() + available.height() - height)
    return QRect(left, top, width, height)


def centred(size: QSize, available: QRect) -> QRect:
    """A rectangle of `size` (at most `available`'s) in the middle of `available`."""
    size = size.boundedTo(available.size())
    return QRect(
        available.left() + (available.width() - size.width()) // 2,
        available.top() + (available.height() - size.height()) // 2,
        size.width(),
        size.height(),
    )


def _place(window: QWidget, frame: QRect, margins: QMargins) -> None:
    """Give `window` the frame rectangle `frame` by placing the inside of the window.

    Before the window manager has framed the window Qt knows only its inside: a frame
    guessed and placed with move() would creep by a border's width at every start.
    """
    window.setGeometry(frame.marginsRemoved(margins))


def open_fitted(window: QWidget, available: QRect | None = None) -> None:
    """Size a new window to PREFERRED, or less on a small screen, in the middle of the screen."""
    room = available if available is not None else window.screen().availableGeometry()
    margins = frame_margins(window)
    _place(window, centred(PREFERRED.grownBy(margins), room), margins)


def keep_on_screen(window: QWidget, available: QRect | None = None) -> bool:
    """Shrink and move the window, frame and all, into the screen's free area if it is not.

    A restored size from a larger screen (or a size forced before the reviews scrolled) is
    not kept. A maximised or full-screen window is the window manager's to fit. Returns
    whether the window had to change.
    """
    if window.isMaximized() or window.isFullScreen():
        return False
    room = available if available is not None else window.screen().availableGeometry()
    margins = frame_margins(window)
    frame = window.geometry().marginsAdded(margins)
    target = fitted(frame, room)
    if target == frame:
        return False
    _place(window, target, margins)
    return True
