"""What's changed: opened from the Help menu and the home page; its entries open their pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow
from tests.helpers.content_kit import CHANGES, write_content
from tests.helpers.fixtures import MakeWindow, show_active
from tests.helpers.reader import click_link, link_position

CHANGED = "guide:whats-changed"


@pytest.fixture
def changed(qtbot: QtBot, make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    """The window over the test content with a changes.yaml, shown and active."""
    win = make_window(write_content(tmp_path / "content", changes=CHANGES))
    show_active(qtbot, win)
    return win


def help_action(window: MainWindow, text: str) -> QAction:
    """The Help menu's action called `text` (as the menu shows it, without its '&')."""
    menus = [a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"]
    found = [a for a in menus[0].actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, f"no {text!r} in the Help menu"
    return found[0]


def shown_text(window: MainWindow) -> str:
    return window.reader.toPlainText()


def test_the_help_menu_opens_whats_changed_current_edition_first(
    qtbot: QtBot, changed: MainWindow
) -> None:
    action = help_action(changed, "What's changed in this edition")
    assert action.isEnabled()
    action.trigger()
    assert changed.current_id == "whats-changed"
    text = shown_text(changed)
    assert text.index("Edition 1 (1 January 2026)") < text.index("Edition 0 (1 June 2025)")
    assert "This edition adds an evidence page." in text
    assert "gone-page: Merged into the alpha area." in text  # removed: said, not linked
    with pytest.raises(AssertionError, match="no link"):
        link_position(changed.reader, "guide:gone-page")
    assert "What's changed in this edition" in changed.windowTitle()


def test_the_home_page_links_to_whats_changed(qtbot: QtBot, changed: MainWindow) -> None:
    changed.navigator.home()
    click_link(qtbot, changed.reader, CHANGED)
    qtbot.waitUntil(lambda: changed.current_id == "whats-changed")


def test_an_entry_opens_its_page_and_back_returns(qtbot: QtBot, changed: MainWindow) -> None:
    changed.open("whats-changed")
    click_link(qtbot, changed.reader, "guide:alpha")
    qtbot.waitUntil(lambda: changed.current_id == "alpha")
    changed.commands["back"].trigger()
    assert changed.current_id == "whats-changed"
    click_link(qtbot, changed.reader, "guide:ev-one")
    qtbot.waitUntil(lambda: changed.current_id == "ev-one")


def test_a_changed_page_is_marked_in_words_and_an_unchanged_one_is_not(
    qtbot: QtBot, changed: MainWindow
) -> None:
    changed.open("alpha")
    text = shown_text(changed)
    assert "Next review due 1 January 2099." in text
    assert "Updated in 1: Corrected the first paragraph. (what's changed)" in text
    click_link(qtbot, changed.reader, CHANGED)  # the mark leads to the reason in context
    qtbot.waitUntil(lambda: changed.current_id == "whats-changed")
    changed.open("ev-one")
    assert "New in 1: New page on a guideline." in shown_text(changed)
    changed.open("beta")
    text = shown_text(changed)
    assert "Next review due 1 January 2099." in text
    assert "Updated in" not in text
    assert "New in" not in text


def test_without_changes_yaml_the_help_command_is_off(window: MainWindow) -> None:
    assert not help_action(window, "What's changed in this edition").isEnabled()
    window.navigator.home()
    assert "what's changed" not in shown_text(window)
