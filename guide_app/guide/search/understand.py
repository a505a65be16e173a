"""What a query asks for: its word groups, words the guide lacks respelt, and the words to mark."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from guide_app.guide.search.marks import words_pattern
from guide_app.guide.search.query import STOP_WORDS, Group, Synonyms, parse, words
from guide_app.guide.search.rank import Asked
from guide_app.guide.search.spelling import Speller
from guide_app.guide.search.vocabulary import Vocabulary

_GAP = 4  # common words between two words typed that still make them a phrase ("all in their")


@dataclass(frozen=True)
class Understood:
    """A query read: its groups, the text searched, whether a word was respelt, the marks.

    Each mark is a word or phrase to mark where it is found: words apart by spaces, the
    forms of one word apart by "|", and "*" after a beginning ("fit note|notes", "physiot*").
    """

    groups: list[Group]
    searched: str
    respelt: bool
    marks: tuple[str, ...]
    asked: Asked


class Understanding:
    """Reads queries against the guide's words and synonyms.

    `matches(expression)` says whether an FTS5 expression finds anything (pages or notes);
    `stem(word)` gives FTS5's stem of a word the guide does not use.
    """

    def __init__(
        self,
        synonyms: Synonyms,
        vocabulary: Vocabulary,
        matches: Callable[[str], bool],
        stem: Callable[[str], str],
        exact_titles: dict[str, str],
    ) -> None:
        self.synonyms = synonyms
        self.vocabulary = vocabulary
        self._matches = matches
        self._stem = stem
        self._exact = exact_titles
        spoken = {w for phrase in synonyms.phrases() for w in phrase if w.isalpha()}
        self._respellings: dict[tuple[str, bool], str] = {}  # (word, unfinished) -> instead
        self.speller = Speller(dict.fromkeys(spoken, 0) | vocabulary.pages)

    def read(self, text: str, *, typing: bool, exact: bool = False) -> Understood:
        """Read `text` (already shortened); with `exact`, no word is respelt."""
        searched, respelt = text, False
        if not exact:
            fixed = self._respelt(text, typing)
            if fixed is not None:
                searched, respelt = fixed, True
        typing = typing and not (respelt and searched.endswith(" "))
        groups = parse(searched, self.synonyms, typing=typing)
        forms = [self._group_forms(g) for g in groups]
        tokens = words(searched)
        ends = {w: self._word_marks(w) for g in groups for w in (g.typed[0], g.typed[-1])}
        pairs = [
            (n, words_pattern((" ".join((ends[a.typed[-1]], *between, ends[b.typed[0]])),)))
            for n, (a, b) in enumerate(pairwise(groups))
            if len(between := tokens[a.span[1] : b.span[0]]) <= _GAP
        ]
        exact_ref = self._exact.get(" ".join(words(searched)), "")
        typed = [[" ".join(way) for way in g.ways] for g in groups]
        asked = Asked(forms, typed, pairs, exact_ref)
        marks = tuple(dict.fromkeys(m for f in forms for m in f))
        return Understood(groups, " ".join(words(searched)), respelt, marks, asked)

    def _respelt(self, text: str, typing: bool) -> str | None:
        """`text` with each word the guide does not know replaced by its nearest; None if none.

        Only a word of letters (four or more) is respelt, never a common word, one with
        synonyms, a beginning of a word of the guide, or one a page or note contains.
        """
        tokens = words(text)
        fixed: dict[int, str] = {}
        for n, token in enumerate(tokens):
            unfinished = typing and n == len(tokens) - 1
            if (token, unfinished) not in self._respellings:  # each word once, not per key
                self._respellings[token, unfinished] = self._nearest(token, unfinished=unfinished)
            respelling = self._respellings[token, unfinished]
            if respelling:
                fixed[n] = respelling
        if not fixed:
            return None
        respelt = " ".join(fixed.get(n, t) for n, t in enumerate(tokens))
        return respelt + (" " if not typing or len(tokens) - 1 in fixed else "")

    def _nearest(self, token: str, *, unfinished: bool) -> str:
        """The word of the guide to search instead of `token`; "" to search it as it is."""
        if self._unknown(token, unfinished=unfinished):
            for candidate in self.speller.nearest(token, unfinished=unfinished)[:3]:
                if candidate in self.vocabulary.pages or self._matches(self._expression(candidate)):
                    return candidate
        return ""

    def forget(self) -> None:
        """Forget the respellings worked out: the user's notes (words of their own) changed."""
        self._respellings.clear()

    def _unknown(self, token: str, *, unfinished: bool) -> bool:
        if token in STOP_WORDS or not self.speller.respellable(token):
            return False
        if token in self.vocabulary.pages or self.synonyms.known(token):
            return False
        if unfinished and self.vocabulary.begun(token):
            return False
        return not self._matches(f'"{token}"' + ("*" if unfinished else ""))

    def _expression(self, word: str) -> str:
        _, ways = self.synonyms.alternatives([word], 0)
        return " OR ".join('"' + " ".join(way) + '"' for way in ways)

    def _word_marks(self, word: str) -> str:
        """The forms of `word` the guide uses (one stem), as one mark: "anxious|anxiously"."""
        stem = self.vocabulary.stem(word) or self._stem(word)
        return "|".join(dict.fromkeys([word, *self.vocabulary.forms(stem)]))

    def _group_forms(self, group: Group) -> tuple[str, ...]:
        marks = [" ".join(self._word_marks(w) for w in way) for way in group.ways]
        if group.prefix:
            marks.append(group.typed[0] + "*")
        return tuple(marks)
