"""Who has a review open in a shared folder: one lock file per review, kept alive by a heartbeat.

A lock file (`<review id>.lock` beside the review) says who holds it, on which computer, since
when, and counts heartbeats. The holder rewrites it every HEARTBEAT_S seconds. Another computer
treats it as stale, and may take it over, when its heartbeat has not moved for STALE_S seconds
of that computer's own clock (so clocks that disagree do not matter), when its time is more than
an hour old, or when it was written on this computer by a process that is no longer running.
A crashed or unplugged PC therefore never keeps a review locked for more than a few minutes.
(QLockFile is not used: it has no heartbeat, so a review open all morning would look stale to
other computers, and the store layer does not use Qt.)
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from guide_app.common.safe_files import write_atomic
from guide_app.common.user_text import clean

HEARTBEAT_S = 30
STALE_S = 150  # five missed heartbeats
CLOCK_STALE_S = 3600  # a lock whose own time is this old is stale whatever else is seen
SUFFIX = ".lock"


def this_computer() -> str:
    """This computer's name, read without any network call."""
    if sys.platform == "win32":
        return os.environ.get("COMPUTERNAME", "") or "this computer"
    return os.uname().nodename or "this computer"


def user_name() -> str:
    """The name the operating system gives the user ("" when it gives none)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return ""


@dataclass(frozen=True)
class Holder:
    """Who holds a review's lock: name, computer, process, since when, and the heartbeat."""

    who: str
    computer: str
    pid: int
    since: float  # time.time() when the lock was taken
    at: float  # time.time() of the last heartbeat
    beat: int
    token: str  # unique to one taking of the lock

    def to_bytes(self) -> bytes:
        """The lock file's bytes."""
        return (json.dumps(asdict(self), ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> Holder | None:
        """The holder written in a lock file, or None if it cannot be read."""
        try:
            record = json.loads(raw.decode("utf-8"))
            return cls(
                who=clean(str(record["who"]))[:200],
                computer=clean(str(record["computer"]))[:200],
                pid=int(record["pid"]),
                since=float(record["since"]),
                at=float(record["at"]),
                beat=int(record["beat"]),
                token=str(record["token"]),
            )
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            return None

    @property
    def label(self) -> str:
        """Who and where, for the user: "Sam Jones on PC-12"."""
        return f"{self.who or 'someone'} on {self.computer or 'another computer'}"


def _running(pid: int) -> bool:
    """Whether a process with `pid` runs on this computer (True when that cannot be told)."""
    if sys.platform == "win32":
        return True  # not told without extra calls: the heartbeat decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, under another user
    return True


class ReviewLocks:
    """The locks this app holds in one shared folder, and what it sees of others' locks."""

    def __init__(
        self,
        folder: Path,
        who: str,
        *,
        stale_s: float = STALE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.folder, self.who = folder, who
        self.stale_s, self._clock = stale_s, clock
        self.computer = this_computer()
        self._held: dict[str, Holder] = {}
        self._seen: dict[str, tuple[bytes, float]] = {}  # others' lock bytes, first seen at

    def path(self, review_id: str) -> Path:
        """The lock file of a review."""
        return self.folder / f"{review_id}{SUFFIX}"

    def holds(self, review_id: str) -> bool:
        """Whether this app holds the review's lock."""
        return review_id in self._held

    def held(self) -> list[str]:
        """The reviews whose locks this app holds."""
        return sorted(self._held)

    def other_holder(self, review_id: str) -> Holder | None:
        """Who else has the review open (None: nobody, this app, or a lock gone stale)."""
        if review_id in self._held:
            return None
        raw = self._read(review_id)
        if raw is None:
            self._seen.pop(review_id, None)
            return None
        holder = Holder.from_bytes(raw)
        if self._stale(review_id, raw, holder):
            return None
        return holder or Holder("someone", "another computer", 0, 0.0, 0.0, 0, "")

    def _read(self, review_id: str) -> bytes | None:
        try:
            with self.path(review_id).open("rb") as stream:
                return stream.read(4096)
        except FileNotFoundError:
            return None

    def _stale(self, review_id: str, raw: bytes, holder: Holder | None) -> bool:
        """Whether another's lock may be taken over (see the module's docstring)."""
        now = self._clock()
        seen = self._seen.get(review_id)
        if seen is None or seen[0] != raw:
            self._seen[review_id] = (raw, now)  # it moved: its heartbeat is alive
            seen = self._seen[review_id]
        if now - seen[1] >= self.stale_s:
            return True
        if holder is None:
            return False  # half-written or foreign: only time tells
        if time.time() - holder.at > CLOCK_STALE_S:
            return True
        return holder.computer == self.computer and not _running(holder.pid)

    def take(self, review_id: str) -> Holder | None:
        """Take the review's lock; None when this app holds it, else who else does."""
        if review_id in self._held:
            return None
        moment = time.time()
        mine = Holder(self.who, self.computer, os.getpid(), moment, moment, 0,
                      secrets.token_hex(8))  # fmt: skip
        try:
            handle = os.open(self.path(review_id), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            other = self.other_holder(review_id)
            if other is not None:
                return other
            write_atomic(self.path(review_id), mine.to_bytes(), shared=True)  # stale: take it
            time.sleep(0.05)  # another computer taking it in the same instant: the last wins
            if Holder.from_bytes(self._read(review_id) or b"") != mine:
                return self.other_holder(review_id) or Holder(
                    "someone", "another computer", 0, moment, moment, 0, ""
                )
        else:
            with os.fdopen(handle, "wb") as stream:
                stream.write(mine.to_bytes())
                stream.flush()
                os.fsync(stream.fileno())
        self._held[review_id] = mine
        self._seen.pop(review_id, None)
        return None

    def beat(self) -> list[str]:
        """Renew every lock held; return the reviews whose locks were lost to another computer.

        A lock is lost when this computer stopped beating long enough (asleep, cut off the
        network) for another to take it over; that review is then read-only here.
        """
        lost = []
        for review_id, mine in list(self._held.items()):
            try:
                found = Holder.from_bytes(self._read(review_id) or b"")
            except OSError:
                continue  # the folder cannot be reached now: try again at the next beat
            if found is not None and found.token != mine.token:
                del self._held[review_id]
                lost.append(review_id)
                continue
            renewed = replace(mine, at=time.time(), beat=mine.beat + 1)
            try:
                write_atomic(self.path(review_id), renewed.to_bytes(), shared=True)
            except OSError:
                continue
            self._held[review_id] = renewed
        return lost

    def release(self, review_id: str) -> None:
        """Give the review's lock back (only if the file is still this app's)."""
        mine = self._held.pop(review_id, None)
        if mine is None:
            return
        with contextlib.suppress(OSError):
            found = Holder.from_bytes(self._read(review_id) or b"")
            if found is not None and found.token == mine.token:
                self.path(review_id).unlink()

    def release_all(self) -> None:
        """Give back every lock held (on close)."""
        for review_id in list(self._held):
            self.release(review_id)
