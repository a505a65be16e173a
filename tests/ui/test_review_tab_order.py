"""Tab goes criteria → status → reason → notes → evidence → actions; nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from guide_app.store.reviews import Risk, Status
from guide_app.ui.review.new_review_dialog import NewReviewDialog
from guide_app.ui.window.main_window import MainWindow


def tab(qtbot: QtBot) -> QWidget:
    """Press Tab where the keyboard is; return where it went."""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    found = QApplication.focusWidget()
    assert found is not None
    return found


def test_tab_goes_from_the_criteria_to_status_reason_notes_evidence_and_actions(
    qtbot: QtBot, window: MainWindow
) -> None:
    review = window.reviews.create_review("Spring review")
    window.open(f"review:{review.id}/crit-one")
    editor = window.reviews.editor
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_4)  # not applicable: the reason box is wanted
    panel = editor.panel
    editor.tree.setFocus()
    expected = [
        panel.status_buttons[Status.NOT_APPLICABLE],  # the status the criterion has
        panel.reason,
        panel.notes,
        panel.evidence,
        panel.sample_risk.sample_size,
        panel.sample_risk.how,
        panel.sample_risk.risk_buttons[Risk.NONE],  # the risk it has; arrow keys move within
        panel.action_table,
        panel.new_action,
        panel.new_owner,
        panel.new_due,
        panel.add_action_button,
    ]
    for widget in expected:
        assert tab(qtbot) is widget, widget.accessibleName() or widget.objectName()


def test_without_a_reason_to_give_tab_goes_from_the_status_to_the_notes(
    qtbot: QtBot, window: MainWindow
) -> None:
    review = window.reviews.create_review("Spring review")
    window.open(f"review:{review.id}/crit-one")
    editor = window.reviews.editor
    editor.tree.setFocus()
    assert not editor.panel.reason.isVisibleTo(editor)  # asked for only when not applicable
    assert tab(qtbot) is editor.panel.status_buttons[Status.NOT_ASSESSED]
    assert tab(qtbot) is editor.panel.notes
    qtbot.keyClick(editor.tree, Qt.Key.Key_4)
    assert editor.panel.reason.isVisibleTo(editor)
    qtbot.keyClick(editor.tree, Qt.Key.Key_3)  # met: no reason was given, so none is shown
    assert not editor.panel.reason.isVisibleTo(editor)


def test_evidence_typed_after_one_tab_from_the_notes_is_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    review = window.reviews.create_review("Spring review")
    window.open(f"review:{review.id}/crit-one")
    panel = window.reviews.editor.panel
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Asked at the first visit.")
    assert tab(qtbot) is panel.evidence
    qtbot.keyClicks(QApplication.focusWidget(), "Audit of 10 records")
    window.reviews.editor.select_node("crit-two")  # leaving the criterion stores what was typed
    found = window.reviews.book.get(review.id).assessment("crit-one")
    assert found.notes == "Asked at the first visit."
    assert found.evidence == "Audit of 10 records"


def test_after_new_review_the_keyboard_is_in_the_checklist(
    qtbot: QtBot, window: MainWindow
) -> None:
    def fill_in_the_dialog() -> None:  # runs inside the dialog's own event loop
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewReviewDialog):
            QTimer.singleShot(20, fill_in_the_dialog)
            return
        qtbot.keyClicks(dialog.name, "Keyboard review")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    qtbot.keySequence(window, QKeySequence("Ctrl+R"))
    QTimer.singleShot(20, fill_in_the_dialog)
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))  # New service review
    editor = window.reviews.editor
    assert window.reviews.book.find("Keyboard review") is not None
    assert window.focusWidget() is editor.tree  # where the keyboard is once the dialog is gone
    assert editor.current_node_id() == "crit-one"
