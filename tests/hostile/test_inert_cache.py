"""The cache folder runs nothing, is only a cache, and is never written through a link (#14).

`<data>/cache` may sit in a shared or portable folder that someone else can write to. A
compiled guide there was unpickled before its key was checked (a planted file ran a command
at the next start); its temporary names were predictable; a linked `cache/` was written
through; an extra row in the search index broke every search. Real files in tmp_path, and
only the functions both the old and the new code have.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from guide_app.guide.compiled import cache_file, content_key, load_guide_cached
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.guide.search.index import SearchIndex, fingerprint
from tests.helpers.content_kit import write_content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def _crc(content: Path) -> str:
    """The name part both versions give the compiled guide of `content` (its folder's path)."""
    return f"{zlib.crc32(str(content.absolute()).encode('utf-8', 'surrogateescape')):08x}"


def _assert_inert(path: Path, content: Path) -> None:
    """`path` is a compiled guide of plain data: the key as a JSON line, then JSON."""
    key_line, _, body = path.read_bytes().partition(b"\n")
    assert key_line == json.dumps(content_key(content)).encode()
    assert isinstance(json.loads(body), list)


class _Touch:
    """Unpickling this creates `marker`: what a planted pickle could do, harmlessly."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        return Path.touch, (self.marker,)


def test_a_planted_pickle_at_the_old_name_is_never_loaded_and_is_deleted(
    content: Path, data: Path, tmp_path: Path
) -> None:
    cache = data / "cache"
    cache.mkdir()
    marker = tmp_path / "MARKER"
    planted = cache / f"guide-{_crc(content)}.pickle"
    planted.write_bytes(pickle.dumps(_Touch(marker)) + pickle.dumps(_Touch(marker)))
    guide = load_guide_cached(content, cache)
    assert not marker.exists()  # nothing in it ran
    assert guide == load_guide(content)
    assert not planted.exists()  # deleted on sight, unread
    assert load_guide_cached(content, cache) == guide
    assert not marker.exists()


def _wrong_key(key: bytes, body: bytes) -> bytes:
    return json.dumps("1|an older guide").encode() + b"\n" + body


def _garbage(key: bytes, body: bytes) -> bytes:
    return key + b"\n\x00\xff{[ not json"


def _truncated(key: bytes, body: bytes) -> bytes:
    return key + b"\n" + body[: len(body) // 2]


def _empty_body(key: bytes, body: bytes) -> bytes:
    return key + b"\n"


def _not_utf8(key: bytes, body: bytes) -> bytes:
    return key + b"\n" + body.replace(b'"', b'"\xc3\x28', 1)


def _deep(key: bytes, body: bytes) -> bytes:
    return key + b"\n" + b"[" * 200_000 + b"]" * 200_000


def _huge_number(key: bytes, body: bytes) -> bytes:
    return key + b"\n" + b"[" + b"9" * 10_000 + b"]"


def _edited(change: Callable[[list[object]], None]) -> Callable[[bytes, bytes], bytes]:
    def edit(key: bytes, body: bytes) -> bytes:
        plain = json.loads(body)
        change(plain)
        return key + b"\n" + json.dumps(plain).encode()

    return edit


def _set(index: int, value: object) -> Callable[[list[object]], None]:
    def change(plain: list[object]) -> None:
        plain[index] = value

    return change


def _nodes(change: Callable[[list[list[object]]], None]) -> Callable[[list[object]], None]:
    def on_nodes(plain: list[object]) -> None:
        columns = plain[7]
        assert isinstance(columns, list)
        change(columns)

    return on_nodes


def _column(field: int, row: int, value: object) -> Callable[[list[object]], None]:
    def change(columns: list[list[object]]) -> None:
        columns[field][row] = value

    return _nodes(change)


def _parent_loop(columns: list[list[object]]) -> None:
    ids, parents = columns[0], columns[10]
    parents[0] = ids[1]  # home under one of its own children
    parents[1] = ids[0]


def _listed_twice(columns: list[list[object]]) -> None:
    children = columns[11][0]
    assert isinstance(children, list)
    children.append(children[0])  # a part, and everything in it, shown twice


def _planted_path(plain: list[object]) -> None:
    plain[6] = "../../outside"  # names the search index file


BROKEN = {
    "wrong key": _wrong_key,
    "garbage body": _garbage,
    "truncated body": _truncated,
    "empty body": _empty_body,
    "not UTF-8": _not_utf8,
    "nested 200,000 deep": _deep,
    "a 10,000-digit number": _huge_number,
    "not a list": _edited(lambda plain: plain.clear()),
    "title a number": _edited(_set(0, 42)),
    "nodes a string": _edited(_set(7, "nodes")),
    "kind unknown": _edited(_column(1, 2, "poem")),
    "title null": _edited(_column(2, 2, None)),
    "line a string": _edited(_column(14, 2, "3")),
    "line a boolean": _edited(_column(14, 2, value=True)),
    "children a string": _edited(_column(11, 0, "about")),
    "child that is no node": _edited(_column(11, 0, ["nowhere"])),
    "a column short": _edited(_nodes(lambda columns: columns[3].pop())),
    "parents in a loop": _edited(_nodes(_parent_loop)),
    "a part listed twice": _edited(_nodes(_listed_twice)),
    "fingerprint a path": _edited(_planted_path),
    "an object where a list is": _edited(_column(8, 2, {"__class__": "os.system"})),
}


@pytest.mark.parametrize("damage", BROKEN.values(), ids=BROKEN.keys())
def test_a_cache_file_that_does_not_match_is_only_a_cache(
    content: Path, data: Path, damage: Callable[[bytes, bytes], bytes]
) -> None:
    cache = data / "cache"
    fresh = load_guide(content)
    assert load_guide_cached(content, cache) == fresh
    path = cache_file(content, cache)
    _assert_inert(path, content)
    good = path.read_bytes()
    key, _, body = good.partition(b"\n")
    path.write_bytes(damage(key, body))
    guide = load_guide_cached(content, cache)
    assert guide == fresh  # from the YAML, as a first start
    _assert_inert(path, content)
    assert path.read_bytes() == good  # replaced by the good one
    assert load_guide_cached(content, cache) == fresh


def test_a_linked_cache_folder_is_never_written_through(
    content: Path, data: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (data / "cache").symlink_to(elsewhere, target_is_directory=True)
    guide = load_guide_cached(content, data / "cache")
    assert guide == load_guide(content)
    index = SearchIndex(guide, data / "cache")
    assert index.search("alpha")
    assert list(elsewhere.iterdir()) == []
    assert load_guide_cached(content, data / "cache") == guide  # again, still nothing there
    assert list(elsewhere.iterdir()) == []


def _planted_link(target: Path, at: Path) -> None:
    at.parent.mkdir(parents=True, exist_ok=True)
    at.symlink_to(target)


def test_the_old_temporary_names_of_the_compiled_guide_are_never_written_through(
    content: Path, data: Path, tmp_path: Path
) -> None:
    cache = data / "cache"
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    crc, pid = _crc(content), os.getpid()
    for suffix in ("pickle", "jsonl", "json"):
        _planted_link(victim, cache / f".guide-{crc}.{suffix}.{pid}.tmp")
    guide = load_guide_cached(content, cache)
    assert guide == load_guide(content)
    assert victim.read_bytes() == b"keep me"
    assert load_guide_cached(content, cache) == guide
    assert victim.read_bytes() == b"keep me"


def test_the_old_temporary_name_of_the_search_index_is_never_written_through(
    content: Path, data: Path, tmp_path: Path
) -> None:
    cache = data / "cache"
    victim = tmp_path / "victim.db"
    victim.write_bytes(b"")  # SQLite would take an empty file as an empty database
    guide = load_guide(content)
    _planted_link(victim, cache / f".search-{fingerprint(guide)}.sqlite.{os.getpid()}.tmp")
    assert SearchIndex(guide, cache).search("alpha")
    assert victim.read_bytes() == b""
    assert SearchIndex(guide, cache).cached  # the index was kept all the same
    assert victim.read_bytes() == b""


def _search_cache(cache: Path) -> Path:
    (path,) = cache.glob("search-*.sqlite")
    return path


def _add_row(path: Path, ref: str) -> None:
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO docs VALUES (?, 'area', 'Alpha alpha', '', 'alpha alpha alpha')", [ref]
        )
    db.close()


def _refs(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        refs = [ref for (ref,) in db.execute("SELECT ref FROM docs")]
    db.close()
    return refs


@pytest.mark.parametrize("ref", ["ghost", "alpha"], ids=["unknown page", "a page twice"])
def test_an_extra_row_in_the_search_cache_is_rebuilt(
    data: Path, content: Path, tmp_path: Path, ref: str
) -> None:
    cache = data / "cache"
    guide: Guide = load_guide(content)
    built = SearchIndex(guide, cache)
    pages = sorted(_refs(_search_cache(cache)))
    expected = [r.target for r in built.search("alpha")]
    assert expected
    _add_row(_search_cache(cache), ref)
    index = SearchIndex(guide, cache)
    assert [r.target for r in index.search("alpha")] == expected  # no error, no ghost
    assert [r.target for r in index.search("alpha ")] == [r.target for r in built.search("alpha ")]
    assert sorted(_refs(_search_cache(cache))) == pages  # rebuilt on disk
    assert SearchIndex(guide, cache).cached
