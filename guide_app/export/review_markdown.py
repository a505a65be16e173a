"""A review as readable Markdown, and the pieces every review export shares.

What the user typed (names, notes, evidence, actions, owners, criterion ids kept from an
older edition) is escaped with `escape_markdown`, so it reads as typed and is never a link,
an image, HTML or a heading. The guide's own titles and criteria are written as they are:
the content check lets no markup into them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from guide_app.export.marks import changes_only_note, outcome_mark
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
from guide_app.store.reviews import STATUS_ORDER, Action, Assessment, Review, Status
from guide_app.user_text import escape_markdown

PRIVACY_NOTE = (
    "Reviews must not hold patient-identifiable information: no names, dates of birth, "
    "NHS numbers or other details that could identify a person."
)
NOT_IN_EDITION = "(not in this edition)"
NOT_RECORDED = "Not recorded"
NO_OWNER = "No owner"
NO_DATE = "No date"
PLAN_INTRO = "Open actions, soonest due first; actions without a due date come last."
OLD_CRITERIA_INTRO = (
    "These criteria were assessed but are not in this edition of the guide (they may have been "
    "removed or renamed). They are kept here so that nothing recorded is lost."
)


# Shared by every export ----------------------------------------------------------------------


@dataclass(frozen=True)
class Numbered:
    """A principle with its number and its criteria, each with a number such as "2.3"."""

    number: int
    principle: Node
    criteria: list[tuple[str, Node]]


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


# Markdown ------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """The guide's text for a Markdown table cell: one line, with its pipes escaped."""
    return one_line(text).replace("|", "\\|")


def _text(text: str) -> str:
    """The user's text on one line, escaped (pipes too, so it also fits in a table cell)."""
    return escape_markdown(one_line(text))


def _lines(text: str) -> list[str]:
    """The user's text, escaped, line by line, its line breaks kept.

    A line followed by another ends in a backslash (a hard line break); a blank line starts
    a new paragraph.
    """
    lines = [escape_markdown(line.strip()) for line in text.strip().splitlines()]
    return [
        f"{line}\\" if line and n + 1 < len(lines) and lines[n + 1] else line
        for n, line in enumerate(lines)
    ]


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _field(label: str, lines: list[str]) -> list[str]:
    """A list item `- **label:** line`, further lines indented under it."""
    first, *rest = lines or [""]
    return [f"- **{label}:** {first}".rstrip(), *(f"  {line}".rstrip() for line in rest)]


def _action(action: Action) -> str:
    """`action_text` with the user's words escaped: `what (owner, due YYYY-MM-DD, done|open)`."""
    parts = [_text(action.owner), f"due {uk_date(action.due)}" if action.due else ""]
    parts.append("done" if action.done else "open")
    return f"{_text(action.what)} ({', '.join(p for p in parts if p)})"


def _assessment(assessment: Assessment) -> list[str]:
    lines = _field("Status", [assessment.status.label])
    if assessment.status is Status.NOT_APPLICABLE:
        lines += _field("Reason not applicable", _lines(assessment.reason) or [NOT_RECORDED])
    for label, text in (("Notes", assessment.notes), ("Evidence", assessment.evidence)):
        if text.strip():
            lines += _field(label, _lines(text))
    if assessment.actions:
        lines.append("- **Actions:**")
        lines += [f"  - {_action(a)}" for a in assessment.actions]
    return [*lines, ""]


def _summary(review: Review, guide: Guide) -> list[str]:
    summary = summarise(review, guide)
    lines = [
        "## Summary",
        "",
        _row(["Principle", *(s.label for s in STATUS_ORDER), "Criteria"]),
        _row(["---", *["---:"] * (len(STATUS_ORDER) + 1)]),
    ]
    for counts in summary.principles:
        lines.append(
            _row(
                [
                    _cell(counts.principle.title),
                    *(counts.counts[s] for s in STATUS_ORDER),
                    counts.total,
                ]
            )
        )
    totals = [sum(p.counts[s] for p in summary.principles) for s in STATUS_ORDER]
    lines.append(
        _row(["**All principles**", *(f"**{n}**" for n in totals), f"**{summary.total}**"])
    )
    return [*lines, "", overall(review, guide), ""]


def _comparison(earlier: Review, review: Review, guide: Guide, changes_only: bool) -> list[str]:
    changes, shown, note = compared(earlier, review, guide, changes_only)
    labels = criterion_labels(guide)
    when = f" ({uk_date(earlier.date)})" if earlier.date else ""
    lines = [f"## Comparison with {_text(earlier.name)}{when}", "", outcome_counts(changes), ""]
    if note:
        lines += [note, ""]
    if not shown:
        return lines
    lines += [_row(["Criterion", "Before", "After", "Change"]), _row(["---"] * 4)]
    for c in shown:
        before, after = c.before.label, c.after.label
        lines.append(_row([_cell(labels[c.criterion.id]), before, after, outcome_mark(c.outcome)]))
    return [*lines, ""]


def _plan(review: Review, guide: Guide) -> list[str]:
    items = action_plan(review, guide)
    if not items:
        return ["## Action plan", "", "No open actions.", ""]
    lines = [
        "## Action plan",
        "",
        PLAN_INTRO,
        "",
        _row(["Due", "Action", "Owner", "Criterion"]),
        _row(["---"] * 4),
    ]
    lines += [
        _row(
            [
                uk_date(item.action.due) or NO_DATE,
                _text(item.action.what),
                _text(item.action.owner) or NO_OWNER,
                f"{_text(item.old_id)} {NOT_IN_EDITION}" if item.old_id else _cell(item.criterion),
            ]
        )
        for item in items
    ]
    return [*lines, ""]


def review_markdown(
    review: Review,
    guide: Guide,
    *,
    compared_with: Review | None = None,
    changes_only: bool = False,
) -> str:
    """The review as a Markdown report; the same review and guide always give the same text.

    With `compared_with`, a comparison follows the summary; with `changes_only` too, it lists
    only the criteria whose status changed.
    """
    lines = [f"# Service review: {_text(review.name)}", ""]
    for detail in details(review, guide):  # dates are checked (YYYY-MM-DD); the rest is ours
        value = _text(detail.value) if detail.typed else one_line(detail.value)
        lines.append(f"- **{detail.label}:** {value or NOT_RECORDED}")
    lines += ["", f"> {PRIVACY_NOTE}", ""]
    lines += _summary(review, guide)
    if compared_with is not None:
        lines += _comparison(compared_with, review, guide, changes_only)
    for part in numbered(guide):
        lines += [f"## {part.number}. {one_line(part.principle.title)}", ""]
        for number, criterion in part.criteria:
            lines += [f"### {number} {one_line(criterion.title)}", ""]
            lines += _assessment(assessment_of(review, criterion))
    old = not_in_edition(review, guide)
    if old:
        lines += ["## Criteria not in this edition", "", OLD_CRITERIA_INTRO, ""]
        for cid, assessment in old:
            lines += [f"### {_text(cid)}", "", *_assessment(assessment)]
    lines += _plan(review, guide)
    return "\n".join(lines).rstrip("\n") + "\n"
