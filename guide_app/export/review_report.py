"""A review as HTML for QTextDocument: the light report for print and PDF, and the summary."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from guide_app.export.marks import (
    KEY_LABEL,
    OUTCOME_COLOURS,
    PRINT_COLOURS,
    STATUS_GLYPHS,
    outcome_mark,
)
from guide_app.export.review_parts import (
    NO_OWNER,
    NOT_IN_EDITION,
    NOT_RECORDED,
    OLD_CRITERIA_INTRO,
    PLAN_INTRO,
    PRIVACY_NOTE,
    RISK_COLOURS,
    RISK_HEADING,
    action_plan,
    action_text,
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
from guide_app.store.review_summary import Outcome, not_in_edition, summarise
from guide_app.store.reviews import STATUS_ORDER, Assessment, Review, Risk, Status

BAR_WIDTH = 20
_WIDE = ' width="32%"'
_MONO = "font-family: 'DejaVu Sans Mono', 'Consolas', 'Menlo', 'Courier New', monospace;"
SIGN_OFF_ROWS = 3
SIGN_OFF_TEXT = "Agreed as an accurate record of this review:"

# The printed report is always black on white, whatever the screen's theme.
INK = "#000000"
PAPER = "#ffffff"
SHADE = "#e8e8e8"  # table headings
NOTE = "#fff4cc"  # the privacy note
RULE = "#808080"  # table borders


@dataclass(frozen=True)
class _Look:
    """How tables and marks are drawn: explicit light colours for print, the palette on screen."""

    table: str
    heading: str  # attributes of a heading cell
    colours: Mapping[Status, str] | None
    outcome_colours: Mapping[Outcome, str]

    def th(self, text: str, extra: str = "") -> str:
        return f'<th{self.heading}{extra} align="left">{text}</th>'


_PRINT = _Look(
    table=(
        'border="1" cellspacing="0" cellpadding="4" width="100%" '
        f'style="border-collapse: collapse; border-style: solid; border-color: {RULE};"'
    ),
    heading=f' style="background-color: {SHADE}; color: {INK};"',
    colours=PRINT_COLOURS,
    outcome_colours=OUTCOME_COLOURS,
)
_SCREEN = _Look(
    table='border="1" cellspacing="0" cellpadding="3" width="100%" '
    'style="border-collapse: collapse; border-style: solid;"',
    heading="",
    colours=None,
    outcome_colours={},
)


_LONG_RUN = re.compile(r"\S{400,}")
_BREAK_EVERY = 80


def breakable(text: str) -> str:
    """`text` with a zero-width space every 80 characters of any run of 400 without a space.

    Qt's layout looks for a word's end once per line it wraps, so a 1,000,000-letter run
    would take minutes to lay out on paper; with these break points it takes a moment, and a
    run that long reads no worse broken at the page edge.
    """
    if len(text) < 400:
        return text

    def spaced(found: re.Match[str]) -> str:
        run = found.group(0)
        return "\u200b".join(run[n : n + _BREAK_EVERY] for n in range(0, len(run), _BREAK_EVERY))

    return _LONG_RUN.sub(spaced, text)


def _e(text: str) -> str:
    """User or guide text on one line, escaped."""
    return html.escape(breakable(one_line(text)))


def _lines(text: str) -> str:
    """User text escaped, its line breaks kept."""
    return "<br>".join(html.escape(breakable(line)) for line in text.strip().splitlines())


def bar_lengths(counts: Mapping[Status, int], width: int = BAR_WIDTH) -> list[tuple[Status, int]]:
    """How many of `width` characters each status gets (largest remainders round up)."""
    total = sum(counts.get(s, 0) for s in STATUS_ORDER)
    if total == 0:
        return []
    exact = {s: counts.get(s, 0) * width / total for s in STATUS_ORDER}
    lengths = {s: int(exact[s]) for s in STATUS_ORDER}
    spare = width - sum(lengths.values())
    by_remainder = sorted(STATUS_ORDER, key=lambda s: lengths[s] - exact[s])
    for status in by_remainder[:spare]:
        lengths[status] += 1
    return [(s, lengths[s]) for s in STATUS_ORDER if lengths[s]]


def _glyphs(status: Status, count: int, look: _Look) -> str:
    """`count` of the status's shape, in the bars' font and (on paper) the status's colour.

    The bars, the key and every status in a report are drawn with this, so the key shows
    exactly what the bars show.
    """
    colour = f" color: {look.colours[status]};" if look.colours is not None else ""
    return f'<span style="{_MONO}{colour}">{STATUS_GLYPHS[status] * count}</span>'


def _status(status: Status, look: _Look, *, bold: bool = False) -> str:
    """The status's shape and its words: never colour alone."""
    words = f"<b>{status.label}</b>" if bold else status.label
    return f"{_glyphs(status, 1, look)} {words}"


def _bar(counts: Mapping[Status, int], look: _Look) -> str:
    return "".join(_glyphs(status, length, look) for status, length in bar_lengths(counts))


def _key(look: _Look) -> str:
    """The key to the bars: each status's shape, drawn as in the bars, and its words."""
    return f"<b>{KEY_LABEL}:</b> " + ", ".join(_status(s, look) for s in STATUS_ORDER) + "."


def _summary(review: Review, guide: Guide, look: _Look, level: int) -> list[str]:
    summary = summarise(review, guide)
    head = "".join(look.th(s.label) for s in STATUS_ORDER)
    out = [
        f"<h{level}>Summary</h{level}>",
        f"<p>{html.escape(overall(review, guide))}</p>",
        f"<p>{_key(look)}</p>",
        f"<table {look.table}>",
        f"<thead><tr>{look.th('Principle', _WIDE)}{head}{look.th('Criteria')}</tr></thead>",
    ]
    for counts in summary.principles:
        numbers = "".join(f'<td align="right">{counts.counts[s]}</td>' for s in STATUS_ORDER)
        out.append(
            f"<tr><td>{_e(counts.principle.title)}<br>{_bar(counts.counts, look)}</td>"
            f'{numbers}<td align="right">{counts.total}</td></tr>'
        )
    totals = {s: sum(p.counts[s] for p in summary.principles) for s in STATUS_ORDER}
    numbers = "".join(f'<td align="right"><b>{totals[s]}</b></td>' for s in STATUS_ORDER)
    out += [
        (
            f"<tr><td><b>All principles</b><br>{_bar(totals, look)}</td>{numbers}"
            f'<td align="right"><b>{summary.total}</b></td></tr>'
        ),
        "</table>",
    ]
    return out


def _outcome(outcome: Outcome, look: _Look) -> str:
    """What changed, as a symbol and words; a change in bold, and on paper green or red."""
    text = html.escape(outcome_mark(outcome))
    colour = look.outcome_colours.get(outcome)
    if colour is not None:
        text = f'<span style="color: {colour};">{text}</span>'
    return text if outcome is Outcome.UNCHANGED else f"<b>{text}</b>"


def _comparison(
    earlier: Review, review: Review, guide: Guide, look: _Look, level: int, changes_only: bool
) -> list[str]:
    changes, shown, note = compared(earlier, review, guide, changes_only)
    labels = criterion_labels(guide)
    when = f" ({_e(uk_date(earlier.date))})" if earlier.date else ""
    out = [
        f"<h{level}>Comparison with {_e(earlier.name)}{when}</h{level}>",
        f"<p>{html.escape(outcome_counts(changes))}</p>",
    ]
    if note:
        out.append(f"<p>{html.escape(note)}</p>")
    if not shown:
        return out
    heads = "".join(look.th(h) for h in ("Criterion", "Before", "After", "Change"))
    out += [f"<table {look.table}>", f"<thead><tr>{heads}</tr></thead>"]
    out += [
        f"<tr><td>{_e(labels[c.criterion.id])}</td><td>{_status(c.before, look)}</td>"
        f"<td>{_status(c.after, look)}</td><td>{_outcome(c.outcome, look)}</td></tr>"
        for c in shown
    ]
    return [*out, "</table>"]


def _plan(review: Review, guide: Guide, look: _Look, heading: str, today: str | None) -> list[str]:
    items = action_plan(review, guide)
    out = [heading]
    if not items:
        return [*out, "<p>No open actions.</p>"]
    heads = "".join(look.th(h) for h in ("Due", "Action", "Owner", "Criterion"))
    out += [
        f"<p>{html.escape(PLAN_INTRO)}</p>",
        f"<table {look.table}>",
        f"<thead><tr>{heads}</tr></thead>",
    ]
    out += [
        f"<tr><td>{_e(due_text(item.action, today))}</td><td>{_e(item.action.what)}</td>"
        f"<td>{_e(item.action.owner) or NO_OWNER}</td><td>{_e(item.criterion)}</td></tr>"
        for item in items
    ]
    return [*out, "</table>"]


def summary_html(
    review: Review,
    guide: Guide,
    *,
    compared_with: Review | None = None,
    changes_only: bool = False,
    today: str | None = None,
) -> str:
    """The summary for the screen: counts and bars, overall, open actions, comparison.

    No colours are set, so it follows the light or dark palette of the view showing it.
    With `changes_only`, the comparison lists only the criteria whose status changed.
    """
    out = _summary(review, guide, _SCREEN, 3)
    out += _plan(review, guide, _SCREEN, "<h3>Open actions</h3>", today)
    if compared_with is not None:
        out += _comparison(compared_with, review, guide, _SCREEN, 3, changes_only)
    out += _not_in_edition(review, guide, _SCREEN, 3)
    return "\n".join(out) + "\n"


# The printed report ------------------------------------------------------------------------

_BREAK = ' style="page-break-before: always;"'


def _criterion(heading: str, found: Assessment, look: _Look = _PRINT, level: int = 3) -> list[str]:
    def row(label: str, value: str) -> str:
        return f'<tr><td width="22%"{look.heading}><b>{label}</b></td><td>{value}</td></tr>'

    rows = [row("Status", _status(found.status, look, bold=True))]
    if found.status is Status.NOT_APPLICABLE:
        rows.append(row("Reason not applicable", _lines(found.reason) or NOT_RECORDED))
    for label, text in (("Notes", found.notes), ("Evidence", found.evidence)):
        if text.strip():
            rows.append(row(label, _lines(text)))
    if sample_text(found):
        rows.append(row("Sample", sample_text(found, _e)))
    if found.risk is not Risk.NONE:
        swatch = f'<span style="color: {RISK_COLOURS[found.risk]};">■</span>'
        rows.append(row(RISK_HEADING, f"{swatch} {found.risk.label}"))
    if found.actions:
        rows.append(
            row(
                "Actions",
                "<br>".join(html.escape(breakable(action_text(a))) for a in found.actions),
            )
        )
    return [f"<h{level}>{heading}</h{level}>", f"<table {look.table}>", *rows, "</table>"]


def _not_in_edition(review: Review, guide: Guide, look: _Look, level: int) -> list[str]:
    """What the review found for criteria this edition lacks, kept and shown (read-only)."""
    out: list[str] = []
    old = not_in_edition(review, guide)
    if old:
        out += [
            f"<h{level}>Criteria not in this edition</h{level}>",
            f"<p>{html.escape(OLD_CRITERIA_INTRO)}</p>",
        ]
        for cid, found in old:
            out += _criterion(f"{_e(cid)} {html.escape(NOT_IN_EDITION)}", found, look, level + 1)
    return out


def _sign_off() -> list[str]:
    heads = "".join(
        _PRINT.th(label, f' width="{width}%"')
        for label, width in (("Reviewed by", 30), ("Role", 25), ("Signature", 30), ("Date", 15))
    )
    blank = "<tr>" + "<td>&nbsp;<br>&nbsp;<br>&nbsp;</td>" * 4 + "</tr>"
    return [
        "<h2>Sign-off</h2>",
        f"<p>{SIGN_OFF_TEXT}</p>",
        f"<table {_PRINT.table}>",
        f"<thead><tr>{heads}</tr></thead>",
        *[blank] * SIGN_OFF_ROWS,
        "</table>",
    ]


def _heading(review: Review, guide: Guide) -> list[str]:
    """The title, the review's details (lead, next review, draft or final …) and the note."""
    rows = "".join(
        f'<tr><td width="22%"><b>{d.label}</b></td><td>{_e(d.value) or NOT_RECORDED}</td></tr>'
        for d in details(review, guide)
    )
    return [
        f'<h1 style="font-size: 18pt;">Service review: {_e(review.name)}</h1>',
        f'<table border="0" cellspacing="0" cellpadding="3" width="100%">{rows}</table>',
        (
            f'<p>&nbsp;</p><table {_PRINT.table}><tr><td style="background-color: {NOTE}; '
            f'color: {INK};"><b>Note:</b> {html.escape(PRIVACY_NOTE)}</td></tr></table>'
        ),
    ]


def report_html(
    review: Review,
    guide: Guide,
    *,
    compared_with: Review | None = None,
    changes_only: bool = False,
    today: str | None = None,
) -> str:
    """The whole review as a light (black on white) HTML report for print and PDF.

    With `changes_only`, the comparison lists only the criteria whose status changed. Open
    actions due before `today` (YYYY-MM-DD; None: the computer's date) are marked overdue.
    """
    out = [
        "<html><head>",
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        f"<title>{_e(review.name)}</title>",
        "</head>",
        f'<body style="color: {INK}; background-color: {PAPER}; font-size: 10pt;">',
        *_heading(review, guide),
    ]
    out += _summary(review, guide, _PRINT, 2)
    if compared_with is not None:
        out += _comparison(compared_with, review, guide, _PRINT, 2, changes_only)
    for n, part in enumerate(numbered(guide)):
        out.append(f"<h2{_BREAK if n == 0 else ''}>{part.number}. {_e(part.principle.title)}</h2>")
        for number, criterion in part.criteria:
            out += _criterion(f"{number} {_e(criterion.title)}", assessment_of(review, criterion))
    out += _not_in_edition(review, guide, _PRINT, 2)
    out += _plan(review, guide, _PRINT, f"<h2{_BREAK}>Action plan</h2>", today)
    out += _sign_off()
    out += ["</body></html>"]
    return "\n".join(out) + "\n"
