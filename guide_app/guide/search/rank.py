"""Order search candidates in tiers by title and exact words, and cut a snippet around a match."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from guide_app.guide.model import Kind

_SNIPPET = 170  # characters around the first match


@dataclass(frozen=True, slots=True)
class Candidate:
    """A row that matched, with its bm25 score (lower is better)."""

    ref: str
    kind: str
    title: str
    body: str
    score: float


def _pattern(group: list[tuple[str, ...]], *, prefix: bool) -> re.Pattern[str]:
    """A regex finding any way of saying a group as whole words (or as a beginning)."""
    ways = sorted((r"\W+".join(re.escape(w) for w in way) for way in group), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(ways) + (r")" if prefix else r")\b"), re.IGNORECASE)


def order(
    candidates: list[Candidate], asked: list[list[tuple[str, ...]]], exact: str, *, typing: bool
) -> list[Candidate]:
    """Sort in tiers, keeping bm25 order within each.

    Tiers: the exact title; the very words typed in the title; words sharing their
    beginnings in the title; the very words anywhere; the rest. Within each tier pages come
    before review criteria. While typing, the last word may be unfinished.
    """
    last = len(asked) - 1
    whole = [_pattern(g, prefix=typing and n == last) for n, g in enumerate(asked)]
    begun = [_pattern([tuple(w[:5] for w in way) for way in g], prefix=True) for g in asked]

    def key(candidate: Candidate) -> tuple[bool, ...]:
        title = candidate.title
        same_title = all(p.search(title) for p in whole)
        stem_title = same_title or all(p.search(title) for p in begun)
        same_words = same_title or all(p.search(title) or p.search(candidate.body) for p in whole)
        return (
            candidate.ref != exact,
            not same_title,
            not stem_title,
            not same_words,
            candidate.kind == Kind.CRITERION,
        )

    return sorted(candidates, key=key)


def snippet_html(body: str, stems: list[str]) -> str:
    """A short extract of `body` around the first match, matched words in <b>, all escaped."""
    text = " ".join(body.split())
    if not stems:
        return html.escape(text[:_SNIPPET])
    pattern = re.compile(
        r"\b(?:" + "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE,
    )
    first = pattern.search(text)
    start = 0 if first is None else max(0, first.start() - _SNIPPET // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start  # type: ignore[union-attr]
    extract = text[start : start + _SNIPPET]
    if start + _SNIPPET < len(text):
        cut = extract.rfind(" ")
        extract = (extract[:cut] if cut > _SNIPPET // 2 else extract) + " …"
    marked = []
    position = 0
    for match in pattern.finditer(extract):
        marked.append(html.escape(extract[position : match.start()]))
        marked.append(f"<b>{html.escape(match.group(0))}</b>")
        position = match.end()
    marked.append(html.escape(extract[position:]))
    return ("… " if start else "") + "".join(marked)
