"""Logging: a file in the data folder (rotated at start), warnings to stderr, all with --verbose."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 512 * 1024
KEEP = 3  # older files: guide-app.log.1 to .3


def setup(*, verbose: bool, log_file: Path | None = None) -> Path | None:
    """Log to `log_file` (info and worse) and to stderr (warnings, or all if verbose).

    A log file that has grown past MAX_BYTES is set aside as guide-app.log.1 (and older ones
    moved along, KEEP at most) before this start writes to a new one. (Rotating at start,
    rather than with logging.handlers, keeps its socket and pickle imports out of start-up;
    a session writes a few lines per action, so one session's log stays small.)

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
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        _rotate(log_file)
        to_file = logging.FileHandler(log_file, encoding="utf-8")
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


def _rotate(log_file: Path) -> None:
    """Set a large log aside (.1, moving older ones to .2 and .3 and dropping the oldest)."""
    try:
        if log_file.stat().st_size < MAX_BYTES:
            return
    except OSError:
        return  # no log yet
    older = [log_file.with_name(f"{log_file.name}.{n}") for n in range(1, KEEP + 1)]
    with contextlib.suppress(OSError):  # if it cannot be moved, this start adds to it
        for newer, oldest in zip(reversed(older[:-1]), reversed(older[1:]), strict=True):
            if newer.exists():
                newer.replace(oldest)
        log_file.replace(older[0])
