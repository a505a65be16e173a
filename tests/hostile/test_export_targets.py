"""Exports never replace the data folder's own files, pipes, links or devices."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide_app.shell.app import create_main_window
from guide_app.store.review_book import ReviewBook
from tests.helpers.content_kit import write_content
from tests.helpers.processes import export

pytestmark = pytest.mark.e2e


@pytest.fixture
def review_id(data_dir: Path) -> str:
    book = ReviewBook(data_dir)
    review = book.create("Spring review", "MSK physiotherapy", "2026-03-01")
    book.save_dirty()
    return review.id


def test_export_review_refuses_the_data_folders_own_review_file(
    data_dir: Path, review_id: str
) -> None:
    own = data_dir / "reviews" / f"{review_id}.json"
    before = own.read_bytes()
    result = export("Spring review", "md", own, data_dir=data_dir)
    assert result.returncode == 1
    assert "inside the guide's own data folder" in result.stderr
    assert own.read_bytes() == before


def test_export_review_refuses_a_place_reached_through_a_link_into_the_data_folder(
    tmp_path: Path, data_dir: Path, review_id: str
) -> None:
    shortcut = tmp_path / "shortcut"
    shortcut.symlink_to(data_dir, target_is_directory=True)
    result = export("Spring review", "csv", shortcut / "report.csv", data_dir=data_dir)
    assert result.returncode == 1
    assert "inside the guide's own data folder" in result.stderr
    assert not (data_dir / "report.csv").exists()


@pytest.mark.parametrize("kind", ["pipe", "link"])
def test_export_review_refuses_what_is_not_a_plain_file(
    tmp_path: Path, data_dir: Path, review_id: str, kind: str
) -> None:
    target = tmp_path / "out.md"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone else's", encoding="utf-8")
    if kind == "pipe":
        os.mkfifo(target)
    else:
        target.symlink_to(elsewhere)
    result = export("Spring review", "md", target, data_dir=data_dir)
    assert result.returncode == 1
    assert "not a plain file" in result.stderr
    assert target.is_fifo() if kind == "pipe" else target.is_symlink()
    assert elsewhere.read_text(encoding="utf-8") == "someone else's"


def test_a_plain_export_outside_the_data_folder_still_works(
    tmp_path: Path, data_dir: Path, review_id: str
) -> None:
    target = tmp_path / "report.md"
    result = export("Spring review", "md", target, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "Spring review" in target.read_text(encoding="utf-8")


def test_bookmarks_are_not_exported_over_the_bookmarks_file(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = create_main_window(write_content(tmp_path / "content"), data)
    qtbot.addWidget(window)
    window.bookmarks.add("alpha", "Alpha", note="mine")
    assert window.bookmark_control.saver.flush()
    own = data / "bookmarks.json"
    before = own.read_bytes()
    with pytest.raises(OSError, match="inside the guide's own data folder"):
        window.bookmark_control.export_to(data / "bookmarks.md")
    with pytest.raises(OSError, match="inside the guide's own data folder"):
        window.bookmark_control.export_to(own)
    assert own.read_bytes() == before
    assert not (data / "bookmarks.md").exists()


def test_an_export_is_readable_by_colleagues_while_the_data_stays_private(
    tmp_path: Path, data_dir: Path, review_id: str
) -> None:
    target = tmp_path / "report.md"
    result = export("Spring review", "md", target, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    mask = os.umask(0o022)
    os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~mask
    assert (data_dir / "reviews" / f"{review_id}.json").stat().st_mode & 0o777 == 0o600
