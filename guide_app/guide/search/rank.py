"""Order search candidates by how many words they match and where, and cut a marked snippet."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from guide_app.guide.model import Kind

_SNIPPET = 170  # characters around the first match
_MENTIONS, _MORE = 4, 0.05  # each mention as typed further down, up to 4, counts a little more
_CREDIT = {4: 1.0, 3: 0.8, 2: 0.75, 1: 0.5}  # a word in the title, an alias, the summary, body
# Web addresses and e-mail addresses: never marked, even when a word searched is inside one.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A row that matched, with its bm25 score (lower is better)."""

    ref: str
    kind: str
    title: str
    aliases: str
    body: str
    score: float
    lead: str = ""  # what the page says it is about: its summary


def marks_regex(marks: tuple[str, ...]) -> str:
    """A regex (Python and PCRE alike) finding any of `marks` as whole words.

    A mark is a word or phrase: its words apart by spaces, the forms of one word apart by
    "|", and "*" after a beginning: "fit note|notes" finds "fit notes", "physiot*" finds
    "physiotherapy". Phrases allow any punctuation between their words.
    """
    ways = []
    for mark in sorted(marks, key=len, reverse=True):
        parts = []
        for word in mark.split():
            forms = sorted(word.split("|"), key=len, reverse=True)
            options = (re.escape(f.rstrip("*")) + (r"\w*" if f[-1:] == "*" else "") for f in forms)
            parts.append("(?:" + "|".join(options) + ")")
        ways.append(r"\W+".join(parts))
    return r"(?<!\w)(?:" + "|".join(ways) + r")(?!\w)"


@lru_cache(maxsize=1024)
def words_pattern(marks: tuple[str, ...]) -> re.Pattern[str]:
    """The compiled marks_regex of `marks`, any case."""
    return re.compile(marks_regex(marks), re.IGNORECASE)


@dataclass(frozen=True)
class Asked:
    """What was asked, as patterns: one per word group, one per two neighbouring groups."""

    groups: list[re.Pattern[str]]
    pairs: list[tuple[int, re.Pattern[str]]]  # group n and n+1 side by side, as typed
    whole: list[re.Pattern[str]]  # each group's forms without an unfinished word's beginning
    exactly: list[re.Pattern[str]]  # each group's words as typed (and synonyms) only
    exact: str  # the id of the page whose title or alias is exactly what was typed


def order(candidates: list[Candidate], asked: Asked, weights: list[float]) -> list[Candidate]:
    """Best first: the exact title; then pages with all the words, then most, then any.

    "Most" is weighed. Each word group counts by its weight (how telling it is: a word on
    few pages counts more than one on nearly all) and by where it is: fully in the title,
    0.8 in an alias (a former id, or the id's words), 0.75 in the summary (what the page
    says it is about), half further down, a little more for each mention there as typed
    (up to four). A word found only as the beginning of a longer one counts half again,
    and two words side by side as typed ("back pain", "all in their head") add a share.
    So a page about what was asked comes before a long page that mentions every word in
    passing. Ties go to words in the title, phrases, and words as typed ("TENS" rather
    than "ten"), then pages before review criteria, then bm25.
    """
    asked_weight = sum(weights) or 1.0

    def key(candidate: Candidate) -> tuple[float, ...]:
        title, body = candidate.title, candidate.body
        share = 0.0
        score = 0.0
        for n, pattern in enumerate(asked.groups):
            where = _where(pattern, candidate)
            if not where:
                continue
            weight = weights[n]
            if not _found(asked.whole[n], candidate):
                weight /= 2  # only a beginning matched: "tension" for "tens"
            elif _found(asked.exactly[n], candidate):
                score += weight / 2  # as typed: "TENS" rather than "ten"
            credit = _CREDIT[where] if where > 1 else _body_credit(asked.exactly[n], body)
            share += weight * credit
            score += weight * where
        for n, pair in asked.pairs:
            where = 2 if pair.search(title) else 1 if pair.search(body) else 0
            if where:  # a phrase as typed: "back pain", "all in their head"
                share += (weights[n] + weights[n + 1]) * where / 4
                score += where
        return (
            candidate.ref != asked.exact,
            -round(share / asked_weight, 3),
            -score,
            candidate.kind == Kind.CRITERION,
            candidate.score,
        )

    return sorted(candidates, key=key)


def _body_credit(exactly: re.Pattern[str], body: str) -> float:
    """What a word counts further down a page: half, and more for each mention as typed."""
    mentions = 0
    for _ in exactly.finditer(body):
        mentions += 1
        if mentions == _MENTIONS:
            break
    return _CREDIT[1] + _MORE * max(mentions - 1, 0)


def _where(pattern: re.Pattern[str], candidate: Candidate) -> int:
    """Where `pattern` is found first: 4 title, 3 aliases, 2 summary, 1 body, 0 nowhere."""
    if pattern.search(candidate.title):
        return 4
    if pattern.search(candidate.aliases):
        return 3
    if candidate.lead and pattern.search(candidate.lead):
        return 2
    return 1 if pattern.search(candidate.body) else 0


def _found(pattern: re.Pattern[str], candidate: Candidate) -> bool:
    return bool(
        pattern.search(candidate.title)
        or pattern.search(candidate.aliases)
        or pattern.search(candidate.body)
    )


def _outside_addresses(text: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """Matches of `pattern` in `text` that are not inside a web or e-mail address."""
    addresses = [m.span() for m in ADDRESS.finditer(text)] if ("/" in text or "@" in text) else []
    return [
        m
        for m in pattern.finditer(text)
        if not any(start <= m.start() < end for start, end in addresses)
    ]


def snippet_html(body: str, marks: tuple[str, ...]) -> str:
    """A short extract of `body` around the first match, matched words in <b>, all escaped.

    Only whole words are marked, and none inside a web or e-mail address.
    """
    text = " ".join(body.split())
    if not marks:
        return html.escape(text[:_SNIPPET])
    found = _outside_addresses(text, words_pattern(marks))
    first = found[0].start() if found else 0
    start = max(0, first - _SNIPPET // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + _SNIPPET)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start + _SNIPPET // 2 else end
    marked = []
    position = start
    for match in found:
        if start <= match.start() and match.end() <= end:
            marked.append(html.escape(text[position : match.start()]))
            marked.append(f"<b>{html.escape(match.group(0))}</b>")
            position = match.end()
    marked.append(html.escape(text[position:end]))
    return ("… " if start else "") + "".join(marked) + (" …" if end < len(text) else "")
