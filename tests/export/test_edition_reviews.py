"""A review saved against edition 2026.1 opens in this edition with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

from guide_app.export.review_markdown import review_markdown
from guide_app.guide.load.loader import load_guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_summary import not_in_edition, rows, summarise
from guide_app.store.reviews import Status
from tests.helpers.repo import CONTENT

# The 26 criteria of edition 2026.1 (commit b754629), as its reviews stored them.
EDITION_2026_1 = [
    "people-see-a-consistent-clinician",
    "people-feel-their-pain-is-believed",
    "clinicians-trained-and-supervised",
    "care-builds-confidence-to-self-manage",
    "clinicians-know-how-to-respond-to-risk",
    "mood-and-sleep-asked-at-first-appointment",
    "effect-on-work-and-daily-life-recorded",
    "risk-stratification-used-at-first-contact",
    "access-adapted-to-circumstances",
    "non-medical-needs-have-a-route",
    "pain-and-mood-explained-respectfully",
    "people-told-wellbeing-is-part-of-msk-care",
    "lived-experience-shapes-information-and-training",
    "understanding-checked-in-the-persons-words",
    "team-acts-on-feedback",
    "expectations-asked-at-first-appointment",
    "options-discussed-with-benefits-and-harms",
    "medicines-reviewed-together",
    "goals-chosen-by-the-person",
    "written-flare-up-plan",
    "written-route-to-psychological-therapy",
    "regular-joint-case-discussion",
    "named-coordinator-recorded",
    "working-links-with-voluntary-organisations",
    "people-do-not-repeat-their-story",
    "people-told-about-peer-support",
]
STATUSES = (Status.MET, Status.PARTLY_MET, Status.NOT_MET, Status.NOT_APPLICABLE)


def _saved_2026_1_review(data: Path) -> str:
    """A review with every 2026.1 criterion assessed, noted and given an action, on disk."""
    book = ReviewBook(data)
    review = book.create("Spring 2026", "MSK physiotherapy", "2026-03-01", "AB, CD")
    for n, criterion in enumerate(EDITION_2026_1):
        status = STATUSES[n % len(STATUSES)]
        reason = "Not offered here" if status is Status.NOT_APPLICABLE else None
        book.set_status(review.id, criterion, status, reason)
        book.set_text(review.id, criterion, "notes", f"Note on {criterion}")
        book.set_text(review.id, criterion, "evidence", f"Evidence for {criterion}")
        book.add_action(review.id, criterion, f"Act on {criterion}", "Lead", "2026-06-30")
    book.save_dirty()
    return review.id


def test_every_2026_1_criterion_is_still_a_criterion_of_this_edition() -> None:
    guide = load_guide(CONTENT)
    criteria = {n.id for n in guide.nodes.values() if n.kind.value == "criterion"}
    assert set(EDITION_2026_1) <= criteria
    assert len(criteria) > len(EDITION_2026_1)  # the new safety criteria are there too


def test_a_2026_1_review_opens_with_nothing_lost(tmp_path: Path) -> None:
    data = tmp_path / "data"
    review_id = _saved_2026_1_review(data)
    file = data / "reviews" / f"{review_id}.json"
    before = json.loads(file.read_text(encoding="utf-8"))
    guide = load_guide(CONTENT)
    book = ReviewBook(data)
    assert book.load() == []
    review = book.get(review_id)
    assert not_in_edition(review, guide) == []  # every assessment sits under a criterion
    shown = {row.criterion.id: row.assessment for row in rows(review, guide)}
    for n, criterion in enumerate(EDITION_2026_1):
        assessment = shown[criterion]
        assert assessment.status is STATUSES[n % len(STATUSES)]
        assert assessment.notes == f"Note on {criterion}"
        assert assessment.evidence == f"Evidence for {criterion}"
        assert [a.what for a in assessment.actions] == [f"Act on {criterion}"]
    summary = summarise(review, guide)
    assert summary.assessed == len(EDITION_2026_1)
    report = review_markdown(review, guide)
    for criterion in EDITION_2026_1:
        assert f"Note on {criterion}".replace("-", "\\-") in report
    book.save_dirty()  # nothing changed, nothing rewritten
    assert json.loads(file.read_text(encoding="utf-8")) == before
