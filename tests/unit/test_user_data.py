"""The one owner of user data and its save coordinator, without Qt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.review_book import ReviewBook
from guide_app.store.saving import SaveRegistry
from guide_app.store.user_data import BOOKMARKS, REVIEWS, UserData


def test_a_failed_save_is_kept_said_and_tried_again_later_each_time() -> None:
    attempts: list[str] = []

    def save() -> None:
        attempts.append("try")
        if len(attempts) < 4:
            raise OSError(28, "No space left on device")

    registry = SaveRegistry()
    entry = registry.register("bookmarks", save)
    entry.dirty = True
    delays = []
    for _ in range(3):
        assert not registry.flush()
        delays.append(entry.retry_after)
    assert delays == [5, 15, 60]
    assert entry.dirty
    assert entry.last_error == "No space left on device"
    assert registry.unsaved == ["bookmarks"]
    assert registry.flush()
    assert (entry.dirty, entry.failures, entry.last_error) == (False, 0, "")
    assert len(attempts) == 4
    assert registry.flush()  # nothing changed: nothing written
    assert len(attempts) == 4
    with pytest.raises(ValueError, match="registered already"):
        registry.register("bookmarks", save)


def test_one_failing_document_does_not_stop_the_other_being_saved() -> None:
    saved: list[str] = []
    registry = SaveRegistry()

    def fail() -> None:
        raise RuntimeError("a fault in our own code")

    registry.register("bookmarks", fail).dirty = True
    registry.register("service reviews", lambda: saved.append("reviews")).dirty = True
    assert not registry.flush()
    assert saved == ["reviews"]
    assert registry.unsaved == ["bookmarks"]


def test_both_stores_tell_their_changes_in_one_shape(tmp_path: Path) -> None:
    data = UserData(tmp_path)
    heard: list[tuple[str, str, str | None]] = []
    data.subscribe(lambda store, what, item: heard.append((store, what, item)))
    bookmark = data.bookmarks.add("alpha", "Alpha")
    review = data.reviews.create("Spring review")
    assert heard == [(BOOKMARKS, "added", bookmark.id), (REVIEWS, "added", review.id)]


def test_reviews_are_read_once_and_their_problems_told_once(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    kept = book.create("Kept")
    damaged = book.create("Damaged")
    book.save_dirty()
    path = tmp_path / "reviews" / f"{damaged.id}.json"
    path.write_text(path.read_text(encoding="utf-8")[:40], encoding="utf-8")
    data = UserData(tmp_path)
    assert not data.reviews_loaded
    problems = data.load_reviews()
    assert any(str(path) in problem for problem in problems)
    assert data.reviews_loaded
    assert kept.id in data.reviews
    assert data.load_reviews() == []  # told once, to whoever read them first


def test_flush_writes_bookmarks_and_reviews_to_their_files(tmp_path: Path) -> None:
    data = UserData(tmp_path, bookmark_file=BookmarkFile(tmp_path))
    data.bookmarks.add("alpha", "Alpha")
    review = data.reviews.create("Spring review")
    data.bookmark_saving.dirty = data.review_saving.dirty = True  # as the autosavers mark them
    assert data.flush()
    on_disk = json.loads((tmp_path / "bookmarks.json").read_text(encoding="utf-8"))
    assert [b["node_id"] for b in on_disk["bookmarks"]] == ["alpha"]
    assert (tmp_path / "reviews" / f"{review.id}.json").is_file()
    assert data.saving.unsaved == []
