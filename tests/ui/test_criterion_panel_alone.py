"""The criterion panel built alone over a ReviewBook in tmp_path and the small test guide.

No main window and no review editor: CriterionPanel(book, guide), shown a criterion (or a
principle) of a review the book made, as the editor hands them to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Assessment, ReviewState, Status
from guide_app.ui.review.criterion_panel import CriterionPanel
from tests.helpers.fixtures import show_active
from tests.helpers.labelled_content import labelled_content


@dataclass
class Alone:
    """The panel, what it was handed, and the review it shows."""

    panel: CriterionPanel
    book: ReviewBook
    guide: Guide
    review_id: str

    def assessment(self, criterion: str = "crit-one") -> Assessment:
        """What the book holds for `criterion` of the review shown."""
        return self.book.get(self.review_id).assessment(criterion)


def build(qtbot: QtBot, content: Path, data_dir: Path) -> Alone:
    book = ReviewBook(data_dir)
    guide = load_guide(content)
    panel = CriterionPanel(book, guide)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    review = book.create("Spring review", "MSK physiotherapy", "2026-03-01")
    panel.show_node(review.id, guide["crit-one"])
    return Alone(panel, book, guide, review.id)


@pytest.fixture
def alone(qtbot: QtBot, kit_content: Path, data_dir: Path) -> Alone:
    return build(qtbot, kit_content, data_dir)


def test_a_status_button_sets_the_status_and_says_so(qtbot: QtBot, alone: Alone) -> None:
    panel = alone.panel
    assert panel.heading.text() == "People are asked about mood."
    assert panel.status_buttons[Status.NOT_ASSESSED].isChecked()
    with qtbot.waitSignal(panel.message) as said:
        panel.status_buttons[Status.MET].click()
    assert alone.assessment().status is Status.MET
    assert said.args == ["People are asked about mood.: Met."]
    alone.book.set_status(alone.review_id, "crit-one", Status.NOT_MET)  # changed elsewhere
    assert panel.status_buttons[Status.NOT_MET].isChecked()


def test_not_applicable_asks_for_the_reason_beside_it(qtbot: QtBot, alone: Alone) -> None:
    panel = alone.panel
    assert not panel.reason.isVisibleTo(panel)
    with qtbot.waitSignal(panel.message) as said:
        panel.status_buttons[Status.NOT_APPLICABLE].click()
    assert said.args == ["People are asked about mood.: Not applicable. Give the reason below."]
    assert panel.reason.isEnabled()
    assert panel.reason_needed.isVisibleTo(panel)
    qtbot.waitUntil(panel.reason.hasFocus)
    qtbot.keyClicks(panel.reason, "No local services")
    assert not panel.reason_needed.isVisibleTo(panel)
    panel.commit_texts()
    assert alone.assessment().reason == "No local services"
    panel.status_buttons[Status.MET].click()
    assert not panel.reason.isEnabled()
    assert panel.reason.isVisibleTo(panel)  # the reason given is kept, and still shown


def test_notes_and_evidence_typed_are_stored(qtbot: QtBot, alone: Alone) -> None:
    panel = alone.panel
    qtbot.keyClicks(panel.notes, "Asked at the first visit")
    qtbot.keyClicks(panel.evidence, "Audit of 10 records")
    qtbot.waitUntil(lambda: alone.assessment().evidence == "Audit of 10 records")
    assert alone.assessment().notes == "Asked at the first visit"


def test_a_change_made_elsewhere_is_not_overwritten_by_the_panel(alone: Alone) -> None:
    # Regression: the panel used to write its (empty) boxes back over notes set elsewhere.
    panel, book, guide = alone.panel, alone.book, alone.guide
    book.set_text(alone.review_id, "crit-one", "notes", "Written by an import")
    panel.show_node(alone.review_id, guide["crit-two"])  # leaving commits what was typed
    assert alone.assessment().notes == "Written by an import"
    panel.show_node(alone.review_id, guide["crit-one"])
    assert panel.notes.toPlainText() == "Written by an import"


def test_an_action_is_added_removed_and_put_back(qtbot: QtBot, alone: Alone) -> None:
    panel = alone.panel
    qtbot.keyClicks(panel.new_action, "Audit again")
    qtbot.keyClicks(panel.new_owner, "AB")
    qtbot.keyClicks(panel.new_due, "31/12/2027")
    panel.add_action()
    (action,) = alone.assessment().actions
    assert (action.what, action.owner, action.due) == ("Audit again", "AB", "2027-12-31")
    assert panel.action_table.rowCount() == 1
    assert panel.action_table.item(0, 3).text() == "31/12/2027"
    assert panel.new_action.text() == ""
    panel.action_table.setCurrentCell(0, 1)
    panel.remove_action()
    assert alone.assessment().actions == ()
    actions = panel.action_list
    assert actions.removed_bar.isVisibleTo(actions)
    actions.undo_button.click()
    assert [a.what for a in alone.assessment().actions] == ["Audit again"]


def test_a_final_review_is_shown_read_only_and_nothing_changes(qtbot: QtBot, alone: Alone) -> None:
    panel, book = alone.panel, alone.book
    book.set_text(alone.review_id, "crit-one", "notes", "Agreed")
    book.set_state(alone.review_id, ReviewState.FINAL)
    assert panel.read_only
    assert not panel.status_buttons[Status.MET].isEnabled()
    assert panel.notes.isReadOnly()
    assert panel.evidence.isReadOnly()
    assert panel.notes.toPlainText() == "Agreed"
    assert not panel.add_action_button.isEnabled()
    with qtbot.waitSignal(panel.message) as said:
        panel.set_status(Status.MET)  # as the keys 0 to 4 would
    assert said.args == ["This review is final: reopen it for editing to change it."]
    assert alone.assessment().status is Status.NOT_ASSESSED
    book.set_state(alone.review_id, ReviewState.DRAFT)
    assert panel.status_buttons[Status.MET].isEnabled()
    assert not panel.notes.isReadOnly()


def test_a_principle_shows_what_helps_and_its_links_ask_to_open(qtbot: QtBot, alone: Alone) -> None:
    panel = alone.panel
    assert 'href="guide:act-one"' in panel.helps.text()  # the criterion's own helps
    panel.show_node(alone.review_id, alone.guide["principle-one"])
    assert not panel.editors.isVisibleTo(panel)
    assert panel.heading.text() == "Principle one"
    assert 'href="guide:ex-one"' in panel.helps.text()
    with qtbot.waitSignal(panel.open_location) as opened:
        panel.helps.linkActivated.emit("guide:ex-one")  # the label's own link signal
    assert opened.args == ["ex-one"]


def test_the_panel_shows_what_to_look_at_and_how_to_rate(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    shown = build(qtbot, labelled_content(tmp_path), data_dir).panel.prompts.text()
    assert "What would show it:<ul><li>An audit of records.</li></ul>" in shown
    assert "What to look at:<ul><li>Ten consecutive first appointments" in shown
    assert "<li><b>Met:</b> At least 8 in 10 of the sample.</li>" in shown
