"""Every action of every review in one plan: who does what by when, and what is overdue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from guide_app.guide.model import Guide
from guide_app.store.reviews import Action, Review

STATES = ("All", "Open", "Overdue", "Done")  # what the plan can be filtered to


@dataclass(frozen=True)
class PlanRow:
    """One action, the review and criterion it belongs to."""

    review: Review
    criterion_id: str
    criterion: str  # its title, or its id when this edition lacks it
    in_edition: bool
    action: Action

    def overdue(self, today: str) -> bool:
        """Open and due before `today` (YYYY-MM-DD)."""
        return not self.action.done and bool(self.action.due) and self.action.due < today

    def state(self, today: str) -> str:
        """Done, Overdue or Open, in words."""
        if self.action.done:
            return "Done"
        return "Overdue" if self.overdue(today) else "Open"


def plan_rows(reviews: Iterable[Review], guide: Guide) -> list[PlanRow]:
    """Every action: open ones first, soonest due first (undated last), then by review."""
    rows = []
    for review in reviews:
        for criterion_id, found in review.assessments.items():
            node = guide.resolve(criterion_id)
            title = node.title if node is not None else criterion_id
            for action in found.actions:
                rows.append(PlanRow(review, criterion_id, title, node is not None, action))
    rows.sort(
        key=lambda r: (r.action.done, r.action.due == "", r.action.due, r.review.name.lower())
    )
    return rows


def owners(rows: Iterable[PlanRow]) -> list[str]:
    """The owners named in `rows`, sorted, each once ("" for no owner is left out)."""
    found = {r.action.owner.strip() for r in rows if r.action.owner.strip()}
    return sorted(found, key=lambda name: (name.lower(), name))


def matching(
    rows: Iterable[PlanRow], today: str, owner: str = "", review_id: str = "", state: str = "All"
) -> list[PlanRow]:
    """The rows with that owner, of that review and in that state ("" and All: any).

    Open takes in the overdue ones: they are open too.
    """
    return [
        r
        for r in rows
        if (not owner or r.action.owner.strip() == owner)
        and (not review_id or r.review.id == review_id)
        and (state == "All" or r.state(today) == state or (state == "Open" and not r.action.done))
    ]
