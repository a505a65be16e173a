"""What search finds and how it is filtered: results, the user's notes, the kind filters."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import cached_property

from guide_app.guide.model import Kind
from guide_app.guide.search.marks import snippet_html

# What the kind filters cover. "notes" are the user's own bookmark and review notes.
FILTERS: dict[str, tuple[str, ...]] = {
    "areas": (Kind.AREA,),
    "solutions": (Kind.ACTION,),
    "challenges": (Kind.CHALLENGE,),
    "examples": (Kind.EXAMPLE,),
    "principles": (Kind.PRINCIPLE, Kind.CRITERION),
    "evidence": (Kind.EVIDENCE,),
    "about": (Kind.PAGE, Kind.SECTION),
    "notes": ("note",),
}
FILTER_LABELS = {
    "areas": "Problem areas",
    "solutions": "Solutions",
    "challenges": "Challenges",
    "examples": "Examples",
    "principles": "Principles",
    "evidence": "Evidence",
    "about": "About",
    "notes": "Your notes",
}
NOTE_KIND = "note"


@dataclass(frozen=True)
class Note:
    """Something the user wrote, to be found by search: a bookmark note or a review note."""

    target: str  # where to go: a node id, or review:<id>/<criterion id>
    title: str
    context: str  # e.g. "Your bookmark" or "Review “Spring 2026”"
    text: str


@dataclass(frozen=True)
class Result:
    """One search hit, ready to show. The snippet is cut only when it is first shown."""

    target: str
    kind: str  # a Kind value, or "note"
    kind_label: str
    title: str
    breadcrumb: str
    body: str = field(repr=False, default="")
    marks: tuple[str, ...] = field(repr=False, default=())  # words and phrases to mark

    @cached_property
    def snippet_html(self) -> str:
        """An extract around the first match: matched words in <b>…</b>, all else escaped."""
        return snippet_html(self.body, self.marks)

    @property
    def snippet_text(self) -> str:
        """The snippet without markup."""
        return html.unescape(re.sub(r"</?b>", "", self.snippet_html))


@dataclass(frozen=True)
class Found:
    """What a search found: the best results, how many there are in all, and what was searched.

    `searched` is the query as searched; when a word was respelt it differs from `typed`
    ("anxious" for "anxius") and `respelt` is True. `cut` says which limit shortened a long
    query ("", "words" or "characters").
    """

    results: list[Result]
    total: int
    typed: str
    searched: str
    respelt: bool = False
    cut: str = ""
