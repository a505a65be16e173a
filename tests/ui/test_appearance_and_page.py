"""Zoom and themes (remembered), reading on page by page, links, printing and PDF."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide_app.ui.page_print import paper_document
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active
from tests.helpers.pdf_files import pdf_text


@pytest.fixture(autouse=True)
def _plain_look_afterwards(qapp: QApplication) -> Iterator[None]:
    """Leave the application's font and palette as they were for the next test."""
    font, palette = qapp.font(), qapp.palette()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)


def window_colour() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_zoom_by_keys_is_remembered_after_a_restart(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path
) -> None:
    window = make_window(kit_content)
    show_active(qtbot, window)
    base = QApplication.font().pointSizeF()
    qtbot.keySequence(window, QKeySequence("Ctrl+="))
    qtbot.keySequence(window, QKeySequence("Ctrl+="))
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25, rel=0.02)
    assert window.reader.font().pointSizeF() > QApplication.font().pointSizeF()
    assert "125%" in window.commands["zoom_reset"].text()
    window.close()
    again = make_window(kit_content)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.25, rel=0.02)
    show_active(qtbot, again)
    qtbot.keySequence(again, QKeySequence("Ctrl+0"))
    assert QApplication.font().pointSizeF() == pytest.approx(base, rel=0.02)


def test_dark_and_high_contrast_themes_restyle_the_page_and_are_remembered(
    make_window: MakeWindow, kit_content: Path
) -> None:
    window = make_window(kit_content)
    window.open("alpha")
    window.commands["theme_dark"].trigger()
    assert window_colour() < 100
    assert window.commands["theme_dark"].isChecked()
    text = window.reader.palette().color(QPalette.ColorRole.Text).name()
    assert f"color: {text}" in window.reader.document().defaultStyleSheet()
    window.commands["theme_contrast"].trigger()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert QApplication.palette().color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    window.close()
    again = make_window(kit_content)
    assert again.commands["theme_contrast"].isChecked()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    again.commands["theme_light"].trigger()
    assert window_colour() > 150


def test_print_and_pdf_are_light_whatever_the_theme(window: MainWindow, tmp_path: Path) -> None:
    window.open("ex-one")
    window.commands["theme_dark"].trigger()
    page = window.reader.page
    assert page is not None
    assert "color: #000000" in paper_document(page).defaultStyleSheet()
    window.reading.save_pdf(tmp_path / "page.pdf")
    data = (tmp_path / "page.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    text = pdf_text(tmp_path / "page.pdf")
    assert "Example one" in text
    assert "What others can learn" in text


def test_previous_and_next_follow_the_guide_order(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    qtbot.keySequence(window, QKeySequence("Alt+PgDown"))
    assert window.current_id == "alpha/solutions"
    qtbot.keySequence(window, QKeySequence("Alt+PgDown"))
    assert window.current_id == "act-one"
    qtbot.keySequence(window, QKeySequence("Alt+PgUp"))
    assert window.current_id == "alpha/solutions"
    assert "Next: " in window.reader.toPlainText()
    window.open("home")
    window.commands["previous_page"].trigger()
    assert window.statusBar().currentMessage() == "This is the first page."


def test_copy_link_gives_a_link_that_open_accepts(qtbot: QtBot, window: MainWindow) -> None:
    window.open("crit-two")
    window.commands["copy_link"].trigger()
    link = QGuiApplication.clipboard().text()
    assert link == "guide:crit-two"
    window.open("home")
    assert window.open(link)
    assert window.reader.page is not None
    assert window.reader.page.node_id == "principle-one"


@pytest.mark.parametrize("page", ["local-knowledge", "about"])
def test_lines_keep_a_readable_length_in_a_wide_window(
    qtbot: QtBot, make_window: MakeWindow, page: str
) -> None:
    window = make_window(None, page)  # a long page and a short one
    window.resize(1600, 900)
    show_active(qtbot, window)
    reader = window.reader
    QApplication.processEvents()
    readable = reader.fontMetrics().averageCharWidth() * 80
    expected = max(16, (reader.viewport().width() - readable) // 2)
    assert reader.document().rootFrame().frameFormat().leftMargin() == expected
    assert expected > 16  # the window is wide enough for the margins to grow
    assert reader.verticalScrollBar().isVisible()  # always: lines never reflow when it appears
