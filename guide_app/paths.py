"""Every on-disk location the app uses: bundled content and resources, and the user data folder."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from guide_app import identity

DATA_DIR_ENV = "GUIDE_APP_DATA_DIR"
PORTABLE_MARKER = "portable.txt"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """Return a folder shipped with the app.

    A wheel and a frozen build carry it inside the package (guide_app/<name>); a source checkout
    keeps it at the top of the repository, beside the package.
    """
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def content_dir() -> Path:
    """Return the folder holding the guide's YAML content."""
    return _bundled("content")


def resources_dir() -> Path:
    """Return the folder holding icons, desktop files and style templates."""
    return _bundled("resources")


def keys_dir() -> Path:
    """Return the folder of public keys the app trusts to sign content editions as shipped."""
    return resources_dir() / "keys"


def app_dir() -> Path:
    """The folder holding the program: the bundle's folder, or the Python's for a source run."""
    return Path(sys.executable).resolve().parent


def portable_data_dir() -> Path | None:
    """`data/` beside the program when `portable.txt` sits there (a USB stick, a shared folder)."""
    folder = app_dir()
    return folder / "data" if (folder / PORTABLE_MARKER).is_file() else None


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder for everything the app writes (settings, bookmarks, reviews).

    Order: an explicit override (`--data-dir`), then the GUIDE_APP_DATA_DIR environment variable,
    then portable mode (`portable.txt` beside the program), then the platform's per-user
    application data folder from QStandardPaths.
    """
    return data_location(override)[0]


def data_location(override: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """The data folder and why it is that one: "given", "environment", "portable" or "standard"."""
    if override:
        return Path(override).expanduser(), "given"
    from_env = os.environ.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser(), "environment"
    portable = portable_data_dir()
    if portable is not None:
        return portable, "portable"
    return _standard_data_dir(), "standard"


def _standard_data_dir() -> Path:
    """Ask Qt for the per-user data folder (the names must be set before any path is resolved)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(identity.ORG_NAME)
    QCoreApplication.setOrganizationDomain(identity.ORG_DOMAIN)
    QCoreApplication.setApplicationName(identity.DATA_FOLDER_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if _per_user_base_known():
        if location:
            return Path(location)
        try:  # no usable location from Qt: fall back to the user's home folder
            return Path.home() / f".{identity.DATA_FOLDER_NAME}"
        except RuntimeError:
            pass
    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""  # POSIX temp folders are shared
    folder = Path(tempfile.gettempdir()) / f"{identity.DATA_FOLDER_NAME}{user}"
    logging.getLogger(__name__).warning(
        "no home folder (HOME is not set): keeping your data in %s, which the system may empty; "
        "start with --data-dir to keep it elsewhere",
        folder,
    )
    return folder


def _per_user_base_known() -> bool:
    """Whether Qt can place per-user folders: on Linux and BSD it builds them from the environment.

    Without HOME (and XDG_DATA_HOME) Qt answers with folders under the file system's root
    (`/.local/share/...`), which a user cannot write; Windows and macOS ask the system instead.
    """
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("HOME", "").strip()) or os.environ.get(
        "XDG_DATA_HOME", ""
    ).startswith("/")


@dataclass(frozen=True)
class DataPlace:
    """Where the user's data lives, why (given, environment, portable, standard), and the log."""

    folder: Path
    mode: str
    log: Path | None = None


def settings_file(data: Path) -> Path:
    """Return the preferences file (window geometry, last page) inside a data folder."""
    return data / "settings.ini"


def cache_dir(data: Path) -> Path:
    """Where rebuildable files live (the compiled guide, the search index): safe to delete."""
    return data / "cache"


def log_file(data: Path) -> Path:
    """Return the current log file inside a data folder (older ones end .1, .2, .3)."""
    return data / "logs" / "guide-app.log"
