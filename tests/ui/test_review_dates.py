"""Dates typed the UK way (31/01/2027) or ISO are taken; a wrong one stays, with why beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCalendarWidget, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from guide_app.store.reviews import Review
from guide_app.ui.review.criterion_panel import CriterionPanel
from guide_app.ui.review.new_review_dialog import NewReviewDialog
from guide_app.ui.window.main_window import MainWindow


def shown_errors(root: QWidget) -> list[str]:
    """The texts of the date messages shown beside their fields."""
    return [
        label.text()
        for label in root.findChildren(QLabel, "dateError")
        if label.isVisibleTo(root) and label.text()
    ]


def open_criterion(window: MainWindow) -> tuple[Review, CriterionPanel]:
    review = window.reviews.create_review("Spring review", date="2026-03-02")
    window.open(f"review:{review.id}/crit-one")
    return review, window.reviews.editor.panel


def test_an_action_due_on_31_01_2027_is_taken_and_kept_as_iso(
    qtbot: QtBot, window: MainWindow
) -> None:
    review, panel = open_criterion(window)
    qtbot.keyClicks(panel.new_action, "Add a mood question to the form")
    qtbot.keyClicks(panel.new_due, "31/01/2027")
    qtbot.keyClick(panel.new_due, Qt.Key.Key_Return)
    actions = window.reviews.book.get(review.id).assessment("crit-one").actions
    assert [(a.what, a.due) for a in actions] == [("Add a mood question to the form", "2027-01-31")]
    assert panel.action_table.item(0, 3).text() == "31/01/2027"


def test_a_review_dated_03_12_2026_is_taken_and_iso_still_works(
    qtbot: QtBot, window: MainWindow
) -> None:
    review = window.reviews.create_review("Spring review", date="2026-03-02")
    editor = window.reviews.editor
    for typed, stored in (("03/12/2026", "2026-12-03"), ("2027-02-01", "2027-02-01")):
        date = editor.details["date"]
        date.setFocus()
        date.selectAll()
        qtbot.keyClicks(date, typed)
        qtbot.keyClick(date, Qt.Key.Key_Return)
        assert window.reviews.book.get(review.id).date == stored
    assert editor.details["date"].text() == "01/02/2027"  # shown back the UK way
    assert shown_errors(editor) == []


def test_a_wrong_due_date_stays_typed_and_the_reason_is_shown_beside_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    review, panel = open_criterion(window)
    qtbot.keyClicks(panel.new_action, "Audit again")
    qtbot.keyClicks(panel.new_due, "31/13/2027")
    qtbot.keyClick(panel.new_due, Qt.Key.Key_Return)
    assert window.reviews.book.get(review.id).assessment("crit-one").actions == ()
    assert panel.new_due.text() == "31/13/2027"  # nothing typed is dropped
    assert panel.new_action.text() == "Audit again"
    errors = shown_errors(panel)
    assert len(errors) == 1
    assert "31/13/2027" in errors[0]
    assert "not a day of the calendar" in errors[0]
    assert panel.new_due.accessibleDescription() in errors[0]  # a screen reader hears it too
    panel.new_due.selectAll()
    qtbot.keyClicks(panel.new_due, "31/12/2027")
    qtbot.keyClick(panel.new_due, Qt.Key.Key_Return)
    assert window.reviews.book.get(review.id).assessment("crit-one").actions[0].due == "2027-12-31"
    assert shown_errors(panel) == []


def test_a_wrong_due_date_typed_in_the_table_stays_in_its_cell(
    qtbot: QtBot, window: MainWindow
) -> None:
    review, panel = open_criterion(window)
    book = window.reviews.book
    book.add_action(review.id, "crit-one", "Audit again", "AB", "2027-01-31")
    table = panel.action_table
    table.item(0, 3).setText("3/2/2027")  # as the cell editor does when Return is pressed
    assert book.get(review.id).assessment("crit-one").actions[0].due == "2027-02-03"
    assert table.item(0, 3).text() == "03/02/2027"
    table.item(0, 3).setText("soon")
    assert book.get(review.id).assessment("crit-one").actions[0].due == "2027-02-03"
    assert "soon" in table.item(0, 3).text()  # kept, marked, until corrected
    error = panel.findChild(QLabel, "actionDueError")
    assert error is not None
    assert error.isVisibleTo(panel)
    assert "soon" in error.text()


# The calendar pops up as a menu: offscreen there is no window manager to raise it or to
# give it the keyboard, and the plugin says so.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise\(\)|grabbing the keyboard)")
def test_the_calendar_button_picks_a_date(qtbot: QtBot, window: MainWindow) -> None:
    _review, panel = open_criterion(window)
    picked: list[str] = []

    def pick_in_the_calendar() -> None:  # runs while the calendar pops up
        calendars = [c for c in window.findChildren(QCalendarWidget) if c.isVisible()]
        if not calendars:
            QTimer.singleShot(20, pick_in_the_calendar)
            return
        calendar = calendars[0]
        calendar.setSelectedDate(calendar.selectedDate().addDays(1))
        picked.append(calendar.selectedDate().toString("dd/MM/yyyy"))
        days = calendar.findChild(QTableView)  # the grid of days takes the keys
        assert days is not None
        qtbot.keyClick(days, Qt.Key.Key_Return)

    QTimer.singleShot(20, pick_in_the_calendar)
    panel.new_due.setFocus()
    qtbot.keyClick(panel.new_due, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert picked
    assert panel.new_due.text() == picked[0]
    assert window.focusWidget() is panel.new_due  # the window's focus returns to the line


def test_a_new_review_may_be_dated_the_uk_way(qtbot: QtBot, window: MainWindow) -> None:
    dialog = NewReviewDialog([], parent=window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Winter review")
    dialog.date.selectAll()
    qtbot.keyClicks(dialog.date, "3/12/2026")
    dialog.accept()
    assert dialog.result() == NewReviewDialog.DialogCode.Accepted
    assert dialog.values()["date"] == "2026-12-03"
    wrong = NewReviewDialog([], parent=window)
    qtbot.addWidget(wrong)
    wrong.date.selectAll()
    qtbot.keyClicks(wrong.date, "next week")
    wrong.accept()  # refused: the dialog stays open with the reason under the date
    assert wrong.result() != NewReviewDialog.DialogCode.Accepted
    assert any("next week" in text for text in shown_errors(wrong))
