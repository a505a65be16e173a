"""Every review's actions in one plan (store/action_plan.py), and its CSV, without Qt."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from guide_app.export.action_plan_csv import action_plan_csv
from guide_app.guide.load.loader import load_guide
from guide_app.store.action_plan import matching, owners, plan_rows
from guide_app.store.review_book import ReviewBook
from tests.helpers.content_kit import write_content

TODAY = "2026-12-04"


def test_open_actions_come_first_soonest_due_and_filters_combine(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path / "content"))
    book = ReviewBook(None)
    one = book.create("One")
    two = book.create("Two")
    book.add_action(one.id, "crit-one", "Undated", "Sam")
    book.add_action(one.id, "crit-one", "Late", "sam ", "2026-01-01")
    finished = book.add_action(two.id, "crit-two", "Finished", "Ali", "2025-01-01")
    book.update_action(two.id, "crit-two", finished.id, done=True)
    book.add_action(two.id, "retired", "-1+cmd|' /C calc'!A0", "", "2027-01-01")
    rows = plan_rows(book.reviews, guide)
    assert [r.action.what for r in rows] == ["Late", "-1+cmd|' /C calc'!A0", "Undated", "Finished"]
    assert [r.state(TODAY) for r in rows] == ["Overdue", "Open", "Open", "Done"]
    assert [r.in_edition for r in rows] == [True, False, True, True]
    assert owners(rows) == ["Ali", "Sam", "sam"]
    assert [r.action.what for r in matching(rows, TODAY, state="Open")] == [
        "Late", "-1+cmd|' /C calc'!A0", "Undated",
    ]  # fmt: skip
    assert [r.action.what for r in matching(rows, TODAY, "Sam", one.id, "All")] == ["Undated"]
    assert [r.action.what for r in matching(rows, TODAY, state="Done")] == ["Finished"]
    data = action_plan_csv(rows, TODAY)
    assert data.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(table) == 5
    assert table[2][3:5] == ["retired (not in this edition)", "'-1+cmd|' /C calc'!A0"]
    assert table[1][6:] == ["01/01/2026", "Overdue"]
