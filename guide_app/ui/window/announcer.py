"""One way to tell the user something: shown in the status bar and spoken by screen readers."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

STATUS_MS = 6000  # how long a message stays in the status bar


class Announcer(QObject):
    """Shows each message in the window's status bar and hands it to screen readers.

    Every message for the user goes through here, so none is only seen or only heard.

    Signals:
        announced(str): a message was shown and offered to screen readers.
    """

    announced = Signal(str)

    def __init__(self, window: QWidget, status: QStatusBar) -> None:
        super().__init__(window)
        self.setObjectName("announcer")
        self._window = window
        self._status = status
        self._placed = ""  # a message about what is on screen (ms=0), e.g. a hovered link

    def place_changed(self) -> None:
        """Another page or view is shown: take away a message about the one before."""
        if self._placed and self._status.currentMessage() == self._placed:
            self._status.clearMessage()
        self._placed = ""

    def announce(self, text: str, ms: int = STATUS_MS) -> None:
        """Show `text` for `ms` milliseconds and have it spoken.

        With `ms` 0 the message is about what is on screen: it stays until the next message,
        or until another page or view is shown.
        """
        self._placed = text if ms == 0 else ""
        self._status.showMessage(text, ms)
        self.announced.emit(text)
        from PySide6.QtGui import QAccessible  # not needed for the first frame

        if QAccessible.isActive():  # a screen reader (or another assistive tool) is listening
            from PySide6.QtGui import QAccessibleAnnouncementEvent

            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._window, text))

    def clear(self) -> None:
        """Take the message away (nothing is spoken)."""
        self._status.clearMessage()


def announcer_of(window: QWidget) -> Announcer:
    """The announcer of `window` (the main window makes one before anything can speak)."""
    found = window.findChild(QObject, "announcer")
    if not isinstance(found, Announcer):
        raise LookupError("this window has no announcer")
    return found
