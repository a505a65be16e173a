"""The action plan of every review as CSV: one row per action, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from guide_app.export.review_csv import spreadsheet_safe
from guide_app.export.review_parts import NOT_IN_EDITION
from guide_app.store.action_plan import PlanRow
from guide_app.store.review_dates import uk_date

HEADER = (
    "Review",
    "Review date",
    "Criterion id",
    "Criterion",
    "Action",
    "Owner",
    "Due",
    "State",
)


def action_plan_csv(rows: Iterable[PlanRow], today: str) -> bytes:
    """The rows as UTF-8 CSV with a byte order mark and CRLF line ends (Excel reads it right)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        criterion = row.criterion if row.in_edition else f"{row.criterion} {NOT_IN_EDITION}"
        cells = (
            row.review.name,
            uk_date(row.review.date),
            row.criterion_id,
            criterion,
            row.action.what,
            row.action.owner,
            uk_date(row.action.due),
            row.state(today),
        )
        writer.writerow([spreadsheet_safe(c) for c in cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
