"""One running app per data folder: a lock file, and a request folder a second start writes to.

A second start never writes user data. It leaves a small request (the page to open) in
`<data dir>/requests/`; the running app picks it up, brings its window forward and deletes it.
Only local files are used: the app opens no sockets and imports no networking module.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, QTimer, Signal

from guide_app.store.atomic import write_atomic

log = logging.getLogger(__name__)
LOCK_NAME = "guide-app.lock"
REQUESTS = "requests"
_POLL_MS = 1500  # in case the folder watcher misses an event (network drives)
ANSWER_S = 5.0  # how long a later start waits for the running app to take its request


class InstanceGuard(QObject):
    """Holds the data folder's lock and serves requests from later starts.

    Signals:
        requested(str): a later start asked to be shown; the text is a page id, or "".
    """

    requested = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone
        self._folder = data_dir / REQUESTS
        self._watcher: QFileSystemWatcher | None = None
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._serve)

    def acquire(self) -> bool:
        """Take the lock; True if this process may write the data folder.

        False means another process holds it. Raises OSError when the folder cannot be written
        (read-only, no permission), which is not the same as another app holding it.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            with tempfile.TemporaryFile(dir=self.data_dir):  # raises the system's reason
                pass
            raise PermissionError(errno.EACCES, "its lock file cannot be created")
        self._folder.mkdir(exist_ok=True)
        for old in self._folder.glob("*.json"):  # left behind by a crash; not one waiting now
            with contextlib.suppress(OSError):
                if time.time() - old.stat().st_mtime > ANSWER_S:
                    old.unlink()
        self._watcher = QFileSystemWatcher([str(self._folder)], self)
        self._watcher.directoryChanged.connect(self._serve)
        self._poll.start(_POLL_MS)
        return True

    def holder(self) -> int | None:
        """The process id holding the lock, if it can be read."""
        info = self._lock.getLockInfo()  # (pid, host, app name); pid 0 when unreadable
        return info[0] or None

    def release(self) -> None:
        """Give up the lock (also happens when the process ends)."""
        self._poll.stop()
        if self._lock.isLocked():
            self._lock.unlock()

    def _serve(self) -> None:
        for request in sorted(self._folder.glob("*.json")):
            try:
                payload = json.loads(request.read_text(encoding="utf-8"))
                request.unlink()
            except (OSError, ValueError):
                continue
            target = payload.get("open") if isinstance(payload, dict) else None
            log.info("opened on request from process %s: %s", payload.get("pid"), target)
            self.requested.emit(target if isinstance(target, str) else "")


def hand_over(data_dir: Path, open_id: str | None, timeout_s: float = ANSWER_S) -> bool:
    """Ask the app holding `data_dir` to come forward (and open `open_id`).

    Returns True once it has picked up the request, False if it did not answer in time.
    """
    folder = data_dir / REQUESTS
    request = folder / f"{os.urandom(16).hex()}.json"  # a random name no other start picks
    try:
        write_atomic(request, json.dumps({"open": open_id, "pid": os.getpid()}).encode("utf-8"))
    except OSError as error:
        log.warning("could not leave a request in %s: %s", folder, error)
        return False
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not request.exists():
            return True
        time.sleep(0.05)
    with contextlib.suppress(OSError):
        request.unlink()
    return False
