"""Damaged bookmarks and review files: nothing readable is lost, the damage is kept, users told."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.documents import ReadOnlyError, Status
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Review
from guide_app.store.reviews import Status as Mark
from tests.helpers.profiles import examples

EXAMPLES = examples(150)  # ten times as many with GUIDE_APP_LONG=1
DETAILS = ("name", "service", "date", "people")
_runs = itertools.count()


def indented(key: str, value: Any) -> bytes:
    """How a record two levels down in a saved file is written (the layout Document.save uses)."""
    inner = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    return f"    {key}{inner}".encode()


@pytest.fixture(scope="module")
def saved_bookmarks(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, dict[str, Any]]:
    """A bookmarks file as the app saves it: folders, notes with quotes, accents, new lines."""
    store = BookmarkStore()
    clinic, reading = store.add_folder("Clinic"), store.add_folder("Reading – later")
    for n in range(6):
        mark = store.add(f"page-{n}", f"Page “{n}”", note=f'Note {n}: "quoted", café,\nline 2')
        if n % 3:
            store.move(mark.id, (clinic, reading)[n % 2].id)
    folder = tmp_path_factory.mktemp("bookmarks")
    BookmarkFile(folder).save(store)
    original = (folder / "bookmarks.json").read_bytes()
    payload = store.to_payload()
    for record in payload["folders"] + payload["bookmarks"]:
        assert indented("", record) in original  # each record's exact bytes, to spot damage
    return original, payload


@pytest.fixture(scope="module")
def saved_review(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Review]:
    """A review file as the app saves it: details, statuses, notes, evidence and actions."""
    folder = tmp_path_factory.mktemp("review")
    book = ReviewBook(folder)
    review = book.create("Spring review", "MSK physiotherapy", "2026-03-01", "AB, CD")
    for n, mark in enumerate(Mark):
        book.set_status(
            review.id, f"crit-{n}", mark, "n/a" if mark is Mark.NOT_APPLICABLE else None
        )
        book.set_text(review.id, f"crit-{n}", "notes", f'Seen "{n}" times, à la carte')
    book.add_action(review.id, "crit-1", "Ask people", "AB", "2026-06-01")
    book.save_dirty()
    original = (folder / "reviews" / f"{review.id}.json").read_bytes()
    review = book.get(review.id)
    for criterion, assessment in review.assessments.items():
        assert indented(f'"{criterion}": ', assessment.to_dict()) in original
    return original, review


def fresh_folder(tmp_path: Path) -> Path:
    folder = tmp_path / f"run-{next(_runs)}"
    folder.mkdir()
    return folder


@st.composite
def damaged(draw: st.DrawFn, original: bytes) -> bytes:
    """The saved bytes after a crash, a bad disk or a careless edit."""
    at = draw(st.integers(0, len(original) - 1))
    kind = draw(st.sampled_from(["truncate", "flip", "garbage", "cut", "utf8"]))
    if kind == "truncate":
        return original[:at]
    if kind == "flip":
        data = bytearray(original)
        flip = st.tuples(st.integers(0, len(data) - 1), st.integers(0, 7))
        for where, bit in draw(st.lists(flip, min_size=1, max_size=4)):
            data[where] ^= 1 << bit
        return bytes(data)
    if kind == "garbage":
        junk = draw(st.binary(min_size=1, max_size=80))
        return original[:at] + junk + original[at + len(junk) :]
    if kind == "cut":
        return original[:at] + original[at + draw(st.integers(1, 300)) :]
    bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80"]))
    return original[:at] + bad + original[at:]


# What must hold, whatever the damage --------------------------------------------------------


def check_bookmarks(data: Path, original: bytes, payload: dict[str, Any], damage: bytes) -> None:
    """Load damaged bookmarks as the app does, then save: check nothing readable was lost."""
    path = data / "bookmarks.json"
    path.write_bytes(damage)
    store, file = BookmarkStore(), BookmarkFile(data)
    loaded = file.load_into(store)  # never raises
    folders = {f.id: asdict(f) for f in store.folders}
    for folder in payload["folders"]:
        if indented("", folder) in damage:
            assert folders[folder["id"]] == folder
    kept = {b.id: asdict(b) for b in store.bookmarks}
    for record in payload["bookmarks"]:
        if indented("", record) in damage:  # its bytes survived: it must still be there
            filed = record["folder"] if record["folder"] in folders else None
            assert kept[record["id"]] == {**record, "folder": filed}
    aside = list(data.glob("bookmarks.json.corrupt-*"))
    if loaded.set_aside is not None:
        assert loaded.status is Status.DAMAGED
        assert aside == [loaded.set_aside]
        assert loaded.set_aside.read_bytes() == damage  # kept byte for byte
        assert str(path) in loaded.message
        assert file.rewrite_needed
    else:  # the damage still reads as a whole bookmarks file (say, one changed letter)
        assert aside == []
        assert path.read_bytes() == damage
        document = json.loads(damage)
        if loaded.status is Status.FUTURE:  # a flipped bit in the schema_version
            assert store.read_only
            assert "newer version" in loaded.message
            with pytest.raises(ReadOnlyError):
                file.save(store)
            assert path.read_bytes() == damage
            return
        assert loaded.status is Status.OK
        assert store.to_payload() == {k: v for k, v in document.items() if k != "schema_version"}
    file.save(store)  # a later save writes a good file beside the set-aside one
    again = BookmarkStore()
    assert BookmarkFile(data).load_into(again).status is Status.OK
    assert again.to_payload() == store.to_payload()
    assert [p.read_bytes() for p in data.glob("bookmarks.json.corrupt-*")] == [damage] * len(aside)


def check_review(data: Path, original: bytes, review: Review, damage: bytes) -> None:
    """Load a damaged review file as the app does, then save: check nothing readable was lost."""
    folder = data / "reviews"
    folder.mkdir(exist_ok=True)
    path = folder / f"{review.id}.json"
    path.write_bytes(damage)
    book = ReviewBook(data)
    messages = book.load()  # never raises
    aside = list(folder.glob("*.corrupt-*"))
    if aside:
        assert [p.name.startswith(path.name) for p in aside] == [True]
        assert aside[0].read_bytes() == damage  # kept byte for byte
        # What was rescued is already saved in its place (before the original moved).
        rescued = json.loads(path.read_text(encoding="utf-8"))
        assert rescued["id"] == review.id
        assert any(str(path) in m and "was damaged" in m for m in messages)
        found = book.get(review.id)  # always listed, as "Recovered review" at worst
        for criterion, assessment in review.assessments.items():
            if indented(f'"{criterion}": ', assessment.to_dict()) in damage:
                assert found.assessments[criterion] == assessment
        for key in DETAILS:
            value = getattr(review, key)
            if f'"{key}": {json.dumps(value, ensure_ascii=False)}'.encode() in damage:
                assert getattr(found, key) == value
        assert book.dirty  # what was rescued is written at the next save
        book.save_dirty()
        again = ReviewBook(data)
        assert again.load() == []
        assert again.get(review.id) == found
        assert aside[0].read_bytes() == damage
        return
    assert path.read_bytes() == damage
    document = json.loads(damage)
    if document["schema_version"] > 1:  # a flipped bit in the schema_version
        assert book.read_only(review.id)
        assert any("newer version" in m for m in messages)
    else:  # the damage still reads as a whole review (say, one changed letter)
        assert messages == []
        assert book.get(review.id) == Review.from_payload(document)[0]
        assert not book.dirty


# Random damage --------------------------------------------------------------------------


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_damage_to_bookmarks_loses_nothing_readable(
    tmp_path: Path, saved_bookmarks: tuple[bytes, dict[str, Any]], data: st.DataObject
) -> None:
    original, payload = saved_bookmarks
    folder = fresh_folder(tmp_path)
    check_bookmarks(folder, original, payload, data.draw(damaged(original)))
    shutil.rmtree(folder)


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_random_damage_to_a_review_loses_nothing_readable(
    tmp_path: Path, saved_review: tuple[bytes, Review], data: st.DataObject
) -> None:
    original, review = saved_review
    folder = fresh_folder(tmp_path)
    check_review(folder, original, review, data.draw(damaged(original)))
    shutil.rmtree(folder)


# Named kinds of damage ----------------------------------------------------------------------


def edited(change: Callable[[dict[str, Any]], object]) -> Callable[[bytes], bytes]:
    """Damage made by changing the parsed document and writing it back the app's way."""

    def apply(original: bytes) -> bytes:
        document = json.loads(original)
        change(document)
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()

    return apply


def spliced(old: str, new: str) -> Callable[[bytes], bytes]:
    """Damage made by replacing the first `old` in the file's text with `new`."""
    return lambda original: original.replace(old.encode(), new.encode(), 1)


HUGE = "9" * 5000  # longer than Python reads as a whole number (4300 digits)
DEEP = "[" * 100_000 + "]" * 100_000
COMMON: dict[str, Callable[[bytes], bytes]] = {
    "empty file": lambda _: b"",
    "only white space": lambda _: b" \n\t\n",
    "only NUL bytes": lambda original: b"\x00" * len(original),
    "NUL bytes after the end": lambda original: original + b"\x00" * 4096,
    "a byte order mark": lambda original: b"\xef\xbb\xbf" + original,
    "not UTF-8 throughout": lambda original: original.decode().encode("utf-16"),
    "JSON null": lambda _: b"null",
    "a list, not an object": lambda original: b"[" + original + b"]",
    "schema_version as text": spliced('"schema_version": 1', '"schema_version": "1"'),
    "schema_version zero": spliced('"schema_version": 1', '"schema_version": 0'),
    "schema_version a fraction": spliced('"schema_version": 1', '"schema_version": 1.5'),
    "a huge number": spliced('"schema_version": 1,', f'"schema_version": 1, "size": {HUGE},'),
    "a huge schema_version": spliced('"schema_version": 1', f'"schema_version": {HUGE}'),
    "an infinite number": spliced('"schema_version": 1,', '"schema_version": 1, "x": 1e999,'),
    "deeply nested": spliced('"schema_version": 1,', f'"schema_version": 1, "deep": {DEEP},'),
    "nested, within limits": spliced('"schema_version": 1,', '"schema_version": 1, "d": [[[]]],'),
    "deeply nested at the end": lambda o: o.rstrip()[:-1] + b', "deep": ' + b"[" * 100_000,
    "a future schema_version": spliced('"schema_version": 1', '"schema_version": 2'),
    "a far-future schema_version": spliced('"schema_version": 1', f'"schema_version": {10**40}'),
}
BOOKMARK_DAMAGE = {
    **COMMON,
    "bookmarks an object": edited(lambda d: d.update(bookmarks={"all": d["bookmarks"]})),
    "bookmarks a text": edited(lambda d: d.update(bookmarks="none")),
    "bookmarks under a damaged name": edited(lambda d: d.update(bookmarkz=d.pop("bookmarks"))),
    "folders a number": edited(lambda d: d.update(folders=5)),
    "a title a number": edited(lambda d: d["bookmarks"][1].update(title=5)),
    "a note null": edited(lambda d: d["bookmarks"][2].update(note=None)),
    "a note under a damaged name": edited(
        lambda d: d["bookmarks"][3].update(nope=d["bookmarks"][3].pop("note"))
    ),
    "a folder id a list": edited(lambda d: d["bookmarks"][4].update(folder=["x"])),
    "a folder that is not there": edited(lambda d: d["folders"].pop()),
    "a huge number in a record": spliced('"note": ', f'"note": {HUGE}, "was": '),
    "a deep list in a record": spliced('"note": ', f'"note": {DEEP}, "was": '),
}
REVIEW_DAMAGE = {
    **COMMON,
    "an unknown status": edited(lambda d: d["assessments"]["crit-2"].update(status="mostly")),
    "assessments a list": edited(lambda d: d.update(assessments=list(d["assessments"].values()))),
    "an action's done flag a text": spliced('"done": false', '"done": "no"'),
    "another id inside": edited(lambda d: d.update(id="0" * 32)),
    "an empty name": edited(lambda d: d.update(name="")),
    "a damaged date": spliced('"date": "2026-03-01"', '"date": "2026-03-0\\u0000"'),
    "a date no longer a date, truncated": lambda o: spliced('"2026-03-01"', '"2026-3-01"')(o)[:-40],
    "an empty name, truncated": lambda o: spliced('"Spring review"', '""')(o)[:-40],
    "a huge number in an assessment": spliced('"notes": ', f'"n": {HUGE}, "notes": '),
    "a deep list in an assessment": spliced('"notes": ', f'"n": {DEEP}, "notes": '),
}


@pytest.mark.parametrize("kind", BOOKMARK_DAMAGE)
def test_named_damage_to_bookmarks(
    tmp_path: Path, saved_bookmarks: tuple[bytes, dict[str, Any]], kind: str
) -> None:
    original, payload = saved_bookmarks
    damage = BOOKMARK_DAMAGE[kind](original)
    assert damage != original
    check_bookmarks(tmp_path, original, payload, damage)


@pytest.mark.parametrize("kind", REVIEW_DAMAGE)
def test_named_damage_to_a_review(
    tmp_path: Path, saved_review: tuple[bytes, Review], kind: str
) -> None:
    original, review = saved_review
    damage = REVIEW_DAMAGE[kind](original)
    assert damage != original
    check_review(tmp_path, original, review, damage)


# A folder where the file should be --------------------------------------------------------


def test_a_folder_where_the_bookmarks_file_should_be_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.json"
    path.mkdir()
    (path / "inside.txt").write_text("kept")
    store, file = BookmarkStore(), BookmarkFile(tmp_path)
    loaded = file.load_into(store)
    assert loaded.status is Status.DAMAGED
    assert str(path) in loaded.message
    assert "folder" in loaded.message
    assert loaded.set_aside is not None
    assert (loaded.set_aside / "inside.txt").read_text() == "kept"  # moved aside, whole
    assert not store.read_only  # bookmarks can be made and saved again
    store.add("alpha", "Alpha")
    file.save(store)
    again = BookmarkStore()
    assert BookmarkFile(tmp_path).load_into(again).status is Status.OK
    assert [b.node_id for b in again.bookmarks] == ["alpha"]
    assert (loaded.set_aside / "inside.txt").read_text() == "kept"


def test_a_folder_where_a_review_file_should_be_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "reviews" / f"{'a' * 32}.json"
    path.mkdir(parents=True)
    (path / "inside.txt").write_text("kept")
    book = ReviewBook(tmp_path)
    messages = book.load()
    assert any(str(path) in m and "folder" in m for m in messages)
    (aside,) = path.parent.glob("*.corrupt-*")
    assert (aside / "inside.txt").read_text() == "kept"
    book.save_dirty()
    assert path.is_file()
    assert ReviewBook(tmp_path).load() == []
    assert (aside / "inside.txt").read_text() == "kept"
