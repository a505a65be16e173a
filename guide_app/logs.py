"""Logging set-up: warnings to stderr, everything with --verbose."""

from __future__ import annotations

import logging
import sys

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup(*, verbose: bool) -> None:
    """Send log records to stderr: all of them when `verbose`, else warnings and worse."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)
    if not any(getattr(h, "_guide_app", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._guide_app = True  # type: ignore[attr-defined]
        root.addHandler(handler)
