"""A review as readable Markdown.

What the user typed (names, notes, evidence, actions, owners, criterion ids kept from an
older edition) is escaped with `escape_markdown`, so it reads as typed and is never a link,
an image, HTML or a heading. The guide's own titles and criteria are written as they are:
the content check lets no markup into them.
"""

from __future__ import annotations

from collections.abc import Sequence

from guide_app.common.user_text import escape_markdown
from guide_app.export.marks import outcome_mark
from guide_app.export.review_parts import (
    NO_OWNER,
    NOT_IN_EDITION,
    NOT_RECORDED,
    OLD_CRITERIA_INTRO,
    PLAN_INTRO,
    PRIVACY_NOTE,
    RISK_HEADING,
    action_plan,
    assessment_of,
    compared,
    criterion_labels,
    details,
    due_text,
    numbered,
    one_line,
    outcome_counts,
    overall,
    sample_text,
)
from guide_app.guide.model import Guide
from guide_app.store.review_dates import uk_date
from guide_app.store.review_summary import not_in_edition, summarise
from guide_app.store.reviews import STATUS_ORDER, Action, Assessment, Review, Risk, Status


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
    if sample_text(assessment):
        lines += _field("Sample", [sample_text(assessment, _text)])
    if assessment.risk is not Risk.NONE:
        lines += _field(RISK_HEADING, [assessment.risk.label])
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


def _plan(review: Review, guide: Guide, today: str | None) -> list[str]:
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
                due_text(item.action, today),
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
    today: str | None = None,
) -> str:
    """The review as a Markdown report; the same review, guide and day give the same text.

    With `compared_with`, a comparison follows the summary; with `changes_only` too, it lists
    only the criteria whose status changed. Open actions due before `today` (YYYY-MM-DD; None:
    the computer's date) are marked overdue.
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
    lines += _plan(review, guide, today)
    return "\n".join(lines).rstrip("\n") + "\n"
