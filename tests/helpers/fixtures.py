"""Fixtures that build the real main window on real content, writing into tmp_path.

tests/conftest.py registers this module as a plugin, so every folder has the same fixtures.
Qt and the app are imported inside the fixtures, not at the top: the Qt-free tests (unit/)
load this module too, and run without PySide6.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.helpers.content_kit import write_content

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from guide_app.ui.window.main_window import MainWindow

# make_window(content=None, open_id=None): `content` None is the shipped guide, as in the app.
MakeWindow = Callable[..., "MainWindow"]


@pytest.fixture
def kit_content(tmp_path: Path) -> Path:
    """A small content folder with every kind of node."""
    return write_content(tmp_path / "content")


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path) -> MakeWindow:
    """Build a main window the way the app does; it closes with the test."""
    from guide_app.shell.app import create_main_window

    def make(content: Path | None = None, open_id: str | None = None) -> MainWindow:
        window = create_main_window(content, data_dir, open_id)
        qtbot.addWidget(window)
        return window

    return make


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show `window` and wait until it is the active window, so its shortcuts work."""
    from PySide6.QtWidgets import QApplication

    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
