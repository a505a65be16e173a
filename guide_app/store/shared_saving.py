"""Saving a review in a shared folder: one computer at a time, merged with what others saved.

Before writing, a computer takes a short turn (`<file>.saving`, made exclusively), reads the
file again and, if another computer saved it since this one last read it, merges the two
against what this one last read. Where both changed the same text, both texts are kept, one
after the other; for any other field this computer's value is written, and the other's
whole file is kept first among the shared folder's backups. Nothing is lost either way.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from guide_app.store.review_merge import merge
from guide_app.store.reviews import Review

WAIT_S = 20.0  # how long to wait for another computer's turn before trying again later
STALE_S = 10.0  # a turn not finished in this long was left by a crash: it is removed
JOINER = "\n\n[Saved at the same time on another computer:]\n"
_TEXTS = ("notes", "evidence", "reason", "sample_how", "what")


class BusyError(OSError):
    """Another computer kept its turn to save too long; the save is tried again later."""


def _identity(path: Path) -> tuple[int, int, int]:
    found = path.stat()
    return (found.st_ino, found.st_size, found.st_mtime_ns)


@contextlib.contextmanager
def saving_turn(
    path: Path,
    wait_s: float = WAIT_S,
    stale_s: float = STALE_S,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[None]:
    """Hold the turn to save `path` (waiting for another computer's turn to end)."""
    guard = path.with_name(f"{path.name}.saving")
    start = clock()
    seen: tuple[tuple[int, int, int], float] | None = None
    while True:
        try:
            os.close(os.open(guard, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            pass
        try:
            found = _identity(guard)
        except FileNotFoundError:
            continue  # the other turn just ended
        if seen is None or seen[0] != found:
            seen = (found, clock())
        elif clock() - seen[1] >= stale_s:  # the same turn, unfinished for too long
            with contextlib.suppress(FileNotFoundError):
                guard.unlink()
            continue
        if clock() - start >= wait_s:
            raise BusyError(errno.EBUSY, "another computer is saving this review", str(path))
        time.sleep(0.02)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            guard.unlink()


def settled(mine: Review, theirs: Review, base: Mapping[str, Any] | None) -> Review:
    """`mine` with what another computer saved meanwhile (`theirs`), against `base`.

    What only one side changed is taken; where both changed a text, both are kept; any other
    field both changed keeps this computer's value.
    """
    found = merge(mine, theirs, base)
    if found.changes_nothing:
        return mine
    fields = dict(found.fields)
    left = []
    for conflict in found.conflicts:
        if conflict.key[-1] in _TEXTS and conflict.mine and conflict.theirs:
            fields[conflict.key] = f"{conflict.mine}{JOINER}{conflict.theirs}"
        else:
            left.append(conflict)
    settle = replace(found, fields=fields, conflicts=tuple(left))
    return settle.result(lambda _c: "mine", record=False)  # no revision: the base is known here
