"""Nothing is written through a link out of the data folder: settings, log, backups, reviews."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from guide_app.shell import logs
from guide_app.shell.app import create_main_window
from guide_app.shell.instance import InstanceGuard
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status
from tests.helpers.content_kit import write_content

OLD_STYLE_BACKUP = "bookmarks-20260101T000000{:06d}Z.json"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_linked_settings_file_keeps_its_target_and_the_user_is_told(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    elsewhere = tmp_path / "elsewhere.ini"
    elsewhere.write_text("[notes]\nmine=do not touch\n", encoding="utf-8")
    data_dir.mkdir(parents=True)
    (data_dir / "settings.ini").symlink_to(elsewhere)
    window = create_main_window(write_content(tmp_path / "content"), data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblems") is not None)
    told = window.findChild(QMessageBox, "dataProblems")
    assert isinstance(told, QMessageBox)
    assert "settings.ini" in told.text()
    assert "link" in told.text()
    window.save_state()  # what quitting does
    assert elsewhere.read_text(encoding="utf-8") == "[notes]\nmine=do not touch\n"
    assert (data_dir / "settings.ini").is_symlink()


def test_settings_are_still_saved_as_a_plain_file(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = create_main_window(write_content(tmp_path / "content"), data, "alpha")
    qtbot.addWidget(window)
    window.save_state()
    saved = data / "settings.ini"
    assert saved.is_file()
    assert not saved.is_symlink()
    assert "last_page=alpha" in saved.read_text(encoding="utf-8")


def test_a_linked_log_file_is_not_appended_to(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("precious\n", encoding="utf-8")
    log_file = tmp_path / "data" / "logs" / "guide-app.log"
    log_file.parent.mkdir(parents=True)
    log_file.symlink_to(elsewhere)
    try:
        assert logs.setup(verbose=False, log_file=log_file) is None  # stderr only
        logging.getLogger("hostile").warning("this line must not reach the link's target")
    finally:
        logs.setup(verbose=False)
    assert elsewhere.read_text(encoding="utf-8") == "precious\n"


def test_a_linked_logs_folder_is_not_written_into(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "logs").symlink_to(elsewhere, target_is_directory=True)
    try:
        assert logs.setup(verbose=False, log_file=tmp_path / "data/logs/guide-app.log") is None
        logging.getLogger("hostile").warning("this line must not reach the linked folder")
    finally:
        logs.setup(verbose=False)
    assert list(elsewhere.iterdir()) == []


def test_backup_rotation_deletes_nothing_in_a_linked_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for n in range(12):  # names the rotation would take for old backups of its own
        (elsewhere / OLD_STYLE_BACKUP.format(n)).write_text(f"someone else's file {n}")
    before = snapshot(elsewhere)
    data = tmp_path / "data"
    data.mkdir()
    (data / "backups").symlink_to(elsewhere, target_is_directory=True)
    store = BookmarkStore()
    store.add("area-one", "Area one")
    BookmarkFile(data).save(store)  # the bookmarks are saved; no backup goes through the link
    assert snapshot(elsewhere) == before
    assert json.loads((data / "bookmarks.json").read_text())["bookmarks"][0]["node_id"] == (
        "area-one"
    )


def test_a_linked_reviews_folder_is_neither_renamed_nor_replaced(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    review_id = "a" * 32
    (elsewhere / f"{review_id}.json").write_text("{damaged", encoding="utf-8")
    (elsewhere / f"{'b' * 32}.json").write_text(
        json.dumps({"schema_version": 1, "id": "b" * 32, "name": "Theirs"}), encoding="utf-8"
    )
    before = snapshot(elsewhere)
    data = tmp_path / "data"
    data.mkdir()
    (data / "reviews").symlink_to(elsewhere, target_is_directory=True)
    book = ReviewBook(data)
    messages = book.load()
    assert any("reviews" in m and "link" in m for m in messages), messages
    for review in book.reviews:
        book.set_status(review.id, "crit-one", Status.MET)
    new = book.create("New review")
    with pytest.raises(OSError, match="link"):
        book.save_dirty()
    assert snapshot(elsewhere) == before
    assert new.id in book  # still in memory, to be exported or saved once the folder is fixed


def test_a_linked_backups_folder_is_named_to_the_user_at_start(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data_dir.mkdir(parents=True)
    (data_dir / "backups").symlink_to(elsewhere, target_is_directory=True)
    window = create_main_window(write_content(tmp_path / "content"), data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblems") is not None)
    told = window.findChild(QMessageBox, "dataProblems")
    assert isinstance(told, QMessageBox)
    assert f"{data_dir / 'backups'} is a link to somewhere else, not a folder" in told.text()
    window.bookmarks.add("alpha", "Alpha")
    assert window.bookmark_control.saver.flush()  # saved; only the backup is not made
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["bookmarks.json", "settings.ini", "reviews", "backups", "logs", "cache", "requests"]
)
def test_any_entry_linked_out_of_the_data_folder_is_left_alone(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, name: str
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "theirs.txt").write_text("not the guide's", encoding="utf-8")
    target = elsewhere if "." not in name else elsewhere / "theirs.txt"
    data_dir.mkdir(parents=True)
    (data_dir / name).symlink_to(target, target_is_directory=target.is_dir())
    guard = InstanceGuard(data_dir)
    assert guard.acquire()  # a linked requests folder: later starts cannot ask, no more
    try:
        window = create_main_window(write_content(tmp_path / "content"), data_dir, root=guard.root)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblems") is not None)
        told = window.findChild(QMessageBox, "dataProblems")
        assert isinstance(told, QMessageBox)
        if name not in ("reviews", "requests"):  # reviews: said when they are first read
            assert str(data_dir / name) in told.text()
        if not window.bookmarks.read_only:  # a linked bookmarks.json is shown read-only
            window.bookmarks.add("alpha", "Alpha")
        window.bookmark_control.saver.flush()
        window.reviews.book.create("A review")
        window.reviews.saver.flush()
        window.save_state()
        window.search.prepare()
        qtbot.waitUntil(lambda: window.search.index is not None, timeout=10_000)
    finally:
        guard.release()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["theirs.txt"]
    assert (elsewhere / "theirs.txt").read_text(encoding="utf-8") == "not the guide's"
    assert (data_dir / name).is_symlink()
