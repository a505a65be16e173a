"""The window the UI tests share: the small test content, shown and active."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, kit_content: Path) -> MainWindow:
    """The main window over the small test content, shown and active."""
    win = make_window(kit_content)
    show_active(qtbot, win)
    return win
