"""A review as CSV: one row per criterion, in guide order, for spreadsheets."""

from __future__ import annotations

import csv
import io

from guide_app.export.review_parts import (
    NOT_IN_EDITION,
    RISK_HEADING,
    action_text,
    assessment_of,
    numbered,
)
from guide_app.guide.model import Guide
from guide_app.store.review_summary import not_in_edition
from guide_app.store.reviews import Assessment, Review, Risk, Status

HEADER = (
    "Principle",
    "Criterion id",
    "Criterion",
    "Status",
    "Reason not applicable",
    "Notes",
    "Evidence",
    "Actions",
    "Sample size",
    "Sample chosen how",
    RISK_HEADING,
)
# A cell starting with one of these is a formula to Excel and LibreOffice: a note such as
# "=HYPERLINK(...)" or "-2+cmd|..." would run when the file is opened. Such cells get a
# leading apostrophe, as OWASP advises, so they are shown as the text that was typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """`text` as a cell a spreadsheet shows as typed: a formula start gets an apostrophe."""
    text = text.replace("\r\n", "\n")
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cells(principle: str, cid: str, criterion: str, found: Assessment) -> list[str]:
    reason = found.reason if found.status is Status.NOT_APPLICABLE else ""
    actions = "; ".join(action_text(a) for a in found.actions)
    cells = [principle, cid, criterion, found.status.label, reason]
    size = str(found.sample_size) if found.sample_size else ""
    risk = found.risk.label if found.risk is not Risk.NONE else ""
    texts = (found.notes, found.evidence, actions, size, found.sample_how, risk)
    return [spreadsheet_safe(c) for c in (*cells, *texts)]


def review_csv(review: Review, guide: Guide) -> str:
    """The review as CSV text with CRLF line ends; old criteria's rows come last."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for part in numbered(guide):
        for _number, criterion in part.criteria:
            found = assessment_of(review, criterion)
            writer.writerow(_cells(part.principle.title, criterion.id, criterion.title, found))
    for cid, found in not_in_edition(review, guide):
        writer.writerow(_cells(NOT_IN_EDITION, cid, "", found))
    return out.getvalue()


def review_csv_bytes(review: Review, guide: Guide) -> bytes:
    """The CSV as UTF-8 with a byte order mark, so that Excel reads the text correctly."""
    return ("\ufeff" + review_csv(review, guide)).encode("utf-8")
