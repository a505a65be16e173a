"""Logging: a file in the data folder (rotated at start), warnings to stderr, all with --verbose."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import sys
from pathlib import Path
from typing import TextIO

from guide_app.common.safe_files import DataRoot, unsafe

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 512 * 1024
KEEP = 3  # older files: guide-app.log.1 to .3


def setup(
    *, verbose: bool, log_file: Path | None = None, data: DataRoot | None = None
) -> Path | None:
    """Log to `log_file` (info and worse) and to stderr (warnings, or all if verbose).

    A log file that has grown past MAX_BYTES is set aside as guide-app.log.1 (and older ones
    moved along, KEEP at most) before this start writes to a new one. (Rotating at start,
    rather than with logging.handlers, keeps its socket and pickle imports out of start-up;
    a session writes a few lines per action, so one session's log stays small.)

    The log is a plain file inside the data folder (`data`, by default the log's folder's
    parent): a link, a pipe or a linked logs folder is left alone and only stderr is used.

    Returns the log file in use, or None if it could not be opened (then only stderr is used,
    and the reason is logged there).
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in [h for h in root.handlers if getattr(h, "_guide_app", False)]:
        root.removeHandler(handler)
        handler.close()
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    _add(root, stderr)
    if log_file is None:
        return None
    data = data if data is not None else DataRoot(log_file.parent.parent)
    try:
        data.folder(log_file.parent)
        _rotate(log_file, data)
        to_file: logging.Handler = _LogFile(_open_for_append(log_file))
    except OSError as error:
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", log_file, error)
        return None
    to_file.setLevel(logging.DEBUG if verbose else logging.INFO)
    _add(root, to_file)
    return log_file


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._guide_app = True  # type: ignore[attr-defined]
    root.addHandler(handler)


class _LogFile(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to a log file opened here (see _open_for_append), and closes it when removed."""

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        super().close()


def _open_for_append(path: Path) -> TextIO:
    """Open the plain file `path` to add lines at its end, never through a link or a pipe."""
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except OSError:
        mode = os.lstat(path).st_mode if os.path.lexists(path) else 0
        if mode and not stat.S_ISREG(mode):
            raise unsafe(path, mode) from None
        raise
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise unsafe(path, mode)
    return os.fdopen(handle, "a", encoding="utf-8", errors="backslashreplace")


def _rotate(log_file: Path, root: DataRoot) -> None:
    """Set a large log aside (.1, moving older ones to .2 and .3 and dropping the oldest)."""
    try:
        found = os.lstat(log_file)
    except OSError:
        return  # no log yet
    if not stat.S_ISREG(found.st_mode) or found.st_size < MAX_BYTES:
        return  # small, or not a plain file (refused when it is opened)
    older = [log_file.with_name(f"{log_file.name}.{n}") for n in range(1, KEEP + 1)]
    with contextlib.suppress(OSError):  # if it cannot be moved, this start adds to it
        for newer, oldest in zip(reversed(older[:-1]), reversed(older[1:]), strict=True):
            if newer.exists():
                root.move(newer, oldest)
        root.move(log_file, older[0])
