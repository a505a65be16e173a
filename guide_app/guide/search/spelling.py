"""Spelling: the guide's words nearest to one it lacks, by shared trigrams, then edit distance."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

CORRECT_FROM = 4  # letters: shorter words (and any with a digit) are never respelt
_SHORTLIST = 60  # words sharing the most trigrams, whose edit distance is then worked out


def allowed_edits(word: str) -> int:
    """How many edits a correction of `word` may take: 1 up to 5 letters, then 2, 3 from 10."""
    return 1 if len(word) <= 5 else 2 if len(word) < 10 else 3


def distance(a: str, b: str, most: int) -> int:
    """Edits from `a` to `b` (insert, delete, replace, swap two neighbours); most+1 if more."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] = []
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            cost = 0 if x == y else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > most:
            return most + 1
        before, previous = previous, current
    return previous[-1]


def _grams(word: str) -> set[str]:
    padded = f"^{word}$"
    return {padded[n : n + 3] for n in range(len(padded) - 2)}


class Speller:
    """Finds the nearest words of a word list: a trigram shortlist, then edit distance."""

    def __init__(self, pages: dict[str, int]) -> None:
        self._pages = pages
        self._words = [w for w in pages if w.isalpha() and len(w) >= CORRECT_FROM - 1]
        self._by_gram: dict[str, list[int]] = {}
        for n, word in enumerate(self._words):
            for gram in _grams(word):
                self._by_gram.setdefault(gram, []).append(n)

    @staticmethod
    def respellable(word: str) -> bool:
        """Whether `word` may be corrected: letters only, at least CORRECT_FROM of them."""
        return len(word) >= CORRECT_FROM and word.isalpha()

    def nearest(self, word: str, *, unfinished: bool = False) -> list[str]:
        """The closest words, best first: fewest edits, then on the most pages.

        An `unfinished` word (still being typed) is compared with the beginnings of words,
        and the whole word is offered ("anxio" -> "anxious").
        """
        most = allowed_edits(word)
        shared: Counter[int] = Counter()
        for gram in _grams(word) if not unfinished else _grams(word) - {word[-2:] + "$"}:
            shared.update(self._by_gram.get(gram, ()))
        scored = []
        for n, _ in shared.most_common(_SHORTLIST):
            candidate = self._words[n]
            if unfinished:
                edits = min(
                    (
                        distance(word, candidate[:length], most)
                        for length in range(len(word) - 1, len(word) + 2)
                        if 0 < length <= len(candidate)
                    ),
                    default=most + 1,
                )
            else:
                edits = distance(word, candidate, most)
            if edits <= most:
                scored.append((edits, -self._pages.get(candidate, 0), candidate))
        return [candidate for *_, candidate in sorted(scored)]


def words_of(phrases: Iterable[Iterable[str]]) -> set[str]:
    """Every single word of these phrases."""
    return {word for phrase in phrases for word in phrase}
