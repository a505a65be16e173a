"""Dates as people type them (31/01/2027, 3/12/2026 or 2027-01-31), kept as YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$")
_STORED = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HOW_TO_WRITE = "write it as DD/MM/YYYY, for example 31/01/2027 (or as YYYY-MM-DD)"


class DateError(ValueError):
    """Typed text that is not a date; the message says why and how to write one."""


def iso_date(text: str) -> str:
    """The date typed in `text` as YYYY-MM-DD ("" when blank); raise DateError if it is none.

    Day first (DD/MM/YYYY or D/M/YYYY, with "/", "." or "-") as written in the UK, or year
    first (YYYY-MM-DD). Two-digit years are refused: 03/12/26 could be 1926 or 2026.
    """
    typed = text.strip()
    if not typed:
        return ""
    year_first = _YEAR_FIRST.match(typed)
    day_first = _DAY_FIRST.match(typed)
    if year_first is not None:
        year, month, day = (int(part) for part in year_first.groups())
    elif day_first is not None:
        day, month, year = (int(part) for part in day_first.groups())
    else:
        raise DateError(f"“{typed}” is not a date; {HOW_TO_WRITE}")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise DateError(
            f"“{typed}” is not a day of the calendar; check the day and the month"
        ) from None


def uk_date(stored: str) -> str:
    """A stored YYYY-MM-DD date as DD/MM/YYYY; anything else is returned as it is."""
    if not _STORED.match(stored):
        return stored
    year, month, day = stored.split("-")
    return f"{day}/{month}/{year}"
