"""The guide's own words: pages using each, and its stem as FTS5's Porter stemmer makes it."""

from __future__ import annotations

import bisect
import sqlite3
from collections.abc import Iterable, Sequence

VOCAB_SCHEMA = "CREATE TABLE vocab(word TEXT PRIMARY KEY, stem TEXT NOT NULL, pages INTEGER)"
_TOKENIZE = "unicode61 remove_diacritics 2"  # the index's own, without the stemmer
_MOST_BEGUN = 40  # words listed for an unfinished word's beginning


def stems_of(db: sqlite3.Connection, words: Sequence[str]) -> list[str]:
    """The Porter stem FTS5 gives each of `words` (as the index stores it), asked of SQLite.

    Each word is indexed alone in a scratch table and read back through fts5vocab, so search
    and the words it marks always agree; a word FTS5 splits in two gives its first part.
    """
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.stemmer USING fts5(w,"
        f" tokenize='porter {_TOKENIZE}')"
    )
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.stemmer_terms"
        " USING fts5vocab(temp, stemmer, instance)"
    )
    try:
        db.executemany("INSERT INTO temp.stemmer(rowid, w) VALUES (?, ?)", enumerate(words))
        found: dict[int, str] = {}
        for term, doc, offset in db.execute("SELECT term, doc, offset FROM temp.stemmer_terms"):
            if offset == 0:
                found[doc] = term
    finally:
        db.execute("DELETE FROM temp.stemmer")
    return [found.get(n, word) for n, word in enumerate(words)]


def build_vocabulary(db: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Fill the table `vocab` of `db` with every word of `texts`, its stem and page count."""
    db.execute(
        "CREATE VIRTUAL TABLE temp.surface USING fts5(t, content='', detail=none,"
        f" tokenize='{_TOKENIZE}')"
    )
    db.execute("CREATE VIRTUAL TABLE temp.surface_terms USING fts5vocab(temp, surface, row)")
    db.executemany("INSERT INTO temp.surface(t) VALUES (?)", ((t,) for t in texts))
    found = db.execute("SELECT term, doc FROM temp.surface_terms").fetchall()
    stems = stems_of(db, [term for term, _ in found])
    db.execute(VOCAB_SCHEMA)
    db.executemany(
        "INSERT INTO vocab VALUES (?, ?, ?)",
        ((term, stem, pages) for (term, pages), stem in zip(found, stems, strict=True)),
    )
    db.execute("DROP TABLE temp.surface_terms")
    db.execute("DROP TABLE temp.surface")


class Vocabulary:
    """The words of the guide: which share a stem, which begin alike, how many pages use each."""

    def __init__(self, entries: Iterable[tuple[str, str, int]]) -> None:
        self.pages: dict[str, int] = {}
        self._stem: dict[str, str] = {}
        self._forms: dict[str, list[str]] = {}
        for word, stem, pages in entries:
            self.pages[word] = pages
            self._stem[word] = stem
            self._forms.setdefault(stem, []).append(word)
        self.sorted = sorted(self.pages)

    def stem(self, word: str) -> str | None:
        """The stem of a word of the guide; None for a word it does not use."""
        return self._stem.get(word)

    def forms(self, stem: str) -> list[str]:
        """The guide's words with this stem ("anxiou" -> ["anxious"])."""
        return self._forms.get(stem, [])

    def begun(self, beginning: str) -> list[str]:
        """The guide's words starting with `beginning`, the most used first (at most 40)."""
        start = bisect.bisect_left(self.sorted, beginning)
        end = bisect.bisect_left(self.sorted, beginning + "\U0010ffff")
        found = self.sorted[start:end]
        if len(found) > _MOST_BEGUN:
            found = sorted(found, key=lambda w: -self.pages[w])[:_MOST_BEGUN]
        return found
