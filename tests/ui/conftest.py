"""Fixtures that build the real main window on real content, writing into tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from guide_app.app import create_main_window
from guide_app.ui.window.main_window import MainWindow
from tests.content_kit import write_content

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def kit_content(tmp_path: Path) -> Path:
    """A small content folder with every kind of node."""
    return write_content(tmp_path / "content")


@pytest.fixture
def make_window(qtbot: QtBot, data_dir: Path) -> MakeWindow:
    """Build a main window the way the app does; closes with the test."""

    def make(content: Path | None = None, open_id: str | None = None) -> MainWindow:
        window = create_main_window(content, data_dir, open_id)
        qtbot.addWidget(window)
        return window

    return make


def show_active(qtbot: QtBot, window: QWidget) -> None:
    """Show `window` and wait until it is the active window, so its shortcuts work."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, kit_content: Path) -> MainWindow:
    """The main window over the small test content, shown and active."""
    win = make_window(kit_content)
    show_active(qtbot, win)
    return win
