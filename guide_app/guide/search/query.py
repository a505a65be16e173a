"""Turn what a person types into a safe FTS5 query, with synonyms and a prefix on the last word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import NamedTuple

_WORD = re.compile(r"\w+", re.UNICODE)
_LONGEST_PHRASE = 6
_PREFIX_FROM = 3  # letters typed before the last word also matches as a beginning
# What is searched of a query: every word is an FTS5 group (with its synonyms) and a pattern
# for ranking, so a pasted page (5,000 words) took seconds; no one types more than this.
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 400


def words(text: str) -> list[str]:
    """The words of `text`, lower case, accents removed; punctuation and operators are dropped.

    Only these words ever reach SQLite, each inside double quotes, so no input can be read as
    FTS5 syntax (quotes, brackets, AND/OR/NOT/NEAR, `*`, `^`, `:` are all just text).
    """
    folded = text.casefold()
    if not folded.isascii():
        folded = "".join(
            c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
        )
    return _WORD.findall(folded)


class Query(NamedTuple):
    """What is searched of the text typed, and what was left out ("", "words" or "characters")."""

    text: str
    cut: str


def shorten(text: str) -> Query:
    """The part of `text` that is searched, and which limit shortened it ("" when none did).

    That is its first MAX_QUERY_WORDS words, in at most MAX_QUERY_CHARS characters. A query
    cut after a whole word ends in a space, so that word is not taken as unfinished.
    """
    cut = ""
    if len(text) > MAX_QUERY_CHARS:
        text, cut = text[:MAX_QUERY_CHARS], "characters"
    ends = [m.end() for m in islice(_WORD.finditer(text), MAX_QUERY_WORDS + 1)]
    if len(ends) > MAX_QUERY_WORDS:
        text, cut = text[: ends[MAX_QUERY_WORDS - 1]] + " ", "words"
    while len(words(text)) > MAX_QUERY_WORDS:  # a character that folds into two words (½)
        text, cut = text[: text.rstrip().rfind(" ") + 1] or text[:-1], "words"
    return Query(text, cut)


def stem(word: str) -> str:
    """A rough word beginning for marking matches ("sleeping" -> "sleep", "physio" -> "phys").

    FTS5's Porter stemmer decides what matches; this only finds the words to mark.
    """
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


class Synonyms:
    """Groups of words and phrases that search treats as the same, in both directions."""

    def __init__(self, groups: Iterable[Sequence[str]]) -> None:
        self._by_phrase: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            phrases = [tuple(words(entry)) for entry in group]
            phrases = [p for p in phrases if p]
            for phrase in phrases:
                known = self._by_phrase.setdefault(phrase, [])
                known.extend(p for p in phrases if p not in known)

    def alternatives(self, tokens: list[str], start: int) -> tuple[int, list[tuple[str, ...]]]:
        """The longest known phrase starting at `start`, and all the ways of saying it.

        Returns how many tokens the phrase takes and its forms (itself first); one token and
        itself when nothing matches.
        """
        for length in range(min(_LONGEST_PHRASE, len(tokens) - start), 0, -1):
            phrase = tuple(tokens[start : start + length])
            if phrase in self._by_phrase:
                others = [p for p in self._by_phrase[phrase] if p != phrase]
                return length, [phrase, *others]
        return 1, [(tokens[start],)]


def _phrase(phrase: tuple[str, ...], *, prefix: bool) -> str:
    quoted = '"' + " ".join(phrase) + '"'
    return quoted + "*" if prefix else quoted


def build_query(text: str, synonyms: Synonyms, *, typing: bool, any_word: bool = False) -> str:
    """The FTS5 query for `text`; empty when there is nothing to search for.

    Every word (or known phrase) must match, in any of its synonyms, unless `any_word`. While
    `typing` (no space after the last word), the last word also matches as a prefix.
    """
    tokens = words(text)
    parts: list[str] = []
    position = 0
    while position < len(tokens):
        taken, ways = synonyms.alternatives(tokens, position)
        position += taken
        last = position == len(tokens)
        options = [_phrase(way, prefix=False) for way in ways]
        # A prefix of one or two letters would match nearly everything: wait for a third.
        if last and typing and taken == 1 and len(ways[0][0]) >= _PREFIX_FROM:
            options.append(_phrase(ways[0], prefix=True))
        parts.append("(" + " OR ".join(options) + ")")
    return (" OR " if any_word else " AND ").join(parts)


def groups(text: str, synonyms: Synonyms) -> list[list[tuple[str, ...]]]:
    """What was asked: per word or known phrase typed, all the ways of saying it."""
    tokens = words(text)
    found = []
    position = 0
    while position < len(tokens):
        taken, ways = synonyms.alternatives(tokens, position)
        position += taken
        found.append(ways)
    return found
