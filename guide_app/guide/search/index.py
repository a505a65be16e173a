"""Full-text search over the guide and the user's own notes: SQLite FTS5, titles first."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
from collections.abc import Iterable
from pathlib import Path

from guide_app.common.safe_files import DataRoot
from guide_app.guide.model import HOME_ID, Guide, Kind, Node
from guide_app.guide.search.query import Synonyms, build_query, groups, shorten, stem, words
from guide_app.guide.search.rank import Candidate, order
from guide_app.guide.search.result import FILTERS, NOTE_KIND, Note, Result

INDEX_FORMAT = 3  # part of the cache file's name: change it when the table layout changes
_CACHE_NAME = re.compile(r"[0-9A-Za-z-]{1,80}")  # what a fingerprint may put in a file name
_FEW = 5  # fewer results than this for every word: also show pages with any of the words
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

    The guide's table can be kept in `cache_dir` as `search-<fingerprint>.sqlite`, so a
    restart opens it instead of building it again; the user's notes always live in memory.
    `root` is the data folder holding `cache_dir` (by default its parent): the cache is
    read, written and removed only through it. A cached index is used only if it holds
    exactly the guide's pages; anything else about it (damaged, a link, extra rows, a
    folder that cannot be written) means no cache, never an error.
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
        self._exact: dict[str, str] = {}  # the words of a title or former id -> node id
        for node in guide.nodes.values():
            if _indexed(node):
                for name in (node.title, *node.aliases):
                    self._exact.setdefault(" ".join(words(name)), node.id)

    def _open(
        self, guide: Guide, cache_dir: Path | None, root: DataRoot | None
    ) -> sqlite3.Connection:
        name = fingerprint(guide)
        path = None
        if cache_dir is not None and _CACHE_NAME.fullmatch(name):
            path = cache_dir / f"search-{name}.sqlite"
            root = root or DataRoot(cache_dir.parent)
            cached = self._open_cached(guide, path, root)
            if cached is not None:
                self.cached = True
                return cached
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(_SCHEMA.format(table="docs"))
        db.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
            [_row(n) for n in guide.nodes.values() if _indexed(n)],
        )
        db.commit()
        if path is not None and root is not None:
            self._write_cache(db, path, root)
        return db

    @staticmethod
    def _open_cached(guide: Guide, path: Path, root: DataRoot) -> sqlite3.Connection | None:
        """The index kept at `path` if it holds exactly the guide's pages; else None.

        Opened read-only and immutable (no journal beside it is read or made); one that is
        not a plain file in a real folder is left alone, one that is damaged or does not
        match the guide (a page missing, one too many) is deleted, to be built again.
        """
        try:
            root.folder(path.parent, create=False)
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return None
        except OSError:  # none yet, or not ours to touch (a link, a pipe, a linked folder)
            return None
        expected = [(n.id, n.kind.value) for n in guide.nodes.values() if _indexed(n)]
        db = None
        try:
            uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            db.execute("PRAGMA trusted_schema = OFF")  # a planted file's views run nothing
            schema = db.execute("SELECT type, sql FROM sqlite_master WHERE name = 'docs'")
            if schema.fetchall() == [("table", _SCHEMA.format(table="docs"))]:
                found = db.execute("SELECT ref, kind FROM docs ORDER BY rowid").fetchall()
                if found == expected:
                    return db
        except (sqlite3.Error, ValueError):
            pass
        if db is not None:
            db.close()
        with contextlib.suppress(OSError):
            root.remove(path)  # a damaged or stale cache is only a cache: build it again
        return None

    @staticmethod
    def _write_cache(db: sqlite3.Connection, path: Path, root: DataRoot) -> None:
        """Keep the built index at `path`, dropping older ones; on any failure, none.

        The database is copied to bytes in memory and written by the data folder's writer
        (a new temporary file of an unpredictable name, then renamed; no link followed),
        so SQLite itself never opens a file in the cache folder for writing.
        """
        try:
            data = db.serialize()
        except (AttributeError, sqlite3.Error, MemoryError):  # an SQLite without serialize
            return
        try:
            root.write(path, data)
            for old in root.files(path.parent, "search-*.sqlite"):
                if old != path:
                    root.remove(old)
        except OSError:
            pass  # no cache: the next start builds the index again

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

    def search(self, text: str, kinds: Iterable[str] = (), limit: int = 30) -> list[Result]:
        """Best matches for `text`, best first. Never raises for any text typed.

        `kinds` are keys of FILTERS (none: everything). Every word must match (with synonyms);
        if that finds very few, pages matching any of the words follow. The candidates are
        then ordered in tiers by how well their titles and words match (search_rank.order).
        Only the first words are searched (search_query.shorten).
        """
        text = shorten(text).text
        typing = not text.endswith((" ", "\t"))
        wanted = [k for name in kinds for k in FILTERS.get(name, ())]
        every = build_query(text, self.synonyms, typing=typing)
        if not every:
            return []
        pool = limit * 2
        candidates = {c.ref: c for c in self._matches(every, wanted, pool)}
        if len(candidates) < _FEW:
            anyword = build_query(text, self.synonyms, typing=typing, any_word=True)
            for candidate in self._matches(anyword, wanted, pool):
                candidates.setdefault(candidate.ref, candidate)
        asked = groups(text, self.synonyms)
        exact = self._exact.get(" ".join(words(text)), "")
        best = order(list(candidates.values()), asked, exact, typing=typing)[:limit]
        stems = tuple(stem(w) for group in asked for way in group for w in way)
        return [self._result(c, stems) for c in best]

    def _matches(self, query: str, kinds: list[str], limit: int) -> list[Candidate]:
        """Rows of the guide and of the notes matching `query`, best (lowest bm25) first."""
        filters = f" AND kind IN ({', '.join('?' for _ in kinds)})" if kinds else ""
        found: list[Candidate] = []
        for table in ("docs", "mine.notes"):
            name = table.rpartition(".")[2]
            sql = (
                f"SELECT ref, kind, title, body, bm25({name}, 0.0, 0.0, 12.0, 6.0, 1.0) AS score"
                f" FROM {table} WHERE {name} MATCH ?{filters} ORDER BY score LIMIT ?"
            )
            try:
                rows = self._db.execute(sql, [query, *kinds, limit]).fetchall()
            except sqlite3.DatabaseError:  # a query FTS5 refuses, or a damaged cache: no match
                continue
            found.extend(Candidate(*row) for row in rows if self._known(name, *row))
        found.sort(key=lambda c: c.score)
        return found[:limit]

    def _known(
        self, table: str, ref: object, kind: object, title: object, body: object, *_: object
    ) -> bool:
        """Whether a row found names a page of this guide or a note of now, as text.

        The cached index was checked to hold exactly the guide's pages when it was opened;
        this keeps anything else (the file changed since, a damaged page) out of the results.
        """
        if type(title) is not str or type(body) is not str or type(ref) is not str:
            return False
        if table == "notes":
            return ref in self._notes
        return kind != NOTE_KIND and ref in self.guide.nodes

    def _result(self, candidate: Candidate, stems: tuple[str, ...]) -> Result:
        if candidate.kind == NOTE_KIND:
            note = self._notes[candidate.ref]
            return Result(
                note.target,
                NOTE_KIND,
                "Your notes",
                note.title,
                note.context,
                candidate.body,
                stems,
            )
        node = self.guide.nodes[candidate.ref]
        trail = [a.title for a in self.guide.ancestors(node) if a.id != HOME_ID]
        return Result(
            node.id,
            node.kind.value,
            node.kind.label,
            node.title,
            " › ".join(trail),
            candidate.body,
            stems,
        )

    def highlight(self, text: str) -> list[str]:
        """The word beginnings to mark in a page opened from a search for `text`."""
        found: list[str] = []
        for group in groups(text, self.synonyms):
            for way in group:
                for word in way:
                    if len(word) > 1 and stem(word) not in found:
                        found.append(stem(word))
        return found
