"""Reviews kept in a folder a team shares, in the window: read-only while open elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_place import ReviewPlace, read_place, write_place
from guide_app.store.reviews import Status
from guide_app.ui.review.review_folder_dialog import ReviewFolderDialog
from tests.helpers.fixtures import MakeWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)
CRITERION = "people-see-a-consistent-clinician"


def test_a_review_a_colleague_has_open_is_read_only_until_they_close_it(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    write_place(data_dir, ReviewPlace(team, "Alex"))
    sam = ReviewBook(tmp_path / "sam", place=ReviewPlace(team, "Sam"))  # Sam's computer
    sam.load()
    review = sam.create("Spring review", "MSK", "2026-03-01")
    sam.set_text(review.id, CRITERION, "notes", "Sam's first note")
    sam.save_dirty()

    window = make_window()
    window.commands["show_reviews"].trigger()
    view = window.reviews
    view.select(review.id)
    editor = view.editor
    editor.select_node(CRITERION)
    bar = editor.elsewhere
    assert not bar.isHidden()
    assert "Sam on " in bar.note.text()
    assert "read-only here until they close it" in bar.note.text()
    assert "Open on another computer (Sam)" in view.list.currentItem().text()
    met = editor.panel.status_buttons[Status.MET]
    assert not met.isEnabled()
    assert editor.panel.notes.toPlainText() == "Sam's first note"

    sam.set_text(review.id, CRITERION, "notes", "Sam's last note")
    sam.save_dirty()
    sam.close()  # Sam closes the guide
    bar.timer.setInterval(50)  # the heartbeat, sooner than every 30 seconds
    qtbot.waitUntil(bar.isHidden)
    assert "Open on another computer" not in view.list.currentItem().text()
    assert met.isEnabled()
    assert editor.panel.notes.toPlainText() == "Sam's last note"  # read again
    assert (team / f"{review.id}.lock").is_file()  # Alex has it now
    met.click()
    assert view.book.get(review.id).assessment(CRITERION).status is Status.MET

    window.close()  # saved, and the lock given back
    assert not (team / f"{review.id}.lock").exists()
    again = ReviewBook(tmp_path / "sam", place=ReviewPlace(team, "Sam"))
    again.load()
    assert again.get(review.id).assessment(CRITERION).status is Status.MET
    assert again.open_review(review.id) is None  # Sam may edit it again


def test_the_review_folder_is_chosen_in_its_dialog_and_used_after_a_restart(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window()
    window.commands["review_folder"].trigger()
    dialog = window.findChild(ReviewFolderDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    local, shared = (dialog.findChild(QRadioButton, n) for n in ("reviewsLocal", "reviewsShared"))
    assert local is not None
    assert shared is not None
    assert local.isChecked()
    restart = dialog.findChild(QPushButton, "restartNow")
    assert restart is not None
    assert restart.isHidden()  # nothing to restart for yet
    folder = dialog.findChild(QLineEdit, "sharedFolder")
    assert folder is not None
    assert not folder.isEnabled()
    shared.click()
    assert folder.isEnabled()
    folder.setText(str(tmp_path / "not-there"))
    qtbot.keyClicks(dialog.name, "Alex Doe")
    status = dialog.findChild(QLabel, "reviewFolderStatus")
    assert status is not None
    dialog.buttons.accepted.emit()  # Save
    assert "Not changed" in status.text()
    assert "cannot be reached" in status.text()
    assert read_place(data_dir)[0] == ReviewPlace()
    team = tmp_path / "team"
    team.mkdir()
    folder.setText(str(team))
    dialog.buttons.accepted.emit()
    assert "from the next start" in status.text()
    assert read_place(data_dir)[0] == ReviewPlace(team, "Alex Doe")
    assert not restart.isHidden()
    qtbot.mouseClick(restart, Qt.MouseButton.LeftButton)
    assert window.edition_commands.restart_requested

    again = make_window()  # as shell/app.py opens the window again
    again.commands["show_reviews"].trigger()
    note = again.reviews.findChild(QLabel, "sharedFolderNote")
    assert note is not None
    assert str(team) in note.text()
    made = again.reviews.create_review("Team review")
    assert again.user_data.flush()
    assert (team / f"{made.id}.json").is_file()
    assert (team / f"{made.id}.lock").is_file()
    assert not (data_dir / "reviews" / f"{made.id}.json").exists()
