"""Fixtures shared by the reliability tests that drive the real window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide_app.app import create_main_window
from guide_app.ui.window.main_window import MainWindow
from tests.content_kit import write_content

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> MakeWindow:
    """Build the main window the way the app does, on the small test content."""
    content = write_content(tmp_path / "content")

    def make() -> MainWindow:
        window = create_main_window(content, data_dir)
        qtbot.addWidget(window)
        return window

    return make
