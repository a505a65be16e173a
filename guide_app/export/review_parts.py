"""The pieces every review export shares: one privacy note, the wording, the numbering.

The Markdown, HTML (and so PDF and print) and CSV reports all read the review through these,
so they number criteria alike, word the same things alike and carry the same privacy note;
the review editor shows that note too.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from guide_app.export.marks import changes_only_note
from guide_app.guide.model import Guide, Node
from guide_app.store.review_dates import uk_date
from guide_app.store.review_summary import (
    Change,
    Outcome,
    compare,
    not_in_edition,
    principles,
    summarise,
)
from guide_app.store.reviews import Action, Assessment, Review, Risk

PRIVACY_NOTE = (
    "Reviews must not hold patient-identifiable information: no names, dates of birth, "
    "NHS numbers or other details that could identify a person."
)
NOT_IN_EDITION = "(not in this edition)"
NOT_RECORDED = "Not recorded"
NO_OWNER = "No owner"
NO_DATE = "No date"
PLAN_INTRO = (
    "Open actions, soonest due first; actions without a due date come last. "
    "“Overdue”: past its due date on the day this was made."
)
OLD_CRITERIA_INTRO = (
    "These criteria were assessed but are not in this edition of the guide (they may have been "
    "removed or renamed). They are kept here so that nothing recorded is lost."
)


@dataclass(frozen=True)
class Numbered:
    """A principle with its number and its criteria, each with a number such as "2.3"."""

    number: int
    principle: Node
    criteria: list[tuple[str, Node]]


# A colour beside the risk's word, never instead of it: green, amber and red, as gap analyses use.
RISK_COLOURS = {Risk.LOW: "#2e7d32", Risk.MEDIUM: "#b26a00", Risk.HIGH: "#c62828"}
RISK_HEADING = "Risk of not improving"


def sample_text(found: Assessment, escape: Callable[[str], str] = str) -> str:
    """The sample a criterion was judged on, in words ("" when none is recorded).

    `escape` is applied to what the user typed (how the sample was chosen).
    """
    if not found.sample_size and not found.sample_how.strip():
        return ""
    size = str(found.sample_size) if found.sample_size else "Size not recorded"
    return f"{size}: {escape(found.sample_how)}" if found.sample_how.strip() else size


def numbered(guide: Guide) -> list[Numbered]:
    """The principles and criteria in guide order, numbered as the reports number them."""
    return [
        Numbered(n, principle, [(f"{n}.{m}", c) for m, c in enumerate(criteria, start=1)])
        for n, (principle, criteria) in enumerate(principles(guide), start=1)
    ]


def assessment_of(review: Review, criterion: Node) -> Assessment:
    """What `review` found for `criterion` (stored under its id or a former id)."""
    return review.assessment(criterion.id, *criterion.aliases)


def action_text(action: Action) -> str:
    """An action on one line: `what (owner, due YYYY-MM-DD, done|open)`, empty parts left out."""
    parts = [action.owner.strip(), f"due {uk_date(action.due)}" if action.due else ""]
    parts.append("done" if action.done else "open")
    return f"{one_line(action.what)} ({', '.join(one_line(p) for p in parts if p)})"


def one_line(text: str) -> str:
    """`text` with every run of whitespace, line breaks included, as one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class PlanItem:
    """An open action and the criterion it belongs to."""

    action: Action
    criterion: str  # "1.2 Criterion text", or "<id> (not in this edition)"
    old_id: str = ""  # the criterion's id when it is not in this edition


def due_text(action: Action, today: str | None = None) -> str:
    """An action's due date as DD/MM/YYYY, "(overdue)" after it when open and past it."""
    if not action.due:
        return NO_DATE
    today = today or datetime.date.today().isoformat()
    late = not action.done and action.due < today
    return f"{uk_date(action.due)} (overdue)" if late else uk_date(action.due)


def criterion_labels(guide: Guide) -> dict[str, str]:
    """Each criterion's number and text, such as "1.2 People are asked about mood.", by id."""
    return {c.id: f"{number} {c.title}" for p in numbered(guide) for number, c in p.criteria}


def action_plan(review: Review, guide: Guide) -> list[PlanItem]:
    """Every open action by due date (undated last), those of old criteria included."""
    labels = criterion_labels(guide)
    items = [
        PlanItem(action, labels[row.criterion.id])
        for row, action in summarise(review, guide).open_actions
    ]
    items += [
        PlanItem(action, f"{cid} {NOT_IN_EDITION}", cid)
        for cid, assessment in not_in_edition(review, guide)
        for action in assessment.open_actions
    ]
    items.sort(key=lambda item: (item.action.due == "", item.action.due))
    return items


def outcome_counts(changes: Sequence[Change]) -> str:
    """How many criteria improved, slipped and so on, as one sentence."""
    counted = Counter(change.outcome for change in changes)
    return " ".join(f"{outcome.value}: {counted[outcome]}." for outcome in Outcome)


def overall(review: Review, guide: Guide) -> str:
    """Assessed and met, overall, as one sentence."""
    summary = summarise(review, guide)
    met = round(100 * summary.met / summary.total) if summary.total else 0
    return (
        f"Assessed: {summary.assessed} of {summary.total} criteria "
        f"({summary.percent_assessed}%). Met: {summary.met} of {summary.total} criteria ({met}%)."
    )


def edition(guide: Guide) -> str:
    """Which guide the criteria come from."""
    return f"{guide.title}, edition {guide.edition} ({guide.date})"


@dataclass(frozen=True)
class Detail:
    """One line of a report's heading: a label and its value (empty if not recorded)."""

    label: str
    value: str
    typed: bool  # the user's own words, escaped by each format; else a checked date or ours


def state_label(review: Review) -> str:
    """The review's state in words: Draft or Final."""
    return review.state.label


def is_draft(review: Review) -> bool:
    """Whether the review is still a draft (not yet agreed as final)."""
    return not review.final


def details(review: Review, guide: Guide) -> list[Detail]:
    """The report's heading: the service, date, lead, people, next review, status and edition."""
    return [
        Detail("Service", review.service, typed=True),
        Detail("Date", uk_date(review.date), typed=False),
        Detail("Lead", review.lead, typed=True),
        Detail("People present", review.people, typed=True),
        Detail("Next review", uk_date(review.next_review), typed=False),
        Detail("Review status", state_label(review), typed=False),
        Detail("Criteria from", edition(guide), typed=False),
    ]


def compared(
    earlier: Review, review: Review, guide: Guide, changes_only: bool
) -> tuple[list[Change], list[Change], str]:
    """Every criterion's change, the changes to list, and what a "changes only" list leaves out."""
    changes = compare(earlier, review, guide)
    if not changes_only:
        return changes, changes, ""
    shown = [c for c in changes if c.changed]
    return changes, shown, changes_only_note(changes, shown)
