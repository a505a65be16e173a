"""The review panel shows, for each criterion, what to look at and how to rate it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from guide_app.app import create_main_window
from tests.helpers.labelled_content import labelled_content


def test_the_review_panel_shows_what_to_look_at_and_how_to_rate(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    window = create_main_window(labelled_content(tmp_path), data_dir)
    qtbot.addWidget(window)
    review = window.reviews.create_review("Review")
    window.open(f"review:{review.id}")
    window.reviews.editor.select_node("crit-one")
    shown = window.reviews.editor.panel.prompts.text()
    assert "What would show it:<ul><li>An audit of records.</li></ul>" in shown
    assert "What to look at:<ul><li>Ten consecutive first appointments" in shown
    assert "<li><b>Met:</b> At least 8 in 10 of the sample.</li>" in shown
