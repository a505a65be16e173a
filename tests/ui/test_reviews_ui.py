"""Service reviews in the real window: keyboard ticking, notes, actions, restart, links and back."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from guide_app.export.review_parts import PRIVACY_NOTE
from guide_app.guide.load.loader import load_guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status
from guide_app.ui.review.criteria_model import STATUS_ROLE, CriteriaModel
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active


def open_reviews(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+R"))
    assert window.centre.currentWidget() is window.reviews


def test_ctrl_r_opens_the_reviews_with_the_privacy_note(qtbot: QtBot, window: MainWindow) -> None:
    open_reviews(qtbot, window)
    view = window.reviews
    assert "No reviews yet" in view.empty.text()
    assert PRIVACY_NOTE in view.empty.text()  # before anything is typed
    assert view.right.currentWidget() is view.empty
    assert view.list.objectName() == "reviewList"
    view.create_review("Spring review", "MSK physio", "2026-03-02", "AB")
    assert view.right.currentWidget() is view.editor
    assert view.editor.objectName() == "reviewEditor"
    note = view.findChild(QLabel, "privacyNote")
    assert note is not None
    assert note.isVisible()


def test_tick_by_keyboard_type_notes_add_an_action_and_get_it_all_back(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    window = make_window(kit_content)
    show_active(qtbot, window)
    open_reviews(qtbot, window)
    review = window.reviews.create_review("Spring review", "MSK physio", "2026-03-02", "AB, CD")
    editor = window.reviews.editor
    editor.select_node("crit-one")
    tree = editor.tree
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_3)
    assert window.reviews.book.get(review.id).assessment("crit-one").status is Status.MET
    status_index = editor.model.index_of("crit-one", 1)
    assert status_index.data() == "Met"  # words, not colour alone
    assert not status_index.data(Qt.ItemDataRole.DecorationRole).isNull()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert editor.current_node_id() == "crit-two"
    qtbot.keyClick(tree, Qt.Key.Key_4)  # not applicable asks for a reason
    panel = editor.panel
    assert panel.reason.hasFocus()
    qtbot.keyClicks(panel.reason, "No local services yet")
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Tab)  # Tab goes from the checklist to the status ...
    assert QApplication.focusWidget() is panel.status_buttons[Status.MET]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # ... then into the notes
    assert panel.notes.hasFocus()
    qtbot.keyClicks(panel.notes, "Asked at the first visit.")
    qtbot.keyClicks(panel.new_action, "Add a mood question to the form")
    qtbot.keyClicks(panel.new_owner, "AB")
    qtbot.keyClicks(panel.new_due, "2026-05-01")
    qtbot.keyClick(panel.new_due, Qt.Key.Key_Return)
    assert panel.action_table.rowCount() == 1
    assert panel.action_table.item(0, 1).text() == "Add a mood question to the form"
    window.close()  # saves without waiting for the pause

    saved = json.loads((data_dir / "reviews" / f"{review.id}.json").read_text())
    assert saved["assessments"]["crit-one"]["notes"] == "Asked at the first visit."
    again = make_window(kit_content)
    found = again.reviews.book.get(review.id)
    assert found.name == "Spring review"
    assert found.assessment("crit-one").status is Status.MET
    assert found.assessment("crit-one").notes == "Asked at the first visit."
    assert found.assessment("crit-one").actions[0].owner == "AB"
    assert found.assessment("crit-two").status is Status.NOT_APPLICABLE
    assert found.assessment("crit-two").reason == "No local services yet"
    assert again.current_id == f"review:{review.id}"  # the last place comes back too
    assert again.centre.currentWidget() is again.reviews


def test_start_from_an_earlier_review(qtbot: QtBot, window: MainWindow) -> None:
    view = window.reviews
    first = view.create_review("Spring", date="2026-03-01")
    view.book.set_status(first.id, "crit-one", Status.PARTLY_MET)
    view.book.add_action(first.id, "crit-one", "Open action")
    second = view.create_review("Autumn", date="2026-09-01", start_from=first.id)
    assert view.current_id() == second.id
    carried = view.book.get(second.id).assessment("crit-one")
    assert carried.status is Status.PARTLY_MET
    assert [a.what for a in carried.actions] == ["Open action"]
    assert view.list.count() == 2
    editor = view.editor
    editor.tabs.setCurrentIndex(1)
    assert editor.compare.currentData() == first.id  # compared with where it started
    text = editor.summary.toPlainText()
    assert "Principle one" in text


def test_a_linked_solution_opens_in_the_reader_and_back_returns(
    qtbot: QtBot, window: MainWindow
) -> None:
    review = window.reviews.create_review("Review")
    window.open(f"review:{review.id}")
    editor = window.reviews.editor
    editor.select_node("crit-one")
    assert 'href="guide:act-one"' in editor.panel.helps.text()
    editor.panel.helps.linkActivated.emit("guide:act-one")  # the label's own link signal
    assert window.current_id == "act-one"
    assert window.centre.currentWidget() is window.reading_area
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Back))
    assert window.centre.currentWidget() is window.reviews
    assert window.reviews.current_id() == review.id
    assert editor.current_node_id() == "crit-one"


def test_delete_keeps_a_copy_in_backups(qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    view = window.reviews
    review = view.create_review("To delete")
    view.flush_before_quit()
    assert (data_dir / "reviews" / f"{review.id}.json").exists()
    view.delete_review(review.id)
    assert not (data_dir / "reviews" / f"{review.id}.json").exists()
    assert list((data_dir / "backups").glob(f"{review.id}-deleted-*.json"))
    assert view.list.count() == 0


def test_a_bad_date_is_refused_and_kept_to_be_corrected(qtbot: QtBot, window: MainWindow) -> None:
    view = window.reviews
    review = view.create_review("Review", date="2026-01-01")
    date = view.editor.details["date"]
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "next Tuesday")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    assert view.book.get(review.id).date == "2026-01-01"
    assert date.text() == "next Tuesday"  # what was typed stays until it is corrected
    assert "not a date" in view.editor.details_view.dates["date"].error.text()
    assert "not a date" in window.statusBar().currentMessage()


def test_exports_from_the_view(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    view = window.reviews
    review = view.create_review("Export me")
    view.book.set_status(review.id, "crit-one", Status.MET)
    view.export(review.id, "md", tmp_path / "r.md")
    view.export(review.id, "csv", tmp_path / "r.csv")
    view.export(review.id, "pdf", tmp_path / "r.pdf")
    assert "Export me" in (tmp_path / "r.md").read_text()
    assert "Met" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_damaged_review_is_reported_soon_after_start(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    book = ReviewBook(data_dir)
    review = book.create("Damaged later")
    book.save_dirty()
    path = data_dir / "reviews" / f"{review.id}.json"
    path.write_text(path.read_text()[:40])
    window = make_window(kit_content)
    window.show()  # reviews are read after the first paint (their notes are searchable)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblems") is not None)
    box = window.findChild(QMessageBox, "dataProblems")
    assert box is not None
    assert str(path) in box.text()
    box.accept()
    assert window.reviews.list.count() == 1


def test_criteria_model_passes_the_qt_model_tester(
    qtmodeltester: ModelTester, kit_content: Path
) -> None:
    book = ReviewBook(None)
    review = book.create("R")
    book.set_status(review.id, "crit-one", Status.MET)
    model = CriteriaModel(book, load_guide(kit_content))
    model.set_review(review.id)
    qtmodeltester.check(model)
    assert Status(model.index_of("crit-one").data(STATUS_ROLE)) is Status.MET


def test_status_key_on_a_principle_does_nothing(qtbot: QtBot, window: MainWindow) -> None:
    review = window.reviews.create_review("R")
    editor = window.reviews.editor
    editor.select_node("principle-one")
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_3)
    assert window.reviews.book.get(review.id).assessments == {}
    assert QApplication.focusWidget() is editor.tree
