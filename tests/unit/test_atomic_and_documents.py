"""The atomic writer and versioned documents: failures leave the old file, damage is set aside."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from guide_app.common.safe_files import DataRoot, UnsafePathError, write_atomic
from guide_app.store.documents import (
    BACKUPS_KEPT,
    Document,
    ReadOnlyError,
    Status,
    iter_json_objects,
)


def keep_records(text: str) -> dict[str, Any]:
    return {"items": [r for r in iter_json_objects(text) if "n" in r]}


def make_document(tmp_path: Path, version: int = 2, **kwargs: Any) -> Document:
    return Document(
        tmp_path / "doc.json", version, keep_records, backups=tmp_path / "backups", **kwargs
    )


class TestWriteAtomic:
    def test_writes_and_replaces(self, tmp_path: Path) -> None:
        target = tmp_path / "sub" / "file.json"
        write_atomic(target, b"one")
        write_atomic(target, b"two")
        assert target.read_bytes() == b"two"
        assert [p.name for p in target.parent.iterdir()] == ["file.json"]  # no temp file left

    def test_keeps_the_permissions_of_the_file_it_replaces(self, tmp_path: Path) -> None:
        target = tmp_path / "file.json"
        target.write_bytes(b"old")
        target.chmod(0o640)
        write_atomic(target, b"new")
        assert target.stat().st_mode & 0o777 == 0o640

    def test_a_new_file_is_private(self, tmp_path: Path) -> None:
        target = tmp_path / "file.json"
        write_atomic(target, b"new")
        assert target.stat().st_mode & 0o777 == 0o600

    @pytest.mark.parametrize("where", ["fsync", "replace"])
    def test_failure_leaves_the_old_file_and_no_temp(
        self, tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        target = tmp_path / "file.json"
        target.write_bytes(b"old")

        def disk_full(*_args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        if where == "fsync":
            monkeypatch.setattr(os, "fsync", disk_full)
        else:
            monkeypatch.setattr(Path, "replace", disk_full)
        with pytest.raises(OSError, match="No space left"):
            write_atomic(target, b"new")
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["file.json"]

    def test_unwritable_folder_raises(self, tmp_path: Path) -> None:
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("x")
        with pytest.raises(FileExistsError):
            write_atomic(blocker / "file.json", b"data")


class TestDocument:
    def test_missing_file_is_new_and_empty(self, tmp_path: Path) -> None:
        loaded = make_document(tmp_path).load()
        assert loaded.status is Status.NEW
        assert loaded.payload == {}
        assert not loaded.read_only

    def test_temporary_files_of_a_killed_save_are_cleared(self, tmp_path: Path) -> None:
        (tmp_path / ".doc.json.abc123.tmp").write_text("half a save")
        (tmp_path / ".other.json.abc123.tmp").write_text("not ours")
        make_document(tmp_path).load()
        assert [p.name for p in tmp_path.iterdir()] == [".other.json.abc123.tmp"]

    def test_round_trip_adds_the_schema_version(self, tmp_path: Path) -> None:
        document = make_document(tmp_path)
        document.save({"items": [{"n": 1}]})
        assert json.loads(document.path.read_text())["schema_version"] == 2
        loaded = make_document(tmp_path).load()
        assert loaded.status is Status.OK
        assert loaded.payload["items"] == [{"n": 1}]

    def test_older_versions_are_migrated_step_by_step(self, tmp_path: Path) -> None:
        (tmp_path / "doc.json").write_text(json.dumps({"schema_version": 1, "things": [1]}))

        def one_to_two(payload: dict[str, Any]) -> dict[str, Any]:
            return {"schema_version": 2, "items": [{"n": n} for n in payload["things"]]}

        loaded = make_document(tmp_path, migrations={1: one_to_two}).load()
        assert loaded.status is Status.MIGRATED
        assert loaded.payload["items"] == [{"n": 1}]

    def test_a_newer_file_is_read_only_and_never_overwritten(self, tmp_path: Path) -> None:
        original = json.dumps({"schema_version": 9, "items": []})
        (tmp_path / "doc.json").write_text(original)
        document = make_document(tmp_path)
        loaded = document.load()
        assert loaded.status is Status.FUTURE
        assert loaded.read_only
        assert "newer version" in loaded.message
        with pytest.raises(ReadOnlyError):
            document.save({"items": []})
        assert (tmp_path / "doc.json").read_text() == original

    @pytest.mark.parametrize(
        "damage",
        [
            b'{"schema_version": 2, "items": [{"n": 1}, {"n": 2}, {"n": 3',  # truncated
            b'{"schema_version": 2, "items": [{"n": 1}, {"n": \x00}, {"n": 3}]}',  # garbage
            b'["not", "an", "object"]',
            b'{"items": [{"n": 1}]}',  # no version
            b"\xff\xfe{bad bytes",
        ],
    )
    def test_damage_is_set_aside_and_readable_records_kept(
        self, tmp_path: Path, damage: bytes
    ) -> None:
        (tmp_path / "doc.json").write_bytes(damage)
        loaded = make_document(tmp_path).load()
        assert loaded.status is Status.DAMAGED
        assert loaded.set_aside is not None
        assert loaded.set_aside.read_bytes() == damage  # kept byte for byte
        assert loaded.set_aside.name.startswith("doc.json.corrupt-")
        # What was rescued is already saved in its place (before the original moved).
        saved = json.loads((tmp_path / "doc.json").read_text(encoding="utf-8"))
        assert saved == {"schema_version": 2, **loaded.payload}
        assert str(tmp_path / "doc.json") in loaded.message
        expected = {1, 3} if b"\x00" in damage else {1, 2} if b'{"n": 3' in damage else None
        if expected is not None:
            assert {r["n"] for r in loaded.payload["items"]} == expected

    def test_backups_keep_the_last_ten_saves(self, tmp_path: Path) -> None:
        document = make_document(tmp_path)
        for n in range(BACKUPS_KEPT + 4):
            document.save({"items": [{"n": n}]})
        backups = document.backups()
        assert len(backups) == BACKUPS_KEPT
        newest = json.loads(backups[-1].read_text())
        assert newest["items"] == [{"n": BACKUPS_KEPT + 3}]
        oldest = json.loads(backups[0].read_text())
        assert oldest["items"] == [{"n": 4}]

    def test_failed_save_raises_and_keeps_the_previous_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        document = make_document(tmp_path)
        document.save({"items": [{"n": 1}]})
        before = document.path.read_bytes()

        def denied(*_args: object) -> None:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(Path, "replace", denied)
        with pytest.raises(PermissionError):
            document.save({"items": [{"n": 2}]})
        assert document.path.read_bytes() == before


def test_iter_json_objects_skips_what_it_cannot_read() -> None:
    text = '{"a": [{"n": 1}, {"n": 2, "x": {"y": 3}}, {"n": BAD}, {"n": 4}'
    assert list(iter_json_objects(text)) == [{"n": 1}, {"n": 2, "x": {"y": 3}}, {"n": 4}]


def _made_meanwhile(
    monkeypatch: pytest.MonkeyPatch, wanted: Path, make: Callable[[Path], object]
) -> None:
    """Another process makes `wanted` just after this one looked and found nothing there."""
    real_lstat = os.lstat
    made: list[Path] = []

    def late(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if Path(path) == wanted and not made:
            made.append(wanted)
            make(wanted)
            raise FileNotFoundError(errno.ENOENT, "not there yet", str(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", late)


def test_a_folder_another_process_makes_at_the_same_moment_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two starts of the guide both make <data>/requests: the slower one must not fail.
    _made_meanwhile(monkeypatch, tmp_path / "requests", Path.mkdir)
    assert DataRoot(tmp_path).folder(tmp_path / "requests") == tmp_path / "requests"


def test_a_link_made_at_that_moment_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    _made_meanwhile(monkeypatch, data / "requests", lambda p: p.symlink_to(elsewhere))
    with pytest.raises(UnsafePathError):
        DataRoot(data).folder(data / "requests")
