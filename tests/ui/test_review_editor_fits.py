"""The review editor fits a small screen at any zoom: it scrolls, wraps and keeps sizes whole."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide_app.store.reviews import Review, Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active

CRITERION = "people-see-a-consistent-clinician"  # a long title in the shipped guide
MOST = 560  # the tallest minimum any view may ask for at 100 %


@pytest.fixture
def long_review(qtbot: QtBot, make_window: MakeWindow) -> tuple[MainWindow, Review]:
    """The shipped guide with a review a team has filled in at length, open in the editor."""
    window = make_window()  # the shipped content: 31 criteria, long titles and prompts
    show_active(qtbot, window)
    view = window.reviews
    review = view.create_review("Autumn review", "Community MSK physiotherapy", "2026-10-02")
    book = view.book
    book.set_status(review.id, CRITERION, Status.PARTLY_MET)
    book.set_text(review.id, CRITERION, "notes", "Most people see two clinicians. " * 40)
    book.set_text(review.id, CRITERION, "evidence", "Audit of 20 episodes. " * 30)
    for n in range(12):
        book.add_action(review.id, CRITERION, f"Action {n}: pilot named lists", "Lead", "")
    window.open(f"review:{review.id}/{CRITERION}")
    return window, review


def settle(qtbot: QtBot) -> None:
    """Let posted layout requests run (no time is measured)."""
    QApplication.processEvents()
    qtbot.wait(1)
    QApplication.processEvents()


def test_the_editor_asks_for_no_more_than_560_px_and_shrinks_back_after_zoom(
    qtbot: QtBot, long_review: tuple[MainWindow, Review]
) -> None:
    window, _review = long_review
    editor = window.reviews.editor
    appearance = window.appearance
    settle(qtbot)
    assert editor.minimumSizeHint().height() <= MOST
    assert window.reviews.minimumSizeHint().height() <= MOST
    appearance.set_zoom(2.0)
    settle(qtbot)
    appearance.set_zoom(1.0)
    settle(qtbot)
    assert editor.minimumSizeHint().height() <= MOST
    assert window.reviews.minimumSizeHint().height() <= MOST


def test_at_200_percent_status_buttons_keep_their_size_and_icons_follow_the_zoom(
    qtbot: QtBot, long_review: tuple[MainWindow, Review]
) -> None:
    window, _review = long_review
    window.setFixedSize(1366, 768)  # as a 1366x768 screen allows, whatever the layout asks
    window.appearance.set_zoom(2.0)
    settle(qtbot)
    panel = window.reviews.editor.panel
    buttons = list(panel.status_buttons.values())
    text_height = panel.fontMetrics().height()
    for button in buttons:
        assert button.height() >= button.sizeHint().height(), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.iconSize().height() >= text_height, button.text()
    for one, other in itertools.combinations(buttons, 2):
        assert not one.geometry().intersects(other.geometry()), (one.text(), other.text())
    tree = window.reviews.editor.tree
    assert tree.iconSize().height() >= tree.fontMetrics().height()


def test_at_200_percent_a_long_criterion_title_wraps_instead_of_being_cut(
    qtbot: QtBot, long_review: tuple[MainWindow, Review]
) -> None:
    window, _review = long_review
    window.setFixedSize(1024, 600)
    window.appearance.set_zoom(2.0)
    settle(qtbot)
    editor = window.reviews.editor
    tree = editor.tree
    index = editor.model.index_of(CRITERION)
    title = index.data()
    metrics = tree.fontMetrics()
    assert metrics.horizontalAdvance(title) > tree.columnWidth(0)  # it cannot fit on one line
    assert tree.visualRect(index).height() >= 2 * metrics.lineSpacing()  # so it wraps
    assert editor.panel.heading.text() == title  # the panel's heading has it whole too
    assert title in editor.panel.heading.toolTip()


def test_an_owner_is_shown_whole_when_the_table_has_room(
    qtbot: QtBot, long_review: tuple[MainWindow, Review]
) -> None:
    window, review = long_review
    window.resize(1366, 740)
    window.reviews.book.add_action(review.id, CRITERION, "Repeat the audit", "Psychology lead")
    settle(qtbot)
    table = window.reviews.editor.panel.action_table
    needed = table.fontMetrics().horizontalAdvance("Psychology lead")
    assert table.viewport().width() >= 4 * needed  # room enough: a quarter holds it
    assert table.columnWidth(2) >= needed
    assert table.columnWidth(1) > table.columnWidth(2)  # "What" keeps the most room


def test_before_the_table_has_a_width_an_owner_gets_only_the_least_room(qtbot: QtBot) -> None:
    # A wide owner column in a table with no width yet left "What" none, and Qt crashed laying
    # out its wrapped text (make screenshots, 1024x600 at 200 %).
    from PySide6.QtWidgets import QTableWidgetItem

    from guide_app.ui.review.action_table import ActionTable

    table = ActionTable()
    qtbot.addWidget(table)
    table.resize(60, 200)  # squeezed to almost no width (a collapsed panel)
    table.show()
    settle(qtbot)
    table.setRowCount(1)
    table.setItem(0, 2, QTableWidgetItem("Consultant clinical psychologist and service lead"))
    table.fit_owner()
    least = table.fontMetrics().horizontalAdvance("Physio lead") + 12
    assert table.viewport().width() // 4 < least  # no room to give
    assert table.columnWidth(2) == least
