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

from guide_app.common.safe_files import DataRoot, FolderMovedError

log = logging.getLogger(__name__)
LOCK_NAME = "guide-app.lock"
REQUESTS = "requests"
_POLL_MS = 1500  # in case the folder watcher misses an event (network drives)
ANSWER_S = 5.0  # how long a later start waits for the running app to take its request
REQUEST_LIMIT = 64 * 1024  # a request holds a page id and a process id: a few dozen bytes


class InstanceGuard(QObject):
    """Holds the data folder's lock and serves requests from later starts.

    Signals:
        requested(str): a later start asked to be shown; the text is a page id, or "".
        lost(str): the data folder was moved, deleted or replaced while the app held it; the
            text says so for the user (emitted once).
    """

    requested = Signal(str)
    lost = Signal(str)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.root = DataRoot(data_dir)
        self.handed_over = False  # a later start: the running app took its request
        self._lost = False
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when the holder's process is gone
        self._folder = data_dir / REQUESTS
        self._watcher: QFileSystemWatcher | None = None
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._serve)

    def acquire(self, *, serve: bool = True) -> bool:
        """Take the lock; True if this process may write the data folder.

        False means another process holds it. Raises OSError when the folder cannot be written
        (read-only, no permission), which is not the same as another app holding it. With
        `serve` false (the smoke test) no request from a later start is looked for.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            with tempfile.TemporaryFile(dir=self.data_dir):  # raises the system's reason
                pass
            raise PermissionError(errno.EACCES, "its lock file cannot be created")
        self.root.claim()  # from now on the data folder is this very folder
        if not serve:
            return True
        try:
            self.root.folder(self._folder)
            waiting = self.root.files(self._folder, "*.json")
        except OSError as error:  # a link where the folder should be: later starts cannot ask
            log.warning("not serving requests from later starts: %s", error)
            return True
        for old in waiting:  # left by a crash; none waiting now
            with contextlib.suppress(OSError):
                if time.time() - old.stat().st_mtime > ANSWER_S:
                    self.root.remove(old)
        self._watcher = QFileSystemWatcher([str(self._folder)], self)
        self._watcher.directoryChanged.connect(self._serve)
        self._poll.start(_POLL_MS)
        # A start made while this one loads left its request before the watcher was there:
        # answer it as soon as events run, not at the first poll (it waits only ANSWER_S).
        QTimer.singleShot(0, self._serve)
        return True

    def holder(self) -> int | None:
        """The process id holding the lock, if it can be read."""
        info = self._lock.getLockInfo()  # (pid, host, app name); pid 0 when unreadable
        return info[0] or None

    def holder_text(self) -> str:
        """Who holds the lock, for the user: process, program and computer, if known."""
        from PySide6.QtCore import QSysInfo  # only when a lock is held by another

        pid, host, app = self._lock.getLockInfo()
        if not pid:
            return "nobody that can be named (its lock file is empty or damaged)"
        here = host in ("", QSysInfo.machineHostName())
        where = "on this computer" if here else f"on the computer “{host}”"
        return f"process {pid} ({app or 'unknown program'}) {where}"

    def take_over(self) -> bool:
        """Take the lock from a holder that did not answer; True if this process holds it now.

        Only for a lock whose holder did not respond (a crash on another computer sharing a
        USB stick, an empty or damaged lock file, a process id now used by another program),
        after the user agreed.
        """
        log.warning("taking over the data folder %s from %s", self.data_dir, self.holder_text())
        self._lock.removeStaleLockFile()
        with contextlib.suppress(OSError):
            (self.data_dir / LOCK_NAME).unlink(missing_ok=True)  # if Qt would not remove it
        return self.acquire()

    def release(self) -> None:
        """Give up the lock (also happens when the process ends)."""
        self._poll.stop()
        if self._lock.isLocked():
            self._lock.unlock()

    def _serve(self) -> None:
        try:
            self.root.check()
            requests = self.root.files(self._folder, "*.json")
        except OSError as error:
            self._lose(error)
            return
        for request in requests:
            try:
                raw = self.root.read(request, REQUEST_LIMIT)
            except FileNotFoundError:
                continue
            except OSError as error:  # too large, or replaced by something else: drop it
                log.warning("ignored the request %s: %s", request, error)
                raw = b""
            with contextlib.suppress(OSError):
                self.root.remove(request)
            try:
                payload = json.loads(raw.decode("utf-8"))
            except (ValueError, RecursionError):
                payload = None
            if not isinstance(payload, dict):
                log.warning("ignored a request that is not what a later start writes: %s", request)
                continue
            target = payload.get("open")
            log.info("opened on request from process %s: %s", payload.get("pid"), target)
            self.requested.emit(target if isinstance(target, str) else "")

    def _lose(self, error: OSError) -> None:
        """Say once that the data folder is gone from where it was (saves fail from now on)."""
        if self._lost:
            return
        self._lost = True
        log.error("the data folder %s is no longer usable: %s", self.data_dir, error)
        what = (
            "was moved, deleted or replaced while the guide was open"
            if isinstance(error, FolderMovedError)
            else f"can no longer be used ({error.strerror or error})"
        )
        self.lost.emit(
            f"The data folder {self.data_dir} {what}. Nothing more is saved there; your "
            "bookmarks and reviews are kept in this window. Put the folder back and restart "
            "the guide, or export your bookmarks and reviews before you close it."
        )


def hand_over(data_dir: Path, open_id: str | None, timeout_s: float = ANSWER_S) -> bool:
    """Ask the app holding `data_dir` to come forward (and open `open_id`).

    Returns True once it has picked up the request, False if it did not answer in time.
    """
    folder = data_dir / REQUESTS
    request = folder / f"{os.urandom(16).hex()}.json"  # a random name no other start picks
    try:
        data = json.dumps({"open": open_id, "pid": os.getpid()}).encode("utf-8")
        DataRoot(data_dir).write(request, data)
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
