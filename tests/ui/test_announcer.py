"""Every status message is spoken as well as shown; the focusable tab bars have names."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QKeySequence
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow


@pytest.fixture
def spoken(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What reaches screen readers: Qt's accessibility calls, recorded as if one listened."""
    heard: list[str] = []

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return heard


def test_bookmarking_is_spoken_as_well_as_shown(
    qtbot: QtBot, window: MainWindow, spoken: list[str]
) -> None:
    window.open("alpha")
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    shown = window.statusBar().currentMessage()
    assert shown.startswith("Bookmarked “Alpha area”")
    assert spoken == [shown]
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    assert spoken[-1] == window.statusBar().currentMessage()
    assert "removed" in spoken[-1]


def test_the_number_of_marked_words_is_spoken_without_brackets(
    window: MainWindow, spoken: list[str]
) -> None:
    window.reading.open_highlighted("alpha", ["alpha"])
    assert spoken
    assert spoken[-1] == window.statusBar().currentMessage()
    assert "(s)" not in spoken[-1]
    assert spoken[-1].endswith("marked on this page")


def test_a_link_reached_by_pointer_or_keyboard_is_spoken(
    window: MainWindow, spoken: list[str]
) -> None:
    window.open("ex-one")
    window.reader.highlighted.emit(QUrl("https://example.org/one"))
    assert spoken == ["Opens in your browser: https://example.org/one"]
    window.reader.highlighted.emit(QUrl("guide:alpha"))
    assert spoken[-1] == "Alpha area"
    window.reader.highlighted.emit(QUrl())
    assert window.statusBar().currentMessage() == ""
    assert len(spoken) == 2  # leaving a link says nothing


def test_other_messages_are_spoken_too(qtbot: QtBot, window: MainWindow, spoken: list[str]) -> None:
    window.open("no-such-page")
    assert spoken == ["No page with the id 'no-such-page' in this edition"]
    window.contents.setFocus()
    qtbot.keySequence(window, QKeySequence("F6"))
    assert spoken[1:] == ["Page pane"]


def test_the_side_tab_bar_has_a_name(window: MainWindow) -> None:
    bar = window.side_tabs.tabBar()
    assert bar.accessibleName() == "Side pane tabs"
    interface = QAccessible.queryAccessibleInterface(bar)
    assert interface is not None
    assert interface.text(QAccessible.Text.Name)  # Qt speaks the tab chosen, "Contents"


def test_the_review_tab_bar_has_a_name(window: MainWindow) -> None:
    window.commands["show_reviews"].trigger()
    window.reviews.create_review("Spring review")
    assert window.reviews.editor.tabs.tabBar().accessibleName() == "Review pages"


def test_a_hovered_links_address_is_not_left_behind_in_the_reviews(window: MainWindow) -> None:
    window.open("ex-one")
    window.reader.highlighted.emit(QUrl("https://example.org/one"))  # the pointer is on a link
    window.commands["show_reviews"].trigger()  # Ctrl+R while it is there
    assert window.statusBar().currentMessage() == ""
    window.reviews.message.emit("Exported “Spring review”")
    window.commands["back"].trigger()
    assert window.statusBar().currentMessage() == "Exported “Spring review”"  # kept: not a hover


def test_a_hovered_links_address_goes_with_its_page(window: MainWindow) -> None:
    window.open("ex-one")
    window.reader.highlighted.emit(QUrl("guide:alpha"))
    window.open("beta")  # Alt+Right, a bookmark or the contents: the link is gone
    assert window.statusBar().currentMessage() == ""
