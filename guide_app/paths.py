"""Every on-disk location the app uses: bundled content and resources, and the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from guide_app import identity

DATA_DIR_ENV = "GUIDE_APP_DATA_DIR"
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


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the folder for everything the app writes (settings, bookmarks, reviews).

    Order: an explicit override (`--data-dir`), then the GUIDE_APP_DATA_DIR environment variable,
    then the platform's per-user application data folder from QStandardPaths.
    """
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return _standard_data_dir()


def _standard_data_dir() -> Path:
    """Ask Qt for the per-user data folder (the names must be set before any path is resolved)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(identity.ORG_NAME)
    QCoreApplication.setOrganizationDomain(identity.ORG_DOMAIN)
    QCoreApplication.setApplicationName(identity.DATA_FOLDER_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not location:
        return Path.home() / f".{identity.DATA_FOLDER_NAME}"
    return Path(location)


def settings_file(data: Path) -> Path:
    """Return the preferences file (window geometry, last page) inside a data folder."""
    return data / "settings.ini"
