"""A review read against the guide: rows, counts per principle, open actions, change."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from guide_app.guide.model import Guide, Kind, Node
from guide_app.store.reviews import STATUS_ORDER, Action, Assessment, Review, Status


@dataclass(frozen=True)
class Row:
    """One criterion of one principle, and what the review found."""

    principle: Node
    criterion: Node
    assessment: Assessment


def principles(guide: Guide) -> list[tuple[Node, list[Node]]]:
    """The principles in guide order, each with its criteria."""
    part = guide.nodes.get("principles")
    if part is None:
        return []
    found = []
    for principle in guide.children(part):
        criteria = [c for c in guide.children(principle) if c.kind is Kind.CRITERION]
        found.append((principle, criteria))
    return found


def rows(review: Review, guide: Guide) -> list[Row]:
    """Every criterion in guide order with the review's assessment (found by id or former id)."""
    return [
        Row(principle, criterion, review.assessment(criterion.id, *criterion.aliases))
        for principle, criteria in principles(guide)
        for criterion in criteria
    ]


def not_in_edition(review: Review, guide: Guide) -> list[tuple[str, Assessment]]:
    """Assessments of criteria this edition no longer has: kept and shown, never dropped."""
    return [
        (cid, a)
        for cid, a in review.assessments.items()
        if (node := guide.resolve(cid)) is None or node.kind is not Kind.CRITERION
    ]


@dataclass(frozen=True)
class PrincipleCounts:
    """How many of a principle's criteria have each status."""

    principle: Node
    counts: dict[Status, int]

    @property
    def total(self) -> int:
        """The number of criteria."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class Summary:
    """The whole review at a glance."""

    principles: list[PrincipleCounts]
    total: int
    assessed: int  # any status but not assessed
    met: int
    open_actions: list[tuple[Row, Action]]  # by due date; undated last

    @property
    def percent_assessed(self) -> int:
        """Assessed criteria as a whole percentage."""
        return round(100 * self.assessed / self.total) if self.total else 0


def summarise(review: Review, guide: Guide) -> Summary:
    """Count statuses per principle and overall, and list open actions by due date."""
    all_rows = rows(review, guide)
    counts: list[PrincipleCounts] = []
    for principle, _criteria in principles(guide):
        tally = dict.fromkeys(STATUS_ORDER, 0)
        for row in all_rows:
            if row.principle.id == principle.id:
                tally[row.assessment.status] += 1
        counts.append(PrincipleCounts(principle, tally))
    open_actions = [(row, action) for row in all_rows for action in row.assessment.open_actions]
    open_actions.sort(key=lambda pair: (pair[1].due == "", pair[1].due))
    statuses = [row.assessment.status for row in all_rows]
    return Summary(
        principles=counts,
        total=len(all_rows),
        assessed=sum(1 for s in statuses if s is not Status.NOT_ASSESSED),
        met=statuses.count(Status.MET),
        open_actions=open_actions,
    )


class Outcome(enum.StrEnum):
    """How one criterion changed between two reviews."""

    IMPROVED = "Improved"
    WORSE = "Worse"
    UNCHANGED = "Unchanged"
    NEWLY_ASSESSED = "Newly assessed"
    NOT_COMPARABLE = "Not comparable"
    SLIPPED = "Worse"  # its former name: the same member as WORSE


@dataclass(frozen=True)
class Change:
    """A criterion's status in an earlier and a later review."""

    principle: Node
    criterion: Node
    before: Status
    after: Status
    outcome: Outcome

    @property
    def changed(self) -> bool:
        """Whether the status is not the same as before."""
        return self.outcome is not Outcome.UNCHANGED


def _outcome(before: Status, after: Status) -> Outcome:
    if before == after:
        return Outcome.UNCHANGED
    if before.rank is not None and after.rank is not None:
        return Outcome.IMPROVED if after.rank > before.rank else Outcome.WORSE
    if before is Status.NOT_ASSESSED:
        return Outcome.NEWLY_ASSESSED
    return Outcome.NOT_COMPARABLE


def compare(
    earlier: Review, later: Review, guide: Guide, *, changes_only: bool = False
) -> list[Change]:
    """For each criterion: improved, worse, unchanged, newly assessed or not comparable.

    With `changes_only`, only the criteria whose status changed, in guide order.
    """
    before = {row.criterion.id: row.assessment.status for row in rows(earlier, guide)}
    changes = [
        Change(
            row.principle,
            row.criterion,
            before[row.criterion.id],
            row.assessment.status,
            _outcome(before[row.criterion.id], row.assessment.status),
        )
        for row in rows(later, guide)
    ]
    return [c for c in changes if c.changed] if changes_only else changes
