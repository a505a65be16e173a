"""Help: About names the edition and the data folder; diagnostics keep the user's name out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from guide_app import __version__
from guide_app.ui.help.about_dialog import AboutDialog
from guide_app.ui.window.main_window import MainWindow


class _FileManager(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toLocalFile())


def test_about_shows_version_edition_mode_and_folder(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    window.commands["about"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    text = dialog.findChild(QLabel, "aboutText").text()
    assert f"Version {__version__}" in text
    assert "Content edition 1 (1 January 2026)" in text
    assert "All 9 pages are within their review dates." in text
    assert "not produced or endorsed" in text
    assert str(data_dir) in text
    files = _FileManager()
    QDesktopServices.setUrlHandler("file", files, "open")
    try:
        dialog.open_data_folder()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert files.opened == [str(data_dir)]
    dialog.close()


def test_diagnostics_name_versions_and_hide_the_home_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    monkeypatch.setenv("HOME", str(data_dir.parent))
    window.commands["diagnostics"].trigger()
    text = QGuiApplication.clipboard().text()
    assert f"Pain & Mental Health Guide {__version__}" in text
    assert "Qt 6." in text
    assert "Data folder (given): ~/data" in text
    assert str(data_dir.parent) not in text
