"""Quit cleanly (saving state) when the process gets SIGTERM or SIGINT, e.g. at logout."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier


class SignalQuitter(QObject):
    """Wakes the Qt event loop through a socket when a signal arrives, then calls `on_signal`.

    Python runs signal handlers only between bytecodes, which a waiting Qt event loop never
    executes; `signal.set_wakeup_fd` writes a byte that a QSocketNotifier sees at once.
    """

    def __init__(self, app: QCoreApplication, on_signal: Callable[[], object]) -> None:
        super().__init__(app)
        self._on_signal = on_signal
        self._pending = False
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)  # noqa: FBT003
        self._writer.setblocking(False)  # noqa: FBT003
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous = {
            s: signal.signal(s, self._handle) for s in (signal.SIGTERM, signal.SIGINT)
        }

    def _handle(self, _signum: int, _frame: object) -> None:
        # Runs between any two bytecodes: only note it here; act from the event loop.
        self._pending = True

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            self._reader.recv(64)
        if self._pending:
            self._pending = False
            self._on_signal()

    def uninstall(self) -> None:
        """Restore the previous handlers."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()
