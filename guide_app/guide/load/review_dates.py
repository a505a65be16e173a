"""A page's review dates: its own or the edition's, each a day of the calendar, due after review."""

from __future__ import annotations

import datetime as dt
import re

from guide_app.guide.load.validate import Record
from guide_app.guide.problems import FileProblems

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def full_date(text: str) -> bool:
    """Whether `text` is a day of the calendar written YYYY-MM-DD."""
    if not _DAY.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def review_dates(record: Record, log: FileProblems, defaults: tuple[str, str]) -> tuple[str, str]:
    """A page's last-reviewed and review-due dates (its own, else the edition's), checked.

    A date that is not a day of the calendar, or a review due before the last review, is
    reported at its line; the page then carries no date rather than a wrong one.
    """
    found = []
    for name, default in zip(("reviewed", "review_due"), defaults, strict=True):
        own = record.get(name)
        text = str(own) if own else default  # the edition's are checked once, in guide.yaml
        if own and not full_date(text):
            log.error(
                record.line_of(name), f"'{name}' should be a day written YYYY-MM-DD, got {text!r}"
            )
            text = ""
        found.append(text if full_date(text) else "")
    reviewed, due = found
    if reviewed and due and due <= reviewed:
        log.error(
            record.line_of("review_due"),
            f"'review_due' ({due}) should come after 'reviewed' ({reviewed})",
        )
    return reviewed, due


def edition_review_dates(meta: Record, log: FileProblems) -> tuple[str, str]:
    """The edition's date and review_due (guide.yaml), the pages' defaults, each checked once."""
    found = []
    for name in ("date", "review_due"):
        text = str(meta.get(name, ""))
        if text and not full_date(text):
            log.error(
                meta.line_of(name), f"'{name}' should be a day written YYYY-MM-DD, got {text!r}"
            )
            text = ""
        found.append(text)
    date, due = found
    if date and due and due <= date:
        log.error(
            meta.line_of("review_due"), f"'review_due' ({due}) should come after 'date' ({date})"
        )
    return date, due
