"""A disk that is full, locked or read-only at any step of a save: nothing saved is lost."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow
from tests.reliability.disk_faults import (
    AFTER_RENAME,
    FAILING_STEPS,
    DiskFault,
    snapshot,
    temp_files,
)

CODES = {"disk full": errno.ENOSPC, "permission denied": errno.EACCES, "read-only": errno.EROFS}


class Bookmarks:
    """The bookmarks file, changed and saved as the app does."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.folder = data
        self.store = BookmarkStore()
        self.file = BookmarkFile(data)

    def change(self, n: int) -> str:
        self.store.add(f"page-{n}", f"Page {n}", note=f"note {n}")
        return f"page-{n}"

    def save(self) -> None:
        self.file.save(self.store)

    def in_memory(self) -> list[str]:
        return [b.node_id for b in self.store.bookmarks]

    def on_disk(self) -> list[str]:
        again = BookmarkStore()
        BookmarkFile(self.data).load_into(again)
        return [b.node_id for b in again.bookmarks]


class Reviews:
    """One review file, changed and saved as the app does."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.folder = data / "reviews"
        self.book = ReviewBook(data)
        self.id = self.book.create("Spring review").id

    def change(self, n: int) -> str:
        self.book.set_text(self.id, f"crit-{n}", "notes", f"note {n}")
        return f"crit-{n}"

    def save(self) -> None:
        self.book.save_dirty()

    def in_memory(self) -> list[str]:
        return sorted(self.book.get(self.id).assessments)

    def on_disk(self) -> list[str]:
        again = ReviewBook(self.data)
        assert again.load() == []
        return sorted(again.get(self.id).assessments)


TARGETS = {"bookmarks": Bookmarks, "review": Reviews}


@pytest.mark.parametrize("code", CODES.values(), ids=CODES)
@pytest.mark.parametrize("step", FAILING_STEPS)
@pytest.mark.parametrize("target", TARGETS)
def test_a_failed_save_raises_and_leaves_the_previous_file(
    tmp_path: Path, target: str, step: str, code: int
) -> None:
    saved = TARGETS[target](tmp_path)
    first = saved.change(0)
    saved.save()
    before = snapshot(tmp_path)
    second = saved.change(1)
    with pytest.MonkeyPatch.context() as patch:
        fault = DiskFault(saved.folder, step, code)
        fault.install(patch)
        with pytest.raises(OSError, match=errno_text(code)) as raised:
            saved.save()
    assert raised.value.errno == code  # the caller learns what went wrong
    assert fault.hits >= 1
    assert snapshot(tmp_path) == before  # the old file byte for byte; no temp file, no backup
    assert saved.in_memory() == [first, second]  # the change is kept
    if isinstance(saved, Reviews):
        assert saved.book.dirty  # and still to be saved
    assert saved.on_disk() == [first]
    saved.save()  # the disk is fine again: the same change is saved
    assert saved.on_disk() == [first, second]
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("code", CODES.values(), ids=CODES)
@pytest.mark.parametrize("step", AFTER_RENAME)
@pytest.mark.parametrize("target", TARGETS)
def test_after_the_rename_a_folder_sync_failure_does_not_fail_the_save(
    tmp_path: Path, target: str, step: str, code: int
) -> None:
    saved = TARGETS[target](tmp_path)
    saved.change(0)
    saved.save()
    saved.change(1)
    with pytest.MonkeyPatch.context() as patch:
        fault = DiskFault(saved.folder, step, code)
        fault.install(patch)
        saved.save()  # the new file is in place: some filesystems cannot sync a folder
    assert fault.hits == 1
    assert saved.on_disk() == saved.in_memory()
    assert temp_files(tmp_path) == []


@pytest.mark.parametrize("code", CODES.values(), ids=CODES)
@pytest.mark.parametrize("target", TARGETS)
def test_a_backup_that_cannot_be_written_does_not_fail_the_save(
    tmp_path: Path, target: str, code: int, caplog: pytest.LogCaptureFixture
) -> None:
    saved = TARGETS[target](tmp_path)
    saved.change(0)
    saved.save()
    backups = snapshot(tmp_path / "backups")
    saved.change(1)
    with pytest.MonkeyPatch.context() as patch:
        DiskFault(tmp_path / "backups", "create temp file", code).install(patch)
        saved.save()
    assert saved.on_disk() == saved.in_memory()
    assert snapshot(tmp_path / "backups") == backups
    assert "could not write a backup" in caplog.text
    assert temp_files(tmp_path) == []


# In the app ---------------------------------------------------------------------------


def saved_bookmarks(data: Path) -> list[str]:
    store = BookmarkStore()
    BookmarkFile(data).load_into(store)
    return [b.node_id for b in store.bookmarks]


def saved_reviews(data: Path) -> list[str]:
    book = ReviewBook(data)
    book.load()
    return sorted(r.name for r in book.reviews)


def window_with_saved_data(make_window: MakeWindow, kit_content: Path) -> MainWindow:
    """A window with a bookmark and a review already on disk."""
    window = make_window(kit_content)
    window.show()
    window.bookmarks.add("alpha", "Alpha")
    window.reviews.create_review("Saved review")
    assert window.flush_saves()
    return window


def test_a_failing_disk_is_reported_the_change_kept_and_saved_by_the_retry(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    window = window_with_saved_data(make_window, kit_content)
    before = snapshot(data_dir / "reviews") | snapshot(data_dir / "backups")
    marks, reviews = window.bookmark_control.saver, window.reviews.saver
    with pytest.MonkeyPatch.context() as patch:
        for folder in (data_dir, data_dir / "reviews"):
            DiskFault(folder, "rename", errno.ENOSPC).install(patch)
        bookmarks_before = (data_dir / "bookmarks.json").read_bytes()
        window.bookmarks.add("beta", "Beta")
        review = window.reviews.create_review("Unsaved review")
        with qtbot.waitSignals([marks.failed, reviews.failed], timeout=10_000) as failures:
            pass  # each saver tries soon after the change, and fails
        assert all("No space left on device" in str(f.args) for f in failures.all_signals_and_args)
        assert window.bookmark_control.warning.isVisible()
        assert "could not be saved" in window.statusBar().currentMessage()
        assert marks.dirty  # kept, to be saved again
        assert reviews.dirty
        assert [b.node_id for b in window.bookmarks.bookmarks] == ["alpha", "beta"]
        assert review.id in window.reviews.book
        assert (data_dir / "bookmarks.json").read_bytes() == bookmarks_before
        assert snapshot(data_dir / "reviews") | snapshot(data_dir / "backups") == before
    # The disk is fine again: the waiting retry saves both, with nobody doing anything.
    with qtbot.waitSignals([marks.saved, reviews.saved], timeout=30_000):
        pass
    assert not window.bookmark_control.warning.isVisible()
    assert saved_bookmarks(data_dir) == ["alpha", "beta"]
    assert saved_reviews(data_dir) == ["Saved review", "Unsaved review"]
    assert temp_files(data_dir) == []


@pytest.mark.parametrize(
    ("step", "code"),
    [("create temp file", errno.EACCES), ("write", errno.ENOSPC), ("fsync", errno.EROFS)],
)
def test_every_kind_of_failure_reaches_the_user(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path, step: str, code: int
) -> None:
    window = window_with_saved_data(make_window, kit_content)
    before = snapshot(data_dir)
    review_id = window.reviews.current_id()
    assert review_id is not None
    with pytest.MonkeyPatch.context() as patch:
        for folder in (data_dir, data_dir / "reviews"):
            DiskFault(folder, step, code).install(patch)
        window.bookmarks.add("beta", "Beta")
        window.reviews.book.set_status(review_id, "crit-one", Status.MET)
        for saver in (window.bookmark_control.saver, window.reviews.saver):
            with qtbot.waitSignal(saver.failed) as failure:
                assert not saver.flush()
            assert failure.args is not None
            assert "could not be saved (" in failure.args[0]
            assert f"{errno_text(code)})." in failure.args[0]
        assert window.bookmark_control.warning.isVisible()
        assert errno_text(code) in window.bookmark_control.warning.toolTip()
        assert snapshot(data_dir) == before
    assert window.flush_saves()
    assert saved_bookmarks(data_dir) == ["alpha", "beta"]
    book = ReviewBook(data_dir)
    book.load()
    assert book.get(review_id).assessment("crit-one").status is Status.MET


def errno_text(code: int) -> str:
    return {
        errno.EACCES: "Permission denied",
        errno.ENOSPC: "No space left on device",
        errno.EROFS: "Read-only file system",
    }[code]


def test_quitting_while_the_disk_fails_logs_it_and_keeps_the_last_saved_files(
    qtbot: QtBot,
    make_window: MakeWindow,
    kit_content: Path,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    window = window_with_saved_data(make_window, kit_content)
    before = snapshot(data_dir / "reviews") | {"b": (data_dir / "bookmarks.json").read_bytes()}
    with pytest.MonkeyPatch.context() as patch:
        for folder in (data_dir, data_dir / "reviews"):
            DiskFault(folder, "rename", errno.EROFS).install(patch)
        window.bookmarks.add("beta", "Beta")
        window.reviews.create_review("Unsaved review")
        assert not window.flush_saves()  # what the crash handler calls: says it failed
        assert [b.node_id for b in window.bookmarks.bookmarks] == ["alpha", "beta"]
        window.close()  # offscreen nobody can answer "try again?": it logs and closes
        assert not window.isVisible()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert "closing with unsaved bookmarks: Read-only file system" in errors
    assert "closing with unsaved service reviews: “Unsaved review”: Read-only file system" in errors
    after = snapshot(data_dir / "reviews") | {"b": (data_dir / "bookmarks.json").read_bytes()}
    assert after == before  # the last saved versions are whole
    assert temp_files(data_dir) == []
    assert saved_bookmarks(data_dir) == ["alpha"]
    assert saved_reviews(data_dir) == ["Saved review"]


def test_a_review_whose_backup_cannot_be_written_is_not_deleted(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    window = window_with_saved_data(make_window, kit_content)
    view = window.reviews
    review_id = view.current_id()
    assert review_id is not None
    before = snapshot(data_dir / "reviews")
    with pytest.MonkeyPatch.context() as patch:
        DiskFault(data_dir / "backups", "create temp file", errno.ENOSPC).install(patch)
        with qtbot.waitSignal(view.message) as told:
            view.delete_review(review_id)  # used to raise out of the button's slot
    assert told.args is not None
    assert "not deleted" in told.args[0]
    assert "No space left on device" in told.args[0]
    assert review_id in view.book
    assert view.list.count() == 1
    assert snapshot(data_dir / "reviews") == before
    view.delete_review(review_id)  # the disk is fine again
    assert view.list.count() == 0
    assert list((data_dir / "backups").glob(f"{review_id}-deleted-*.json"))
