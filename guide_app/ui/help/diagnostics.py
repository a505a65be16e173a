"""A short, shareable description of this installation for IT support: nothing personal."""

from __future__ import annotations

import platform
import sqlite3
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion

from guide_app import __version__, paths
from guide_app.guide.model import Guide


def _shown(path: Path) -> str:
    """A path with the user's home folder written as ~ (the user name stays private)."""
    try:
        return "~/" + path.resolve().relative_to(Path.home().resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):
        return str(path)


def diagnostics(guide: Guide, data_dir: Path, mode: str, log_file: Path | None) -> str:
    """Versions, platform and paths, one per line, ready to paste into a support request."""
    frozen = "bundle" if getattr(sys, "frozen", False) else "Python package"
    lines = [
        f"Pain & Mental Health Guide {__version__} ({frozen})",
        f"Content edition {guide.edition} ({guide.date}), {len(guide.nodes)} pages",
        (
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
            f"SQLite {sqlite3.sqlite_version}"
        ),
        f"Platform: {platform.platform()} ({platform.machine()})",
        f"Data folder ({mode}): {_shown(data_dir)}",
        f"Log file: {_shown(log_file) if log_file else 'none'}",
        f"Content folder: {_shown(paths.content_dir())}",
        f"Program folder: {_shown(paths.app_dir())}",
    ]
    return "\n".join(lines)
