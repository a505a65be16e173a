"""How current each page is: when it was last reviewed, when it is due, and which are overdue."""

from __future__ import annotations

import time

from guide_app.guide.model import Guide, Node

# In English whatever the computer's language (the guide is in English); strftime's %B
# follows the locale, which Qt sets from the computer's.
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def today() -> str:
    """Today's date on this computer, YYYY-MM-DD (without importing datetime at start-up)."""
    return time.strftime("%Y-%m-%d")


def long_date(iso: str) -> str:
    """YYYY-MM-DD as "4 December 2026" (anything else as it is)."""
    parts = iso.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return iso
    year, month, day = parts
    if not 1 <= int(month) <= len(_MONTHS):
        return iso
    return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"


def review_text(node: Node, on: str) -> tuple[str, bool]:
    """The page's review dates in words, and whether it is past its review date `on`."""
    if not node.reviewed and not node.review_due:
        return "", False
    words = []
    if node.reviewed:
        words.append(f"Last reviewed {long_date(node.reviewed)}")
    if node.review_due:
        words.append(f"Next review due {long_date(node.review_due)}")
    return " · ".join(words) + ".", node.overdue(on)


def dated_pages(guide: Guide) -> list[Node]:
    """The pages with a review date (not the items shown on another page, nor overviews)."""
    return [n for n in guide.nodes.values() if n.review_due and guide.page_of(n) is n]


def overdue_pages(guide: Guide, on: str) -> list[Node]:
    """The pages past their review date `on`, in guide order."""
    return [node for node in dated_pages(guide) if node.overdue(on)]


def overdue_summary(guide: Guide, on: str) -> str:
    """One sentence on how many pages are past their review date (for home and About)."""
    dated = len(dated_pages(guide))
    late = len(overdue_pages(guide, on))
    if late == 0:
        return f"All {dated} pages are within their review dates."
    pages = "1 page is" if late == 1 else f"{late} pages are"
    return (
        f"{pages} past their review date: check their sources, and current guidance, "
        "before relying on them."
    )
