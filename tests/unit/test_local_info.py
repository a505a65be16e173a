"""Local information without Qt: the store, its file (saved like bookmarks), import and search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.store.documents import Status
from guide_app.store.local_info import LocalInfoError, LocalInfoStore, LocalNote, current_ids
from guide_app.store.local_info_exchange import KIND, export_json, import_json, plan_import
from guide_app.store.local_info_file import FILE_NAME, LocalInfoFile
from guide_app.store.review_book import ReviewBook
from guide_app.store.search_notes import collect_notes
from guide_app.store.user_data import LOCAL_INFO, UserData
from tests.helpers.content_kit import write_content

STAMP = "2026-11-02T09:30:00+00:00"


@pytest.fixture
def guide(tmp_path: Path) -> Guide:
    return load_guide(write_content(tmp_path / "content"))


def test_set_remove_and_put_back_tell_the_listeners() -> None:
    store = LocalInfoStore()
    heard: list[tuple[str, str | None]] = []
    store.subscribe(lambda what, item: heard.append((what, item)))
    assert store.set_text("alpha", "Call 01234 567890") is None
    assert store.for_node(["old-alpha", "alpha"]).text == "Call 01234 567890"  # type: ignore[union-attr]
    old = store.remove("alpha")
    assert old is not None
    assert len(store) == 0
    store.put(old)
    assert store.notes == [old]
    assert store.set_text("alpha", "   ") == old  # blank text removes the note
    assert heard == [("changed", "alpha"), ("removed", "alpha"), ("changed", "alpha"),
                     ("removed", "alpha")]  # fmt: skip


def test_a_read_only_store_refuses_changes() -> None:
    store = LocalInfoStore()
    store.read_only = True
    with pytest.raises(LocalInfoError, match="read-only"):
        store.set_text("alpha", "text")


def test_renamed_pages_follow_and_missing_pages_are_kept(guide: Guide) -> None:
    store = LocalInfoStore()
    store.replace_all(
        [LocalNote("old-alpha", "renamed", STAMP), LocalNote("gone-page", "kept", STAMP)]
    )
    assert store.follow_renames(current_ids(guide)) == 1
    assert [(n.node_id, n.text, n.changed) for n in store.notes] == [
        ("alpha", "renamed", STAMP),
        ("gone-page", "kept", STAMP),
    ]
    exported = json.loads(export_json(store))
    assert [n["node_id"] for n in exported["notes"]] == ["alpha", "gone-page"]


def test_a_former_id_never_overwrites_the_note_of_the_new_id(guide: Guide) -> None:
    store = LocalInfoStore()
    store.replace_all([LocalNote("alpha", "new", STAMP), LocalNote("old-alpha", "old", STAMP)])
    assert store.follow_renames(current_ids(guide)) == 0
    assert [n.node_id for n in store.notes] == ["alpha", "old-alpha"]


def test_saved_atomically_with_version_and_numbered_backups(tmp_path: Path) -> None:
    file = LocalInfoFile(tmp_path)
    store = LocalInfoStore()
    store.set_text("alpha", "Pain clinic: 01234 567890\n<b>not bold</b>")
    file.save(store)
    store.set_text("beta", "Talking therapies self-referral")
    file.save(store)
    saved = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert saved["schema_version"] == 1
    assert [n["node_id"] for n in saved["notes"]] == ["alpha", "beta"]
    backups = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert [name[: len("local-information-000001")] for name in backups] == [
        "local-information-000001",
        "local-information-000002",
    ]
    again = LocalInfoStore()
    assert LocalInfoFile(tmp_path).load_into(again).status is Status.OK
    assert again.to_payload() == store.to_payload()


def test_a_damaged_file_is_set_aside_and_what_can_be_read_is_kept(tmp_path: Path) -> None:
    damaged = (
        '{"schema_version": 1, "notes": [{"node_id": "alpha", "text": "keep me", '
        f'"changed": "{STAMP}"}}, {{"node_id": '
    )
    (tmp_path / FILE_NAME).write_text(damaged, encoding="utf-8")
    store = LocalInfoStore()
    file = LocalInfoFile(tmp_path)
    loaded = file.load_into(store)
    assert loaded.status is Status.DAMAGED
    assert str(tmp_path / FILE_NAME) in loaded.message
    assert [n.text for n in store.notes] == ["keep me"]
    aside = list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))
    assert [p.read_text(encoding="utf-8") for p in aside] == [damaged]  # never overwritten
    assert file.rewrite_needed


def test_a_newer_file_is_read_only_and_never_overwritten(tmp_path: Path) -> None:
    original = '{"schema_version": 9, "notes": []}'
    (tmp_path / FILE_NAME).write_text(original, encoding="utf-8")
    store = LocalInfoStore()
    LocalInfoFile(tmp_path).load_into(store)
    assert store.read_only
    assert "newer version" in store.read_only_reason
    assert (tmp_path / FILE_NAME).read_text(encoding="utf-8") == original


def test_export_then_import_and_a_second_import_changes_nothing(guide: Guide) -> None:
    source = LocalInfoStore()
    source.replace_all([LocalNote("alpha", "A", STAMP), LocalNote("gone-page", "G", STAMP)])
    data = export_json(source)
    assert json.loads(data)["kind"] == KIND
    target = LocalInfoStore()
    target.replace_all([LocalNote("alpha", "old text", STAMP)])
    notes = import_json(data, "team.json")
    plan = plan_import(target, notes, current_ids(guide))
    assert [(c.node_id, c.new.text) for c in plan.added] == [("gone-page", "G")]
    assert [(c.node_id, c.old.text, c.new.text) for c in plan.replaced] == [  # type: ignore[union-attr]
        ("alpha", "old text", "A")
    ]
    for change in plan.changes:
        target.put(change.new)
    again = plan_import(target, import_json(data, "team.json"), current_ids(guide))
    assert again.changes == ()
    assert again.unchanged == 2


def test_an_import_under_a_former_id_goes_to_the_current_page(guide: Guide) -> None:
    source = LocalInfoStore()
    source.replace_all([LocalNote("old-alpha", "from a older edition", STAMP)])
    plan = plan_import(LocalInfoStore(), import_json(export_json(source), "x.json"),
                       current_ids(guide))  # fmt: skip
    assert [c.node_id for c in plan.added] == ["alpha"]


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b'{"schema_version": 1, "bookmarks": []}', "not an export of local information"),
        (b'{\n  "kind": "guide-app local information",\n  "notes": [,]\n}', "line 3"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"kind": "guide-app local information", "schema_version": 7, "notes": []}', "newer"),
        (b'{"kind": "guide-app local information", "schema_version": 1, "notes": [3]}',
         "1 record"),
    ],
)  # fmt: skip
def test_a_foreign_or_broken_file_is_refused_naming_it(data: bytes, says: str) -> None:
    with pytest.raises(LocalInfoError, match=says) as refused:
        import_json(data, "their-file.json")
    assert "their-file.json" in str(refused.value)


def test_search_finds_local_information(guide: Guide) -> None:
    data = UserData(None)
    data.local_info.replace_all(
        [LocalNote("alpha", "Ring Sam on extension 4321", STAMP), LocalNote("gone", "x", STAMP)]
    )
    notes = collect_notes(guide, data.bookmarks, ReviewBook(None), data.local_info)
    assert [(n.target, n.title, n.context, n.text) for n in notes] == [
        ("alpha", "Alpha area", "Your local information", "Ring Sam on extension 4321"),
        ("gone", "gone (not in this edition)", "Your local information", "x"),
    ]


def test_user_data_saves_local_information_and_tells_its_listeners(tmp_path: Path) -> None:
    file = LocalInfoFile(tmp_path)
    data = UserData(tmp_path, local_info_file=file)
    heard: list[tuple[str, str, str | None]] = []
    data.subscribe(lambda store, what, item: heard.append((store, what, item)))
    data.local_info.set_text("alpha", "text")
    assert heard == [(LOCAL_INFO, "changed", "alpha")]
    data.local_info_saving.dirty = True
    assert data.saving.unsaved == [LOCAL_INFO]
    assert data.flush()
    saved = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert [n["text"] for n in saved["notes"]] == ["text"]
