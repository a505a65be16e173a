"""Edits are never lost to one odd character, one bad review, a kill, a clock or a moved folder."""

from __future__ import annotations

import datetime
import json
import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from guide_app.shell.app import create_main_window
from guide_app.store.bookmark_file import BookmarkFile, export_json, import_json, merge
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.documents import ReadOnlyError, Status
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status as Assessed
from guide_app.store.saving import Saveable
from guide_app.ui.autosave import AutoSaver, flush_or_ask
from tests.helpers.content_kit import write_content

LONE = "\ud800"  # valid JSON ("\\ud800"), but no UTF-8 encoder takes it


def review_file(review_id: str, name: str, notes: str) -> str:
    """A review file as the app writes it, with `notes` on one criterion (JSON-escaped)."""
    return json.dumps(
        {
            "schema_version": 1,
            "id": review_id,
            "name": name,
            "service": "",
            "date": "",
            "people": "",
            "created": "2026-01-01T00:00:00+00:00",
            "changed": "2026-01-01T00:00:00+00:00",
            "started_from": "",
            "assessments": {
                "crit-one": {
                    "status": "met",
                    "reason": "",
                    "notes": notes,
                    "evidence": "",
                    "actions": [],
                    "changed": "2026-01-01T00:00:00+00:00",
                }
            },
        },
        indent=2,
    )


# 5. One odd character ----------------------------------------------------------------------


def test_an_imported_lone_surrogate_does_not_stop_later_saves(tmp_path: Path) -> None:
    theirs = BookmarkStore()
    theirs.add("alpha", "Alpha", note="fine")
    exported = export_json(theirs).replace(b"fine", b"odd \\ud800 text")  # as JSON allows
    mine = BookmarkStore()
    merge(mine, *import_json(exported))
    file = BookmarkFile(tmp_path)
    file.save(mine)  # the import itself is saved
    mine.add("beta", "Beta", note="a later edit")
    file.save(mine)
    again = BookmarkStore()
    assert file.load_into(again).status is Status.OK
    assert [b.note for b in again.bookmarks] == ["odd \ufffd text", "a later edit"]


def test_a_review_with_a_lone_surrogate_does_not_stop_the_reviews_after_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    first, second = "a" * 32, "b" * 32
    (folder / f"{first}.json").write_text(review_file(first, "Odd", f"x {LONE} y"), "utf-8")
    (folder / f"{second}.json").write_text(review_file(second, "Later", "fine"), "utf-8")
    book = ReviewBook(tmp_path)
    book.load()
    book.set_text(first, "crit-one", "evidence", "edited")
    book.set_text(second, "crit-one", "notes", "edited later")
    book.save_dirty()
    again = ReviewBook(tmp_path)
    assert again.load() == []
    assert again.get(first).assessment("crit-one").notes == "x \ufffd y"
    assert again.get(second).assessment("crit-one").notes == "edited later"


def test_typed_lone_surrogates_are_saved(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = create_main_window(write_content(tmp_path / "content"), data)
    qtbot.addWidget(window)
    window.bookmarks.add("alpha", f"Alpha{LONE}", note=f"typed {LONE} here")
    assert window.bookmark_control.saver.flush()
    saved = json.loads((data / "bookmarks.json").read_text(encoding="utf-8"))
    assert saved["bookmarks"][0]["note"] == "typed \ufffd here"


def test_any_kind_of_save_failure_is_shown_and_retried(qtbot: QtBot) -> None:
    attempts: list[int] = []

    def save() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise ValueError("a fault in the code, not the disk")

    saver = AutoSaver(Saveable("bookmarks", save))
    saver.changed()
    with qtbot.waitSignal(saver.failed) as failure:
        assert not saver.flush()
    assert failure.args is not None
    assert "a fault in the code, not the disk" in failure.args[0]
    assert saver.dirty  # kept, to be saved again
    assert saver.flush()
    assert len(attempts) == 2


def test_quitting_with_a_failing_save_is_logged_never_silent(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def save() -> None:
        raise UnicodeEncodeError("utf-8", "x", 0, 1, "surrogates not allowed")

    parent = QWidget()
    qtbot.addWidget(parent)
    saver = AutoSaver(Saveable("service reviews", save))
    saver.changed()
    with caplog.at_level(logging.ERROR):
        assert flush_or_ask(parent, saver, "the data folder")  # offscreen: nobody to ask
    assert any("closing with unsaved service reviews" in r.getMessage() for r in caplog.records)


# 6. One review that cannot be written ------------------------------------------------------


def test_a_review_that_cannot_be_written_does_not_block_the_others(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    first = book.create("First")
    later = [book.create(f"Later {n}") for n in range(3)]
    book.save_dirty()
    blocked = min([first, *later], key=lambda r: r.id)  # saved first, in id order
    for review in (first, *later):
        book.set_status(review.id, "crit-one", Assessed.MET)
    path = tmp_path / "reviews" / f"{blocked.id}.json"
    path.unlink()
    path.mkdir()  # this one file cannot be replaced
    with pytest.raises(OSError, match=blocked.name):
        book.save_dirty()
    assert book.dirty  # the blocked one stays in memory, to be tried again
    again = ReviewBook(tmp_path)
    again.load()
    for review in (first, *later):
        if review.id != blocked.id:
            assert again.get(review.id).assessment("crit-one").status is Assessed.MET


# 7. Rescued records ------------------------------------------------------------------------


def test_what_is_rescued_is_on_disk_before_the_damaged_file_moves(tmp_path: Path) -> None:
    store = BookmarkStore()
    store.add("alpha", "Alpha", note="keep me")
    store.add("beta", "Beta", note="and me")
    file = BookmarkFile(tmp_path)
    file.save(store)
    path = tmp_path / "bookmarks.json"
    whole = path.read_bytes()
    path.write_bytes(whole[:-5])  # cut short: both records are whole, the file is not
    loaded = BookmarkFile(tmp_path).load_into(BookmarkStore())
    assert loaded.status is Status.DAMAGED
    # The app is killed now, before any save: the next start still has both bookmarks.
    after_kill = BookmarkStore()
    assert BookmarkFile(tmp_path).load_into(after_kill).status is Status.OK
    assert [b.note for b in after_kill.bookmarks] == ["keep me", "and me"]


# 8. A criterion that appears twice -------------------------------------------------------


@pytest.mark.parametrize(
    "second",
    [
        '{"status": "not-a-status", "notes": "damaged"}',
        '{"status": "not-met", "notes": "the other copy"}',
    ],
)
def test_a_repeated_criterion_keeps_the_first_intact_record_and_says_so(
    tmp_path: Path, second: str
) -> None:
    review_id = "c" * 32
    text = review_file(review_id, "Twice", "intact")
    head, tail = text.rsplit("\n    }\n  }\n}", 1)
    (tmp_path / "reviews").mkdir()
    path = tmp_path / "reviews" / f"{review_id}.json"
    path.write_text(f'{head}\n    }},\n    "crit-one": {second}\n  }}\n}}{tail}', "utf-8")
    original = path.read_bytes()
    book = ReviewBook(tmp_path)
    messages = book.load()
    assert book.get(review_id).assessment("crit-one").notes == "intact"
    assert any("crit-one" in m and "more than once" in m for m in messages), messages
    (aside,) = (tmp_path / "reviews").glob("*.corrupt-*")
    assert aside.read_bytes() == original  # the other record is kept there


# 9. A newer file that arrives while the app runs -----------------------------------------


def test_a_newer_file_arriving_later_is_never_overwritten(tmp_path: Path) -> None:
    store = BookmarkStore()
    store.add("alpha", "Alpha")
    file = BookmarkFile(tmp_path)
    file.save(store)
    newer = json.dumps({"folders": [], "bookmarks": [], "future": 1, "schema_version": 9})
    (tmp_path / "bookmarks.json").write_text(newer, encoding="utf-8")  # version not first
    store.add("beta", "Beta")
    with pytest.raises(ReadOnlyError, match="newer version"):
        file.save(store)
    assert (tmp_path / "bookmarks.json").read_text(encoding="utf-8") == newer


# 10. A clock that stands still or goes back ------------------------------------------------


class _Clock:
    """Stands in for datetime.datetime (the stdlib, not our code) with a settable time."""

    moment = datetime.datetime(2026, 6, 1, 12, 0, tzinfo=datetime.UTC)

    @classmethod
    def install(cls, patch: pytest.MonkeyPatch) -> None:
        real = datetime.datetime

        class Frozen(real):  # type: ignore[misc,valid-type]
            @classmethod
            def now(cls_, tz: datetime.tzinfo | None = None) -> datetime.datetime:  # noqa: N804
                return cls.moment if tz is None else cls.moment.astimezone(tz)

        patch.setattr(datetime, "datetime", Frozen)


def test_a_frozen_clock_never_overwrites_a_set_aside_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _Clock.install(monkeypatch)
    path = tmp_path / "bookmarks.json"
    for damage in (b"{first damage", b"{second damage"):
        path.write_bytes(damage)
        assert BookmarkFile(tmp_path).load_into(BookmarkStore()).status is Status.DAMAGED
    kept = sorted(p.read_bytes() for p in tmp_path.glob("bookmarks.json.corrupt-*"))
    assert kept == [b"{first damage", b"{second damage"]


def test_backups_survive_a_clock_that_goes_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _Clock.install(monkeypatch)
    store = BookmarkStore()
    file = BookmarkFile(tmp_path)
    for n in range(10):
        store.add(f"page-{n}", f"Page {n}")
        file.save(store)
    _Clock.moment = _Clock.moment.replace(year=2025)  # the clock is set back a year
    store.add("after", "After the clock went back")
    file.save(store)
    newest = json.loads(file.document.backups()[-1].read_text(encoding="utf-8"))
    assert newest["bookmarks"][-1]["node_id"] == "after"
    assert len(file.document.backups()) == 10
    store.add("later", "Later still")
    file.save(store)
    notes = [json.loads(p.read_text())["bookmarks"][-1]["node_id"] for p in file.document.backups()]
    assert notes[-2:] == ["after", "later"]


# 11. The data folder moved away while running ----------------------------------------------


def test_a_data_folder_moved_away_is_not_made_again(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "data"
    window = create_main_window(write_content(tmp_path / "content"), data)
    qtbot.addWidget(window)
    window.bookmarks.add("alpha", "Alpha")
    assert window.bookmark_control.saver.flush()
    shutil.move(data, tmp_path / "moved")
    window.bookmarks.add("beta", "Beta")
    assert not window.bookmark_control.saver.flush()  # shown and retried, never written
    assert "moved" in window.bookmark_control.saver.last_error
    assert not data.exists()
    assert [b.node_id for b in window.bookmarks.bookmarks] == ["alpha", "beta"]


def test_a_review_that_cannot_be_saved_keeps_a_warning_in_view(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    window = create_main_window(write_content(tmp_path / "content"), data)
    qtbot.addWidget(window)
    view = window.reviews
    review = view.book.create("Blocked")
    assert view.saver.flush()
    path = data / "reviews" / f"{review.id}.json"
    path.unlink()
    path.mkdir()
    view.book.set_status(review.id, "crit-one", Assessed.MET)
    assert not view.saver.flush()
    assert view.unsaved.isVisibleTo(view)
    assert "Blocked" in view.unsaved.accessibleDescription()
    path.rmdir()
    assert view.saver.flush()
    assert not view.unsaved.isVisibleTo(view)
