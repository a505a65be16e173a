"""Remember and restore the window's geometry, splitter sizes and last page in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_SPLITTER = "window/splitter"
_LAST_PAGE = "reader/last_page"


def _bytes(settings: QSettings, key: str) -> QByteArray | None:
    value = settings.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def restore(window: QMainWindow, settings: QSettings) -> None:
    """Restore what `save` stored; anything missing or unreadable keeps the defaults."""
    geometry = _bytes(settings, _GEOMETRY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = _bytes(settings, _STATE)
    if state is not None:
        window.restoreState(state)
    splitter = window.findChild(QSplitter, "mainSplitter")
    sizes = _bytes(settings, _SPLITTER)
    if splitter is not None and sizes is not None:
        splitter.restoreState(sizes)


def last_page(settings: QSettings) -> str | None:
    """The id of the page shown when the app last closed."""
    value = settings.value(_LAST_PAGE)
    return value if isinstance(value, str) and value else None


def save(window: QMainWindow, settings: QSettings, current_page: str | None) -> None:
    """Store geometry, toolbar state, splitter sizes and the current page, and write to disk."""
    settings.setValue(_GEOMETRY, window.saveGeometry())
    settings.setValue(_STATE, window.saveState())
    splitter = window.findChild(QSplitter, "mainSplitter")
    if splitter is not None:
        settings.setValue(_SPLITTER, splitter.saveState())
    if current_page:
        settings.setValue(_LAST_PAGE, current_page)
    settings.sync()
