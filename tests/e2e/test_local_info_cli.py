"""`guide-app export-local` and `guide-app import-local` as a user or a script runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_app.store.local_info import LocalInfoStore, LocalNote
from guide_app.store.local_info_file import FILE_NAME, LocalInfoFile
from tests.helpers.content_kit import write_content
from tests.helpers.processes import run

pytestmark = pytest.mark.e2e
STAMP = "2026-11-02T09:30:00+00:00"


def keep(data_dir: Path, *notes: LocalNote) -> None:
    store = LocalInfoStore()
    store.replace_all(notes)
    LocalInfoFile(data_dir).save(store)


def kept(data_dir: Path) -> list[tuple[str, str]]:
    saved = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))
    return [(n["node_id"], n["text"]) for n in saved["notes"]]


def test_export_then_import_shows_the_changes_and_twice_changes_nothing(
    tmp_path: Path, data_dir: Path
) -> None:
    theirs = tmp_path / "theirs"
    keep(theirs, LocalNote("old-alpha", "Their alpha", STAMP), LocalNote("gone", "Kept", STAMP))
    exported = tmp_path / "team.json"
    result = run("export-local", str(exported), "--data-dir", str(theirs), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Exported the local information of 2 pages to ")
    keep(data_dir, LocalNote("alpha", "Our alpha", STAMP))
    content = write_content(tmp_path / "content")
    args = ("import-local", str(exported), "--content", str(content))
    refused = run(*args, data_dir=data_dir)  # no terminal to ask on
    assert refused.returncode == 1
    assert "add --yes" in refused.stderr
    assert kept(data_dir) == [("alpha", "Our alpha")]
    done = run(*args, "--yes", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert "ADDED (1 page)\n  gone (not in this edition)" in done.stdout
    assert "REPLACED (1 page)\n  Alpha area\n    Now (will be replaced):\n      Our alpha" in (
        done.stdout
    )
    assert kept(data_dir) == [("alpha", "Their alpha"), ("gone", "Kept")]
    assert len(list((data_dir / "backups").glob("local-information-*.json"))) == 2
    again = run(*args, "--yes", data_dir=data_dir)
    assert again.returncode == 0
    assert again.stdout.startswith("Nothing to import from team.json")


def test_a_foreign_file_and_the_data_folder_are_refused(tmp_path: Path, data_dir: Path) -> None:
    keep(data_dir, LocalNote("alpha", "x", STAMP))
    foreign = tmp_path / "bookmarks.json"
    foreign.write_text('{"schema_version": 1, "bookmarks": []}', encoding="utf-8")
    result = run("import-local", str(foreign), "--yes", data_dir=data_dir)
    assert result.returncode == 1
    assert "bookmarks.json is not an export of local information" in result.stderr
    inside = run("export-local", str(data_dir / "copy.json"), data_dir=data_dir)
    assert inside.returncode == 1
    assert "inside the guide's own data folder" in inside.stderr
