"""A criterion's sample and risk of not improving, typed and chosen in the criterion panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from guide_app.guide.load.loader import load_guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import ReviewState, Risk
from guide_app.ui.review.criterion_panel import CriterionPanel
from tests.helpers.fixtures import show_active


def test_the_sample_and_the_risk_are_kept_as_typed_and_chosen(
    qtbot: QtBot, kit_content: Path, data_dir: Path
) -> None:
    book = ReviewBook(data_dir)
    guide = load_guide(kit_content)
    panel = CriterionPanel(book, guide)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    review = book.create("Spring review", date="2026-03-01")
    panel.show_node(review.id, guide["crit-one"])
    part = panel.sample_risk
    assert part.sample_size.text() == ""
    assert part.sample_size.placeholderText() == "Not recorded"
    assert part.risk_buttons[Risk.NONE].isChecked()
    part.sample_size.setFocus()
    QTest.keyClicks(part.sample_size, "12x")  # only digits are taken
    part.how.setFocus()
    QTest.keyClicks(part.how, "The last 12 referrals")
    with qtbot.waitSignal(panel.message) as said:
        qtbot.mouseClick(part.risk_buttons[Risk.HIGH], Qt.MouseButton.LeftButton)
    assert said.args == ["Risk of not improving: High."]
    panel.commit_texts()
    found = book.get(review.id).assessment("crit-one")
    assert (found.sample_size, found.sample_how, found.risk) == (
        12,
        "The last 12 referrals",
        Risk.HIGH,
    )
    book.save_dirty()
    again = ReviewBook(data_dir)
    again.load()
    assert again.get(review.id).assessment("crit-one") == found  # saved and read back
    book.set_state(review.id, ReviewState.FINAL)
    assert part.sample_size.isReadOnly()
    assert part.how.isReadOnly()
    assert not part.risk_buttons[Risk.LOW].isEnabled()
