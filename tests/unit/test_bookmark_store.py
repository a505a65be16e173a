"""Bookmarks without Qt: editing, saving, loading, importing, exporting, and never losing any."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide_app.store.bookmark_file import (
    BookmarkFile,
    export_json,
    export_markdown,
    import_json,
    merge,
)
from guide_app.store.bookmarks import BookmarkError, BookmarkStore, ReadOnlyBookmarksError
from guide_app.store.documents import Status
from tests.helpers.profiles import examples


def saved_and_loaded(store: BookmarkStore, data_dir: Path) -> BookmarkStore:
    BookmarkFile(data_dir).save(store)
    again = BookmarkStore()
    BookmarkFile(data_dir).load_into(again)
    return again


def test_add_edit_move_and_round_trip(tmp_path: Path) -> None:
    store = BookmarkStore()
    seen: list[tuple[str, str | None]] = []
    store.subscribe(lambda what, item: seen.append((what, item)))
    first = store.add("local-knowledge", "Local knowledge")
    folder = store.add_folder("New referrals")
    store.update(first.id, note="Use with new referrals.\nSecond line.")
    store.move(first.id, folder.id)
    second = store.add("skills-and-training", "Skills")
    assert store.add("local-knowledge", "again") == store.get(first.id)  # one bookmark per page
    assert [w for w, _ in seen] == ["added", "folders", "updated", "moved", "added"]
    again = saved_and_loaded(store, tmp_path)
    assert again.to_payload() == store.to_payload()
    assert again.get(first.id).folder == folder.id
    assert again.get(first.id).note == "Use with new referrals.\nSecond line."
    assert again.get(second.id).folder is None


def test_former_ids_find_the_bookmark() -> None:
    store = BookmarkStore()
    bookmark = store.add("old-page-id", "Old title")
    assert store.for_node(["new-page-id", "old-page-id"]) == bookmark
    assert store.for_node(["unrelated"]) is None


def test_bookmarks_of_pages_not_in_this_edition_are_kept(tmp_path: Path) -> None:
    store = BookmarkStore()
    store.add("a-page-that-was-removed", "Gone page", note="Still my note")
    again = saved_and_loaded(store, tmp_path)
    assert [(b.node_id, b.note) for b in again.bookmarks] == [
        ("a-page-that-was-removed", "Still my note")
    ]


def test_removing_a_folder_keeps_its_bookmarks_and_undo_restores_it() -> None:
    store = BookmarkStore()
    folder = store.add_folder("Team")
    bookmark = store.add("x", "X", folder=folder.id)
    removed, members = store.remove_folder(folder.id)
    assert store.get(bookmark.id).folder is None
    assert store.folders == []
    store.put_back_folder(removed, members)
    assert store.get(bookmark.id).folder == folder.id


def test_remove_and_put_back() -> None:
    store = BookmarkStore()
    a = store.add("a", "A")
    b = store.add("b", "B")
    removed, position = store.remove(a.id)
    assert [x.id for x in store.bookmarks] == [b.id]
    store.put_back(removed, position)
    assert [x.id for x in store.bookmarks] == [a.id, b.id]
    assert store.get(a.id) == a


def test_bad_edits_are_refused() -> None:
    store = BookmarkStore()
    with pytest.raises(BookmarkError):
        store.add_folder("  ")
    with pytest.raises(BookmarkError):
        store.move(store.add("a", "A").id, "no-such-folder")
    with pytest.raises(BookmarkError):
        store.get("missing")


def test_damaged_file_is_set_aside_and_readable_bookmarks_kept(tmp_path: Path) -> None:
    store = BookmarkStore()
    for n in range(5):
        store.add(f"page-{n}", f"Page {n}", note=f"note {n}")
    BookmarkFile(tmp_path).save(store)
    path = tmp_path / "bookmarks.json"
    text = path.read_text()
    path.write_text(text[: text.index('"page-3"')])  # cut off mid-record
    again = BookmarkStore()
    loaded = BookmarkFile(tmp_path).load_into(again)
    assert loaded.status is Status.DAMAGED
    assert [b.node_id for b in again.bookmarks] == ["page-0", "page-1", "page-2"]
    assert loaded.set_aside is not None
    assert loaded.set_aside.read_text() == text[: text.index('"page-3"')]
    assert not again.read_only
    BookmarkFile(tmp_path).save(again)  # the next save writes a clean file beside the damaged one
    assert json.loads(path.read_text())["schema_version"] == 1
    assert loaded.set_aside.exists()


def test_one_bad_record_is_dropped_and_reported(tmp_path: Path) -> None:
    store = BookmarkStore()
    store.add("a", "A")
    BookmarkFile(tmp_path).save(store)
    document = json.loads((tmp_path / "bookmarks.json").read_text())
    document["bookmarks"].append({"id": "x", "node_id": 5})
    (tmp_path / "bookmarks.json").write_text(json.dumps(document))
    again = BookmarkStore()
    loaded = BookmarkFile(tmp_path).load_into(again)
    assert [b.node_id for b in again.bookmarks] == ["a"]
    assert "1 damaged record could not be read" in loaded.message


def test_newer_file_is_read_only(tmp_path: Path) -> None:
    (tmp_path / "bookmarks.json").write_text(
        json.dumps(
            {
                "schema_version": 7,
                "folders": [],
                "bookmarks": [
                    {
                        "id": "1",
                        "node_id": "a",
                        "title": "A",
                        "note": "",
                        "folder": None,
                        "created": "2030-01-01T00:00:00+00:00",
                        "changed": "2030-01-01T00:00:00+00:00",
                        "colour": "red",
                    }
                ],
            }
        )
    )
    before = (tmp_path / "bookmarks.json").read_bytes()
    store = BookmarkStore()
    loaded = BookmarkFile(tmp_path).load_into(store)
    assert loaded.status is Status.FUTURE
    assert store.read_only
    assert [b.title for b in store.bookmarks] == ["A"]  # shown, read-only
    with pytest.raises(ReadOnlyBookmarksError):
        store.add("b", "B")
    with pytest.raises(OSError, match="read-only"):
        BookmarkFile(tmp_path).save(store)
    assert (tmp_path / "bookmarks.json").read_bytes() == before


def test_failed_save_keeps_memory_and_disk(tmp_path: Path) -> None:
    store = BookmarkStore()
    store.add("a", "A")
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("")
    with pytest.raises(OSError, match="not a folder"):
        BookmarkFile(blocked).save(store)  # the data folder is a file: cannot write
    assert [b.node_id for b in store.bookmarks] == ["a"]


def test_json_export_import_is_lossless_and_merging_twice_adds_nothing() -> None:
    source = BookmarkStore()
    folder = source.add_folder("Clinic")
    source.add("a", "A", note="first", folder=folder.id)
    source.add("b", "B")
    folders, bookmarks = import_json(export_json(source))
    target = BookmarkStore()
    result = merge(target, folders, bookmarks)
    assert (result.added, result.folders_added) == (2, 1)
    assert [(b.node_id, b.note) for b in target.bookmarks] == [("a", "first"), ("b", "")]
    assert target.folder(target.bookmarks[0].folder or "").name == "Clinic"
    again = merge(target, *import_json(export_json(source)))
    assert (again.added, again.notes_merged, again.folders_added) == (0, 0, 0)
    assert len(target) == 2


def test_merge_keeps_both_notes() -> None:
    mine = BookmarkStore()
    mine.add("a", "A", note="my note")
    theirs = BookmarkStore()
    theirs.add("a", "A", note="their note")
    result = merge(mine, *import_json(export_json(theirs)))
    assert result.notes_merged == 1
    assert mine.bookmarks[0].note == "my note\n\ntheir note"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not json", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"bookmarks": []}', "no schema_version"),
        (b'{"schema_version": 99, "bookmarks": []}', "newer version"),
        (b'{"schema_version": 1}', "no list of bookmarks"),
        (
            b'{"schema_version": 1, "bookmarks": [{"id": "x"}]}',
            "1 record in the file is not a valid bookmark",
        ),
    ],
)
def test_bad_import_changes_nothing_and_says_why(data: bytes, reason: str) -> None:
    store = BookmarkStore()
    store.add("a", "A")
    before = store.to_payload()
    with pytest.raises(BookmarkError, match=reason):
        merge(store, *import_json(data))
    assert store.to_payload() == before


def test_markdown_export_is_readable_with_notes() -> None:
    store = BookmarkStore()
    folder = store.add_folder("Clinic")
    store.add("a", "My title", note="Line one\nLine two", folder=folder.id)
    store.add("gone", "Old page")
    text = export_markdown(
        store, lambda node_id: ("Page A", True) if node_id == "a" else (node_id, False)
    )
    assert "## Not in a folder\n\n- **Old page (gone)** (guide:gone, not in this edition)" in text
    # a note keeps its lines: each but the last ends in a hard line break (a backslash)
    assert "## Clinic\n\n- **My title (Page A)** (guide:a)\n  > Line one\\\n  > Line two" in text


operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "note", "title", "move", "remove", "folder", "drop-folder"]),
        st.integers(min_value=0, max_value=6),
        st.text(max_size=20),
    ),
    max_size=30,
)


@settings(max_examples=examples(60), suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_any_sequence_of_edits_survives_save_and_load(tmp_path: Path, ops: list) -> None:  # type: ignore[type-arg]
    store = BookmarkStore()
    for op, n, text in ops:
        ids = [b.id for b in store.bookmarks]
        folders = [f.id for f in store.folders]
        if op == "add":
            store.add(f"page-{n}", text or "untitled", note=text)
        elif op == "note" and ids:
            store.update(ids[n % len(ids)], note=text)
        elif op == "title" and ids:
            store.update(ids[n % len(ids)], title=text)
        elif op == "move" and ids:
            store.move(ids[n % len(ids)], folders[n % len(folders)] if folders and n % 2 else None)
        elif op == "remove" and ids:
            store.remove(ids[n % len(ids)])
        elif op == "folder" and text.strip():
            store.add_folder(text)
        elif op == "drop-folder" and folders:
            store.remove_folder(folders[n % len(folders)])
    data_dir = tmp_path / f"run-{abs(hash(str(ops)))}"
    again = saved_and_loaded(store, data_dir)
    assert again.to_payload() == store.to_payload()
