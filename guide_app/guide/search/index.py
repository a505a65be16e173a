"""Full-text search over the guide and the user's own notes: SQLite FTS5, best match first."""

from __future__ import annotations

import contextlib
import math
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from guide_app.common.safe_files import DataRoot
from guide_app.guide.model import HOME_ID, Guide, Kind, Node
from guide_app.guide.search.cache import open_cached, write_cache
from guide_app.guide.search.query import Synonyms, expression, shorten, words
from guide_app.guide.search.rank import Candidate, order
from guide_app.guide.search.result import FILTERS, NOTE_KIND, Found, Note, Result
from guide_app.guide.search.understand import Understanding
from guide_app.guide.search.vocabulary import VOCAB_SCHEMA, Vocabulary, build_vocabulary, stems_of

INDEX_FORMAT = 4  # part of the cache file's name: change it when the table layout changes
_CACHE_NAME = re.compile(r"[0-9A-Za-z-]{1,80}")  # what a fingerprint may put in a file name
_TELLING = 4  # word groups that first find the pages with most of the words
_EXTRA = 10  # candidates ranked beyond those shown, so a better one further down moves up
_SCHEMA = (
    "CREATE VIRTUAL TABLE {table} USING fts5(ref UNINDEXED, kind UNINDEXED, title, aliases, body,"
    " tokenize='porter unicode61 remove_diacritics 2')"
)
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_EMPHASIS = re.compile(r"[*_`]+")
_LIST_MARK = re.compile(r"^[ \t]*(?:[-+]|\d+\.|#+|>)[ \t]+")


def plain_text(markdown: str) -> str:
    """Markdown as plain words: link text kept, targets, emphasis and list marks dropped."""
    text = _MARKDOWN_LINK.sub(r"\1", markdown) if "](" in markdown else markdown
    if "*" in text or "_" in text or "`" in text:
        text = _MARKDOWN_EMPHASIS.sub("", text)
    lines = text.split("\n")
    for n, line in enumerate(lines):
        first = line.lstrip(" \t")[:1]
        if first and (first in "-+#>" or first.isdigit()):
            lines[n] = _LIST_MARK.sub("", line, count=1)
    return "\n".join(lines)


def fts5_available() -> bool:
    """Whether this Python's SQLite has FTS5 compiled in."""
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    return True


def _indexed(node: Node) -> bool:
    # Overviews of an area's groups ("Potential solutions") would only add noise.
    return node.id != HOME_ID and (node.kind is not Kind.SECTION or node.parent == HOME_ID)


def _row(node: Node) -> tuple[str, str, str, str, str]:
    body = " ".join(plain_text(text) for text in node.texts() if text)
    facts = " ".join(value for _, value in node.facts)
    aliases = " ".join((node.id, *node.aliases)).replace("-", " ")
    return node.id, node.kind.value, node.title, aliases, f"{facts} {body}".strip()


def fingerprint(guide: Guide) -> str:
    """A short hash of everything the index is built from, naming its cache file."""
    if guide.fingerprint:  # the loader hashed the content files as it read them
        return f"{INDEX_FORMAT}-{guide.fingerprint}"
    import hashlib  # only for a guide built in memory: OpenSSL need not be loaded otherwise

    digest = hashlib.blake2b(str(INDEX_FORMAT).encode(), digest_size=12)
    for node in guide.nodes.values():
        if _indexed(node):
            parts = (
                node.id,
                node.kind.value,
                node.title,
                *node.aliases,
                *node.texts(),
                *(value for _, value in node.facts),
            )
            digest.update("\x1f".join(parts).encode("utf-8", "surrogatepass") + b"\x1e")
    return digest.hexdigest()


class SearchIndex:
    """FTS5 index of the guide's pages (cached on disk when a folder is given) and the notes.

    The guide's tables (`docs`, and `vocab`, its words) can be kept in `cache_dir` as
    `search-<fingerprint>.sqlite`, so a restart opens them instead of building them again; the
    user's notes always live in memory. `root` is the data folder holding `cache_dir` (by
    default its parent): the cache is read, written and removed only through it. A cached
    index is used only if it holds exactly the guide's pages; anything else about it
    (damaged, a link, extra rows, a folder that cannot be written) means no cache, never an
    error.
    """

    def __init__(
        self, guide: Guide, cache_dir: Path | None = None, root: DataRoot | None = None
    ) -> None:
        self.guide = guide
        self.synonyms = Synonyms(guide.synonyms)
        self.cached = False
        self._db = self._open(guide, cache_dir, root)
        self._db.execute("ATTACH DATABASE ':memory:' AS mine")
        self._db.execute(_SCHEMA.format(table="mine.notes"))
        self._notes: dict[str, Note] = {}
        self._stems: dict[str, str] = {}
        self._leads: dict[str, str] = {}
        self._weights: dict[str, float] = {}  # FTS5 expression -> its weight; "" -> rows
        exact: dict[str, str] = {}  # the words of a title or former id -> node id
        for node in guide.nodes.values():
            if _indexed(node):
                for name in (node.title, *node.aliases):
                    exact.setdefault(" ".join(words(name)), node.id)
        vocabulary = Vocabulary(self._db.execute("SELECT word, stem, pages FROM vocab"))
        self.understanding = Understanding(
            self.synonyms, vocabulary, self._matches_any, self._stem, exact
        )

    def _open(
        self, guide: Guide, cache_dir: Path | None, root: DataRoot | None
    ) -> sqlite3.Connection:
        name = fingerprint(guide)
        path = None
        rows = [_row(n) for n in guide.nodes.values() if _indexed(n)]
        if cache_dir is not None and _CACHE_NAME.fullmatch(name):
            path = cache_dir / f"search-{name}.sqlite"
            root = root or DataRoot(cache_dir.parent)
            schema = [("docs", _SCHEMA.format(table="docs")), ("vocab", VOCAB_SCHEMA)]
            cached = open_cached(path, root, schema, [(row[0], row[1]) for row in rows])
            if cached is not None:
                self.cached = True
                return cached
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(_SCHEMA.format(table="docs"))
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
        build_vocabulary(db, (f"{title} {aliases} {body}" for _, _, title, aliases, body in rows))
        db.commit()
        if path is not None and root is not None:
            write_cache(db, path, root)
        return db

    def set_notes(self, notes: Iterable[Note]) -> None:
        """Replace the user's notes in the index (they change while the app runs)."""
        self._db.execute("DELETE FROM mine.notes")
        self._notes = {}
        rows = []
        for n, note in enumerate(notes):
            if note.text.strip():
                ref = f"note:{n}"
                self._notes[ref] = note
                rows.append((ref, NOTE_KIND, note.title, "", note.text))
        self._db.executemany("INSERT INTO mine.notes VALUES (?, ?, ?, ?, ?)", rows)
        self._db.commit()
        self._weights.clear()
        self.understanding.forget()

    def search(self, text: str, kinds: Iterable[str] = (), limit: int = 30) -> list[Result]:
        """The best results of find(): a list, best first."""
        return self.find(text, kinds, limit).results

    def find(
        self, text: str, kinds: Iterable[str] = (), limit: int = 30, *, exact: bool = False
    ) -> Found:
        """Search for `text`: the best `limit` results, best first, and how many in all.

        Never raises for any text typed. `kinds` are keys of FILTERS (none: everything).
        Common words do not count; a word the guide does not use is respelt to its nearest
        (unless `exact`). Pages with every word (in any of its synonyms) come first, then
        those with most of them, then with any (rank.order). While the text does not end in
        a space, its last word also matches as a beginning. Only the first words are
        searched (query.shorten); the same function serves the window and the command line.
        """
        typed, cut = shorten(text)
        shown = " ".join(typed.split())  # as typed, for the pane to quote
        understood = self.understanding.read(
            typed, typing=not typed.endswith((" ", "\t")), exact=exact
        )
        if not understood.groups:
            return Found([], 0, shown, shown, cut=cut)
        wanted = [k for name in kinds for k in FILTERS.get(name, ())]
        every = expression(understood.groups)
        anyword = expression(understood.groups, any_word=True)
        pool = max(limit, 1) + _EXTRA
        weights = [self._weight(expression([group])) for group in understood.groups]
        candidates = {c.ref: c for c in self._matches(every, wanted, pool)}
        complete = len(candidates) < pool  # every page and note that matches is here
        if len(understood.groups) > 1 and len(candidates) < pool:
            # Pages with most of the words: first those with the most telling ones (quick:
            # bm25 need not be worked out for every page with a common word), then any.
            telling = sorted(range(len(weights)), key=lambda n: -weights[n])[:_TELLING]
            tries = [expression([understood.groups[n] for n in sorted(telling)], any_word=True)]
            if len(telling) < len(weights):
                tries.append(anyword)
            for query in tries:
                found = self._matches(query, wanted, pool)
                for candidate in found:
                    candidates.setdefault(candidate.ref, candidate)
                complete = query == anyword and len(found) < pool
                if len(candidates) >= pool:
                    break
        best = order(list(candidates.values()), understood.asked, weights)[: max(limit, 0)]
        results = [self._result(c, understood.marks) for c in best]
        total = len(candidates)
        if not complete:
            total = max(self._count(anyword, wanted), total)
        searched = understood.searched if understood.respelt else shown
        return Found(results, total, shown, searched, understood.respelt, cut)

    def _tables(self) -> tuple[str, ...]:
        """The tables to search: the guide's, and the notes' when there are any."""
        return ("docs", "mine.notes") if self._notes else ("docs",)

    def _matches(self, query: str, kinds: list[str], limit: int) -> list[Candidate]:
        """Rows of the guide and of the notes matching `query`, best (lowest bm25) first."""
        filters = f" AND kind IN ({', '.join('?' for _ in kinds)})" if kinds else ""
        found: list[Candidate] = []
        for table in self._tables():
            name = table.rpartition(".")[2]
            sql = (
                f"SELECT ref, kind, title, aliases, body,"
                f" bm25({name}, 0.0, 0.0, 12.0, 6.0, 1.0) AS score"
                f" FROM {table} WHERE {name} MATCH ?{filters} ORDER BY score LIMIT ?"
            )
            try:
                rows = self._db.execute(sql, [query, *kinds, limit]).fetchall()
            except sqlite3.DatabaseError:  # a query FTS5 refuses, or a damaged cache: no match
                continue
            for ref, kind, title, aliases, body, score in rows:
                if self._known(name, ref, kind, title, aliases, body):
                    lead = self._lead(ref) if name == "docs" else ""
                    found.append(Candidate(ref, kind, title, aliases, body, score, lead))
        found.sort(key=lambda c: c.score)
        return found[:limit]

    def _lead(self, ref: str) -> str:
        """A page's summary as plain words (remembered)."""
        lead = self._leads.get(ref)
        if lead is None:
            node = self.guide.nodes.get(ref)
            self._leads[ref] = lead = plain_text(node.summary) if node is not None else ""
        return lead

    def _count(self, query: str, kinds: list[str]) -> int:
        """How many pages and notes match `query` in all."""
        filters = f" AND kind IN ({', '.join('?' for _ in kinds)})" if kinds else ""
        total = 0
        for table in self._tables():
            name = table.rpartition(".")[2]
            sql = f"SELECT count(*) FROM {table} WHERE {name} MATCH ?{filters}"
            with contextlib.suppress(sqlite3.DatabaseError):
                total += self._db.execute(sql, [query, *kinds]).fetchone()[0]
        return total

    def _weight(self, query: str) -> float:
        """How telling a word group is: the fewer pages and notes it is on, the more (idf)."""
        weight = self._weights.get(query)
        if weight is None:
            if not self._weights:
                rows = "SELECT (SELECT count(*) FROM docs) + (SELECT count(*) FROM mine.notes)"
                self._weights[""] = float(self._db.execute(rows).fetchone()[0])
            weight = math.log((self._weights[""] + 1) / (self._count(query, []) + 0.5))
            self._weights[query] = weight = max(weight, 0.01)
        return weight

    def _matches_any(self, query: str) -> bool:
        """Whether `query` finds anything at all, in the guide or the notes."""
        for table in self._tables():
            name = table.rpartition(".")[2]
            sql = f"SELECT 1 FROM {table} WHERE {name} MATCH ? LIMIT 1"
            with contextlib.suppress(sqlite3.DatabaseError):
                if self._db.execute(sql, [query]).fetchone():
                    return True
        return False

    def _stem(self, word: str) -> str:
        """FTS5's stem of a word the guide does not use (remembered)."""
        if word not in self._stems:
            try:
                self._stems[word] = stems_of(self._db, [word])[0]
            except sqlite3.DatabaseError:
                self._stems[word] = word
        return self._stems[word]

    def _known(
        self,
        table: str,
        ref: object,
        kind: object,
        title: object,
        aliases: object,
        body: object,
        *_: object,
    ) -> bool:
        """Whether a row found names a page of this guide or a note of now, as text.

        The cached index was checked to hold exactly the guide's pages when it was opened;
        this keeps anything else (the file changed since, a damaged page) out of the results.
        """
        if not all(type(value) is str for value in (ref, title, aliases, body)):
            return False
        if table == "notes":
            return ref in self._notes
        return kind != NOTE_KIND and ref in self.guide.nodes

    def _result(self, candidate: Candidate, marks: tuple[str, ...]) -> Result:
        if candidate.kind == NOTE_KIND:
            note = self._notes[candidate.ref]
            context, body = note.context, candidate.body
            return Result(note.target, NOTE_KIND, "Your notes", note.title, context, body, marks)
        node = self.guide.nodes[candidate.ref]
        return Result(
            node.id,
            node.kind.value,
            node.kind.label,
            node.title,
            self._where(node),
            candidate.body,
            marks,
        )

    def _where(self, node: Node) -> str:
        """The area, principle or section a page belongs to, if it says more than its kind."""
        trail = [a for a in self.guide.ancestors(node) if a.id != HOME_ID]
        for ancestor in reversed(trail):
            if ancestor.kind in (Kind.AREA, Kind.PRINCIPLE):
                return ancestor.title
        if trail and not trail[0].title.lower().startswith(node.kind.label.lower()):
            return trail[0].title
        return ""

    def highlight(self, text: str, *, exact: bool = False) -> list[str]:
        """The words and phrases to mark in a page opened from a search for `text`.

        In the form of Understood.marks: whole words only (and an unfinished last word's
        beginning), never the common words.
        """
        typed = shorten(text).text
        typing = not typed.endswith((" ", "\t"))
        return list(self.understanding.read(typed, typing=typing, exact=exact).marks)
