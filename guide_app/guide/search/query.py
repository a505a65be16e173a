"""Read what a person types as word groups (synonyms, common words) and a safe FTS5 query."""

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

    def known(self, word: str) -> bool:
        """Whether `word` alone is one of the words or phrases of a group."""
        return (word,) in self._by_phrase

    def phrases(self) -> list[tuple[str, ...]]:
        """Every word and phrase of every group."""
        return list(self._by_phrase)

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


_COMMON = """a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each either for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me might more most must my myself no nor not of off on once only onto or other our ours out
    over own she should so some such than that the their theirs them then there these they this
    those through to too under until up upon very was we were what when where whether which
    while who whom why will with would yet you your yours"""
# Words too common to find anything by: they neither match nor are marked on their own.
STOP_WORDS = frozenset(_COMMON.split())


class Group(NamedTuple):
    """One word (or known phrase) asked for: every way of saying it, the typed way first.

    `prefix`: the typed way, an unfinished last word, also matches as a word beginning.
    """

    ways: tuple[tuple[str, ...], ...]
    prefix: bool = False
    span: tuple[int, int] = (0, 0)  # which of the words typed it is (start, end)

    @property
    def typed(self) -> tuple[str, ...]:
        """The word or phrase as typed."""
        return self.ways[0]


def parse(text: str, synonyms: Synonyms, *, typing: bool) -> list[Group]:
    """What `text` asks for: one Group per word or known phrase, common words left out.

    Known phrases are found first, so "return to work" stays one phrase. A query of nothing
    but common words ("who") searches them as they are. While `typing`, the last word of
    three letters or more also matches as a beginning.
    """
    tokens = words(text)
    found: list[Group] = []
    common: list[Group] = []
    position = 0
    while position < len(tokens):
        taken, ways = synonyms.alternatives(tokens, position)
        span = (position, position + taken)
        position += taken
        last = position == len(tokens)
        prefix = last and typing and taken == 1 and len(ways[0][0]) >= _PREFIX_FROM
        group = Group(tuple(ways), prefix, span)
        stop = taken == 1 and len(ways) == 1 and ways[0][0] in STOP_WORDS
        (common if stop else found).append(group)
    return found or common


def _phrase(phrase: tuple[str, ...], *, prefix: bool) -> str:
    quoted = '"' + " ".join(phrase) + '"'
    return quoted + "*" if prefix else quoted


def expression(asked: Sequence[Group], *, any_word: bool = False) -> str:
    """The FTS5 query for `asked`: every group must match (or any one, with `any_word`).

    Each group matches in any of its ways; a prefix group's typed way also as a beginning.
    Only quoted words reach FTS5, so nothing typed is read as its syntax.
    """
    parts = []
    for group in asked:
        options = [_phrase(way, prefix=False) for way in group.ways]
        if group.prefix:
            options.append(_phrase(group.typed, prefix=True))
        parts.append("(" + " OR ".join(options) + ")")
    return (" OR " if any_word else " AND ").join(parts)
