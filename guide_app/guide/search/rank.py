"""Order search candidates by how much of what was asked each has, and where."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from guide_app.guide.model import Kind
from guide_app.guide.search.marks import words_pattern

_MENTIONS, _MORE = 4, 0.05  # each mention as typed further down, up to 4, counts a little more
_CREDIT = {4: 1.0, 3: 0.8, 2: 0.75, 1: 0.5}  # a word in the title, an alias, the summary, body
_WORD = re.compile(r"\w+")


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


class Asked:
    """What was asked, ready to find in a page: every form of every word group at once.

    `groups` holds each group's marks (see understand.Understood.marks) and `typed` its
    ways as typed; `pairs` finds group n and group n+1 side by side as typed, with the
    common words typed between them ("back pain", "pain is all in their head").
    """

    def __init__(
        self,
        groups: list[tuple[str, ...]],
        typed: Sequence[Iterable[str]],
        pairs: list[tuple[int, re.Pattern[str]]],
        exact: str,
    ) -> None:
        self.count = len(groups)
        self.pairs = pairs
        self.exact = exact  # the id of the page whose title or alias is exactly what was typed
        self.everything = words_pattern(tuple(m for marks in groups for m in marks))
        self._words: dict[str, list[int]] = {}  # a one-word form -> its groups
        self._phrases: list[tuple[int, list[frozenset[str]]]] = []  # group, each word's forms
        self._beginnings: list[tuple[int, str]] = []  # group, an unfinished word's beginning
        for n, marks in enumerate(groups):
            for mark in marks:
                parts = mark.split()
                if len(parts) > 1:
                    self._phrases.append((n, [frozenset(p.split("|")) for p in parts]))
                elif mark.endswith("*"):
                    self._beginnings.append((n, mark[:-1]))
                else:
                    for form in mark.split("|"):
                        self._words.setdefault(form, []).append(n)
        self._typed = [frozenset(typed_ways) for typed_ways in typed]

    def groups_in(self, found: str) -> list[tuple[int, bool, bool]]:
        """The groups a text found says: (group, as a whole word, exactly as typed)."""
        tokens = _WORD.findall(found.lower())
        text = " ".join(tokens)
        said = []
        if len(tokens) == 1:
            for n in self._words.get(text, ()):
                said.append((n, True, text in self._typed[n]))
            for n, beginning in self._beginnings:
                if text.startswith(beginning) and n not in self._words.get(text, ()):
                    said.append((n, False, False))
        else:
            for n, forms in self._phrases:
                if len(forms) == len(tokens) and all(
                    t in f for t, f in zip(tokens, forms, strict=True)
                ):
                    said.append((n, True, text in self._typed[n]))
        return said


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
        found = _found(candidate, asked)
        share = 0.0
        score = 0.0
        for n, (where, whole, exactly, mentions) in found.items():
            weight = weights[n] if whole else weights[n] / 2  # "tension" for "tens": half
            if exactly:
                score += weight / 2  # as typed: "TENS" rather than "ten"
            credit = _CREDIT[where] if where > 1 else _CREDIT[1] + _MORE * max(mentions - 1, 0)
            share += weight * credit
            score += weight * where
        for n, pair in asked.pairs:  # a phrase as typed: "back pain", "all in their head"
            title, lead = candidate.title, candidate.lead
            where = 2 if pair.search(title) else 1 if lead and pair.search(lead) else 0
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


def _found(candidate: Candidate, asked: Asked) -> dict[int, tuple[int, bool, bool, int]]:
    """Per group found: where first (4 title … 1 body), whole word, as typed, body mentions.

    One pass of one pattern over each part of the page; the body is read only while a
    group is still missing, found only as a beginning, or found nowhere above it.
    """
    found: dict[int, list[int | bool]] = {}
    parts = ((4, candidate.title), (3, candidate.aliases), (2, candidate.lead))
    for where, text in (*parts, (1, candidate.body)):
        if where == 1 and len(found) == asked.count and all(f[1] for f in found.values()):
            break  # every group is in the title, an alias or the summary, as a whole word
        if not text:
            continue
        for match in asked.everything.finditer(text):
            for n, whole, exactly in asked.groups_in(match.group(0)):
                entry = found.get(n)
                if entry is None:
                    found[n] = entry = [where, whole, exactly, 0]
                else:
                    entry[1] = entry[1] or whole
                    entry[2] = entry[2] or exactly
                if where == 1 and exactly and entry[0] == 1 and entry[3] < _MENTIONS:
                    entry[3] = int(entry[3]) + 1
    return {n: (int(e[0]), bool(e[1]), bool(e[2]), int(e[3])) for n, e in found.items()}
