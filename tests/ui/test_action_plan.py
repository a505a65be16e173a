"""Reviews > Action plan…: every action of every review, filtered, opened and exported."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog
from pytestqt.qtbot import QtBot

from guide_app.ui.review.action_plan_view import ActionPlanView
from tests.helpers.fixtures import MakeWindow

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)
CONSISTENT = "people-see-a-consistent-clinician"
BELIEVED = "people-feel-their-pain-is-believed"


def shown(plan: ActionPlanView) -> list[list[str]]:
    table = plan.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def choose(combo: QComboBox, label: str) -> None:
    combo.setCurrentIndex(combo.findText(label))


def test_the_plan_lists_filters_opens_and_exports_every_action(
    qtbot: QtBot, make_window: MakeWindow, tmp_path: Path
) -> None:
    window = make_window()
    window.commands["show_reviews"].trigger()
    book = window.reviews.book
    spring = window.reviews.create_review("Spring review", "MSK", "2026-03-01", "AB")
    autumn = window.reviews.create_review("Autumn review", "MSK", "2025-09-01", "CD")
    book.add_action(spring.id, CONSISTENT, "=HYPERLINK(1) named clinician", "AB", "2020-01-01")
    book.add_action(spring.id, BELIEVED, "Ask people", "CD", "2099-06-01")
    done = book.add_action(autumn.id, CONSISTENT, "Rota review", "AB", "2025-10-01")
    book.update_action(autumn.id, CONSISTENT, done.id, done=True)
    window.commands["action_plan"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "actionPlan") is not None)
    plan = window.findChild(ActionPlanView, "actionPlan")
    assert plan is not None
    assert shown(plan) == [  # open ones, soonest first; the overdue one says so
        ["=HYPERLINK(1) named clinician", "AB", "01/01/2020", "⚠ Overdue",
         window.guide.nodes[CONSISTENT].title, "Spring review"],
        ["Ask people", "CD", "01/06/2099", "Open",
         window.guide.nodes[BELIEVED].title, "Spring review"],
    ]  # fmt: skip
    assert plan.count.text() == "2 of 3 actions shown; 1 overdue"
    choose(plan.state, "Overdue")
    assert [r[0] for r in shown(plan)] == ["=HYPERLINK(1) named clinician"]
    choose(plan.state, "All")
    choose(plan.owner, "AB")
    assert [r[0] for r in shown(plan)] == ["=HYPERLINK(1) named clinician", "Rota review"]
    choose(plan.review, "Autumn review")
    assert [r[3] for r in shown(plan)] == ["Done"]
    choose(plan.owner, "Anyone")
    choose(plan.review, "Every review")
    plan.export_to(tmp_path / "plan.csv")
    text = (tmp_path / "plan.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["Review", "Review date", "Criterion id", "Criterion", "Action", "Owner",
                       "Due", "State"]  # fmt: skip
    assert len(rows) == 4  # one row per action
    assert rows[1][4] == "'=HYPERLINK(1) named clinician"  # shown as typed, never run
    assert rows[1][7] == "Overdue"
    plan.open_row(1)
    assert window.current_id == f"review:{spring.id}"
    assert window.reviews.editor.current_node_id() == BELIEVED
