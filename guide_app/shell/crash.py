"""The last line of defence: log an unhandled error, save pending work, tell the user."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)


class CrashHandler:
    """Replaces sys.excepthook (and threading.excepthook) while the app runs.

    On an unhandled error it logs the traceback, calls `flush` to save anything pending, and
    calls `tell` with a message naming the log file. The app keeps running when it can.
    """

    def __init__(
        self,
        log_file: Path | None,
        flush: Callable[[], object],
        tell: Callable[[str], object] | None,
    ) -> None:
        self.log_file = log_file
        self._flush = flush
        self._tell = tell
        self._busy = False
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        """Start handling unhandled errors."""
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value, args.exc_traceback
        )

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        sys.excepthook, threading.excepthook = self._previous

    def handle(
        self, kind: type[BaseException], error: BaseException | None, trace: TracebackType | None
    ) -> None:
        """Log, save, tell; never raise from here."""
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error or kind(), trace)
            return
        log.critical("unhandled error", exc_info=(kind, error or kind(), trace))
        if self._busy:  # an error while handling an error: logging it is all we can do
            return
        self._busy = True
        try:
            try:
                self._flush()
                saved = "Your bookmarks and reviews have been saved."
            except Exception:
                log.exception("saving after an unhandled error failed")
                saved = "Saving your work may have failed; please check it."
            where = f" The details are in the log file {self.log_file}." if self.log_file else ""
            message = (
                f"Something went wrong in the guide: {kind.__name__}: {error}. {saved}"
                f"{where} Please send that file to whoever supports the guide."
            )
            if self._tell is not None:
                self._tell(message)
        finally:
            self._busy = False
