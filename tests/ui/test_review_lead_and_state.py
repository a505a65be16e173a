"""A review's lead, next review date, draft or final; the status filter; undoing a removal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import ReviewError, ReviewState, Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active


def type_into(qtbot: QtBot, line: object, text: str) -> None:
    line.setFocus()  # type: ignore[attr-defined]
    line.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_lead_and_next_review_are_typed_kept_and_read_back_after_a_restart(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    window = make_window(kit_content)
    show_active(qtbot, window)
    review = window.reviews.create_review("Spring review", date="02/03/2026", lead="MSK lead")
    details = window.reviews.editor.details
    assert details["lead"].text() == "MSK lead"
    type_into(qtbot, details["lead"], "Physio lead")
    type_into(qtbot, details["next_review"], "1/9/2027")
    kept = window.reviews.book.get(review.id)
    assert (kept.date, kept.lead, kept.next_review) == ("2026-03-02", "Physio lead", "2027-09-01")
    window.close()
    stored = json.loads((data_dir / "reviews" / f"{review.id}.json").read_text("utf-8"))
    assert (stored["lead"], stored["next_review"]) == ("Physio lead", "2027-09-01")
    assert "state" not in stored  # a draft is written as before the state existed
    again = ReviewBook(data_dir)
    again.load()
    assert again.get(review.id).lead == "Physio lead"
    assert again.get(review.id).state is ReviewState.DRAFT


def test_a_final_review_is_read_only_until_it_is_reopened(qtbot: QtBot, window: MainWindow) -> None:
    review = window.reviews.create_review("Spring review")
    editor = window.reviews.editor
    window.open(f"review:{review.id}/crit-one")
    editor.details_view.finish.click()
    assert window.reviews.book.get(review.id).final
    assert editor.final_bar.isVisibleTo(editor)
    assert not editor.panel.status_buttons[Status.MET].isEnabled()
    assert editor.panel.notes.isReadOnly()
    assert editor.details["name"].isReadOnly()
    assert "final" in window.statusBar().currentMessage()
    editor.set_status(Status.MET)  # the keys 0 to 4 change nothing either
    assert window.reviews.book.get(review.id).assessment("crit-one").status is Status.NOT_ASSESSED
    with pytest.raises(ReviewError, match="final"):
        window.reviews.book.set_status(review.id, "crit-one", Status.MET)
    editor.reopen.click()
    assert not window.reviews.book.get(review.id).final
    assert not editor.final_bar.isVisibleTo(editor)
    assert editor.panel.status_buttons[Status.MET].isEnabled()
    editor.set_status(Status.MET)
    assert window.reviews.book.get(review.id).assessment("crit-one").status is Status.MET


def test_the_review_list_says_draft_or_final(qtbot: QtBot, window: MainWindow) -> None:
    review = window.reviews.create_review("Spring review", date="2026-03-02")
    assert "02/03/2026" in window.reviews.list.item(0).text()
    assert "Draft" in window.reviews.list.item(0).text()
    window.reviews.book.set_state(review.id, ReviewState.FINAL)
    assert "Final" in window.reviews.list.item(0).text()


def test_the_checklist_can_show_only_one_status(qtbot: QtBot, window: MainWindow) -> None:
    review = window.reviews.create_review("Spring review")
    window.reviews.book.set_status(review.id, "crit-two", Status.NOT_MET)
    editor = window.reviews.editor
    tree, model = editor.tree, editor.model
    principle = model.index(0, 0)
    one, two = (model.index(row, 0, principle) for row in (0, 1))
    editor.filter.setCurrentIndex(editor.filter.findText(Status.NOT_MET.label))
    assert tree.isRowHidden(one.row(), principle)
    assert not tree.isRowHidden(two.row(), principle)
    assert model.node(tree.currentIndex()).id == "crit-two"  # the panel shows what the list does
    assert editor.filter_count.text() == "1 of 2 criteria shown"
    assert window.statusBar().currentMessage() == "1 of 2 criteria shown"
    editor.filter.setCurrentIndex(editor.filter.findText(Status.MET.label))
    assert editor.filter_count.text() == "No criterion is “Met”"
    editor.filter.setCurrentIndex(0)
    assert not tree.isRowHidden(one.row(), principle)
    assert editor.filter_count.text() == "All 2 criteria shown"


def test_a_removed_action_comes_back_with_undo_or_ctrl_z(qtbot: QtBot, window: MainWindow) -> None:
    review = window.reviews.create_review("Spring review")
    window.open(f"review:{review.id}/crit-one")
    book = window.reviews.book
    for what in ("Ask about mood at the first visit", "Print the leaflet"):
        book.add_action(review.id, "crit-one", what)
    actions = window.reviews.editor.panel.action_list
    actions.table.setCurrentCell(0, 1)
    actions.remove()
    assert [a.what for a in book.get(review.id).assessment("crit-one").actions] == [
        "Print the leaflet"
    ]
    assert actions.removed_bar.isVisibleTo(actions)
    assert "Undo" in window.statusBar().currentMessage()
    actions.undo_button.click()
    assert [a.what for a in book.get(review.id).assessment("crit-one").actions] == [
        "Ask about mood at the first visit",
        "Print the leaflet",
    ]
    assert not actions.removed_bar.isVisibleTo(actions)
    actions.table.setCurrentCell(1, 1)
    actions.remove()
    assert len(book.get(review.id).assessment("crit-one").actions) == 1
    qtbot.keySequence(window, QKeySequence.StandardKey.Undo)  # the window's Edit > Undo
    assert [a.what for a in book.get(review.id).assessment("crit-one").actions] == [
        "Ask about mood at the first visit",
        "Print the leaflet",
    ]
