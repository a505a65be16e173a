"""Reviews > Send to a colleague… and Import review…, with the merge dialog, in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_exchange import read_shared, shared_bytes, with_revision
from guide_app.store.review_import import apply_import, plan_import
from guide_app.ui.review.import_dialog import ImportReviewDialog
from guide_app.ui.review.sharing import ReviewSharing
from tests.helpers.fixtures import MakeWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)
CRITERION = "people-see-a-consistent-clinician"


def test_a_review_goes_to_a_colleague_and_their_copy_is_merged_back(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    window.commands["show_reviews"].trigger()
    view = window.reviews
    review = view.create_review("Spring review", "MSK", "2026-03-01", "AB")
    view.book.set_text(review.id, CRITERION, "notes", "Base")
    sharing = window.review_commands.sharing(view)
    assert isinstance(sharing, ReviewSharing)
    sharing.send_to(review.id, tmp_path / "spring.guide-review")

    colleague = ReviewBook(tmp_path / "colleague")  # their guide, on their computer
    shared = read_shared(tmp_path / "spring.guide-review")
    assert shared.edition == window.guide.edition
    apply_import(colleague, plan_import(colleague, shared.review), lambda _c: "mine")
    colleague.set_text(review.id, CRITERION, "notes", "Theirs")
    colleague.set_text(review.id, CRITERION, "evidence", "Audit of 12 records")
    back = with_revision(colleague.get(review.id))
    (tmp_path / "back.guide-review").write_bytes(shared_bytes(back, "2026.2", "2026-12-04"))
    view.book.set_text(review.id, CRITERION, "notes", "Mine")

    dialog = sharing.open_file(tmp_path / "back.guide-review")
    assert isinstance(dialog, ImportReviewDialog)
    summary = dialog.findChild(QLabel, "importSummary")
    assert summary is not None
    assert "takes 1 change(s) made only in that copy" in summary.text()
    assert "1 field(s) were changed in both copies" in summary.text()
    clash = dialog.findChild(QWidget, "conflict")
    assert clash is not None
    theirs = clash.findChild(QRadioButton, "theirs")
    assert theirs is not None
    assert theirs.text() == "Take theirs"
    value = clash.findChild(QLabel, "theirsValue")
    assert value is not None
    assert value.text() == "Theirs"
    import_button = dialog.findChild(QPushButton, "importButton")
    assert import_button is not None
    assert not import_button.isEnabled()  # nothing is decided for the user
    theirs.click()
    assert import_button.isEnabled()
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    found = view.book.get(review.id).assessment(CRITERION)
    assert (found.notes, found.evidence) == ("Theirs", "Audit of 12 records")
    assert view.editor.panel.notes.toPlainText() == "Theirs"
    assert window.commands["send_review"].isEnabled()
    assert window.commands["import_review"].isEnabled()
    assert sharing.open_file(tmp_path / "back.guide-review") is None  # nothing new the 2nd time


def test_a_review_not_here_yet_is_added(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    colleague = ReviewBook(None)
    review = colleague.create("Autumn review")
    sent = with_revision(colleague.get(review.id))
    (tmp_path / "autumn.guide-review").write_bytes(shared_bytes(sent, "2026.2", "2026-12-04"))
    window = make_window()
    window.commands["show_reviews"].trigger()
    dialog = window.review_commands.sharing(window.reviews).open_file(
        tmp_path / "autumn.guide-review"
    )
    assert dialog is not None
    import_button = dialog.findChild(QPushButton, "importButton")
    assert import_button is not None
    qtbot.mouseClick(import_button, Qt.MouseButton.LeftButton)
    assert window.reviews.book.get(review.id).name == "Autumn review"
    assert window.reviews.current_id() == review.id
