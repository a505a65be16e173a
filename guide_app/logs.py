"""Logging: a rotating file in the data folder, warnings to stderr, everything with --verbose."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MAX_BYTES = 512 * 1024
KEEP = 3  # older files: guide-app.log.1 to .3


def setup(*, verbose: bool, log_file: Path | None = None) -> Path | None:
    """Log to `log_file` (info and worse, rotated) and to stderr (warnings, or all if verbose).

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
        to_file = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8"
        )
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
