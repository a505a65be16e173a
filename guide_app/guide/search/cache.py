"""The search index kept on disk: opened read-only if it holds exactly the guide, else rebuilt."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from guide_app.common.safe_files import DataRoot


def open_cached(
    path: Path, root: DataRoot, schema: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> sqlite3.Connection | None:
    """The index kept at `path` if its tables are `schema` and its pages `expected`; else None.

    `schema` is (name, sql) of every table, in name order; `expected` the (ref, kind) of every
    row of `docs`, in order. Opened read-only and immutable (no journal beside it is read or
    made); one that is not a plain file in a real folder is left alone, one that is damaged
    or does not match the guide (a page missing, one too many) is deleted, to be built again.
    """
    try:
        root.folder(path.parent, create=False)
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
    except OSError:  # none yet, or not ours to touch (a link, a pipe, a linked folder)
        return None
    db = None
    try:
        uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        db.execute("PRAGMA trusted_schema = OFF")  # a planted file's views run nothing
        names = ", ".join("?" for _ in schema)
        found_schema = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN"
            f" ({names}) ORDER BY name",
            [name for name, _ in schema],
        ).fetchall()
        if found_schema == schema:
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


def write_cache(db: sqlite3.Connection, path: Path, root: DataRoot) -> None:
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
