"""Quit cleanly (saving state) when the process gets SIGTERM or SIGINT, e.g. at logout."""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

if TYPE_CHECKING:  # Windows only: see _Wakeup
    import socket


class _Wakeup:
    """The two non-blocking ends `signal.set_wakeup_fd` writes to and the event loop reads.

    A pipe where there is one, so the app opens no socket; Windows only takes a socket there.
    """

    def __init__(self) -> None:
        self._pair: tuple[socket.socket, socket.socket] | None = None
        if os.name == "posix":
            self.reader, self.writer = os.pipe()
            for fd in (self.reader, self.writer):
                os.set_blocking(fd, False)
            return
        import socket  # Windows only

        self._pair = socket.socketpair()
        for end in self._pair:
            end.setblocking(False)  # noqa: FBT003
        self.reader, self.writer = self._pair[0].fileno(), self._pair[1].fileno()

    def drain(self) -> None:
        """Read the bytes written so far (the signal numbers), so the notifier quietens."""
        if self._pair is None:
            os.read(self.reader, 64)
        else:
            self._pair[0].recv(64)

    def close(self) -> None:
        """Close both ends."""
        if self._pair is None:
            os.close(self.reader)
            os.close(self.writer)
        else:
            for end in self._pair:
                end.close()


class SignalQuitter(QObject):
    """Wakes the Qt event loop through a pipe when a signal arrives, then calls `on_signal`.

    Python runs signal handlers only between bytecodes, which a waiting Qt event loop never
    executes; `signal.set_wakeup_fd` writes a byte that a QSocketNotifier sees at once.
    """

    def __init__(self, app: QCoreApplication, on_signal: Callable[[], object]) -> None:
        super().__init__(app)
        self._on_signal = on_signal
        self._pending = False
        self._wakeup = _Wakeup()
        self._previous_fd = signal.set_wakeup_fd(self._wakeup.writer)
        self._notifier = QSocketNotifier(self._wakeup.reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {
            s: signal.signal(s, self._handle) for s in (signal.SIGTERM, signal.SIGINT)
        }

    def _handle(self, _signum: int, _frame: object) -> None:
        # Runs between any two bytecodes: only note it here; act from the event loop.
        self._pending = True

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._wakeup.drain()
        if self._pending:
            self._pending = False
            self._on_signal()

    def uninstall(self) -> None:
        """Restore the previous handlers."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._wakeup.close()
