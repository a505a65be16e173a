"""Reviews kept in a folder a team shares: locks, stale locks, saving merged, the setting."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_files import ReviewFiles
from guide_app.store.review_lock import Holder, ReviewLocks, this_computer
from guide_app.store.review_place import (
    PlaceError,
    ReviewPlace,
    checked_folder,
    read_place,
    write_place,
)
from guide_app.store.reviews import Assessment, ReviewError, Status
from guide_app.store.shared_saving import JOINER, BusyError, saving_turn

A, B = "crit-one", "crit-two"


class Clock:
    """A monotonic clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def book_for(tmp_path: Path, who: str, shared: Path) -> ReviewBook:
    """One colleague's guide: their own data folder, the team's shared review folder."""
    book = ReviewBook(tmp_path / f"data-{who}", place=ReviewPlace(shared, who))
    assert book.load() == []
    return book


def test_a_review_open_on_one_computer_is_read_only_on_another_until_closed(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "team"
    shared.mkdir()
    sam = book_for(tmp_path, "Sam", shared)
    review = sam.create("Spring review", "MSK", "2026-03-01")
    sam.set_status(review.id, A, Status.MET)
    sam.save_dirty()
    assert (shared / f"{review.id}.json").is_file()
    assert (shared / f"{review.id}.lock").is_file()

    alex = book_for(tmp_path, "Alex", shared)
    assert alex.get(review.id).assessment(A).status is Status.MET
    holder = alex.open_review(review.id)
    assert holder is not None
    assert holder.who == "Sam"
    assert holder.label == f"Sam on {this_computer()}"
    assert alex.read_only(review.id)
    with pytest.raises(ReviewError, match=r"Sam on .* has “Spring review” open"):
        alex.set_status(review.id, B, Status.NOT_MET)
    with pytest.raises(ReviewError, match="open"):
        alex.delete(review.id)

    sam.set_text(review.id, A, "notes", "Checked ten records")
    sam.save_dirty()
    sam.close()  # the window closes: the lock is given back
    assert not (shared / f"{review.id}.lock").exists()
    assert alex.keep_alive(review.id) == []
    assert not alex.read_only(review.id)
    assert alex.get(review.id).assessment(A).notes == "Checked ten records"  # read again
    alex.set_status(review.id, B, Status.NOT_MET)
    alex.save_dirty()
    assert sam.open_review(review.id) is not None  # now Sam sees Alex has it


def test_a_lock_whose_heartbeat_stops_goes_stale_and_a_live_one_does_not(
    tmp_path: Path,
) -> None:
    clock = Clock()
    crashed = ReviewLocks(tmp_path, "Sam")
    alive = ReviewLocks(tmp_path, "Kim")
    other = ReviewLocks(tmp_path, "Alex", stale_s=150, clock=clock)
    assert crashed.take("r1") is None
    assert alive.take("r2") is None
    # Both locks were written by this process, which runs: only the heartbeat tells.
    assert other.take("r1") is not None
    assert other.take("r2") is not None
    clock.now += 100
    assert alive.beat() == []  # Kim's guide is alive; Sam's PC has crashed and beats no more
    clock.now += 60
    assert other.other_holder("r2") is not None  # it moved 60 s ago
    assert other.other_holder("r1") is None  # still for 160 s: stale
    assert other.take("r1") is None  # taken over
    assert crashed.beat() == ["r1"]  # Sam's PC wakes: it has lost the lock, and says so
    assert not crashed.holds("r1")


def test_a_lock_left_by_a_process_that_ended_on_this_computer_is_stale_at_once(
    tmp_path: Path,
) -> None:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    left = Holder("Sam", this_computer(), int(ended.stdout), 1.0, 9e12, 3, "abc")
    (tmp_path / "r1.lock").write_bytes(left.to_bytes())
    assert ReviewLocks(tmp_path, "Alex").take("r1") is None
    # A lock whose own time is over an hour old is stale too, from any computer.
    old = Holder("Kim", "PC-12", 1, 1.0, 1.0, 3, "def")
    (tmp_path / "r2.lock").write_bytes(old.to_bytes())
    assert ReviewLocks(tmp_path, "Alex").take("r2") is None
    # A lock file that cannot be read is held by "someone" until it too stops changing.
    (tmp_path / "r3.lock").write_bytes(b"\x00 not a lock")
    found = ReviewLocks(tmp_path, "Alex").take("r3")
    assert found is not None
    assert found.label == "someone on another computer"


def files_for(tmp_path: Path, who: str, shared: Path) -> ReviewFiles:
    """One colleague's review files in the shared folder (what their guide saves through)."""
    return ReviewFiles(tmp_path / f"data-{who}", shared=shared, who=who)


def test_saves_from_two_computers_are_merged_and_nothing_is_lost(tmp_path: Path) -> None:
    shared = tmp_path / "team"
    shared.mkdir()
    first = book_for(tmp_path, "Sam", shared)
    review = first.create("Spring review")
    first.set_text(review.id, A, "notes", "Start")
    first.save_dirty()
    first.close()
    sam, alex = files_for(tmp_path, "Sam", shared), files_for(tmp_path, "Alex", shared)
    theirs, _, _ = sam.load()
    mine, _, _ = alex.load()
    sams = theirs[review.id]
    sams = sams.with_assessment(A, Assessment(notes="Sam's notes"))
    sams = sams.with_assessment(B, Assessment(status=Status.MET))
    assert sam.save({review.id: sams}, {review.id}) == {}  # nothing new on disk
    alexs = mine[review.id]
    alexs = alexs.with_assessment(A, Assessment(notes="Alex's notes"))
    saved = alex.save({review.id: alexs}, {review.id})
    merged = saved[review.id]
    assert merged.assessment(A).notes == f"Alex's notes{JOINER}Sam's notes"
    assert merged.assessment(B).status is Status.MET
    assert merged.history == alexs.history  # a save is not a revision: the file stays small
    on_disk = json.loads((shared / f"{review.id}.json").read_text())
    assert on_disk["assessments"][B]["status"] == "met"
    kept = list((shared / "backups").glob(f"{review.id}-theirs-*.json"))
    assert len(kept) == 1
    assert "Sam's notes" in kept[0].read_text()


def test_a_save_waits_its_turn_and_a_turn_left_by_a_crash_is_cleared(tmp_path: Path) -> None:
    path = tmp_path / "r1.json"
    with (
        saving_turn(path),
        pytest.raises(BusyError, match="another computer is saving"),
        saving_turn(path, wait_s=0.1, stale_s=60),
    ):
        pass
    assert not (tmp_path / "r1.json.saving").exists()
    (tmp_path / "r1.json.saving").write_bytes(b"")  # a crash in the middle of a save
    with saving_turn(path, wait_s=5, stale_s=0.05):
        assert (tmp_path / "r1.json.saving").exists()
    assert not (tmp_path / "r1.json.saving").exists()


def test_two_processes_saving_one_review_at_once_lose_nothing(tmp_path: Path) -> None:
    shared = tmp_path / "team"
    shared.mkdir()
    first = book_for(tmp_path, "Sam", shared)
    review = first.create("Spring review")
    first.save_dirty()
    first.close()
    script = Path(__file__).with_name("shared_save_loop.py")
    runs = [
        subprocess.Popen(
            [sys.executable, str(script), str(tmp_path), who, str(shared), review.id, "25"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
        for who in ("Sam", "Alex")
    ]  # fmt: skip
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert out.strip() == "25"
    final = ReviewFiles(tmp_path / "reader", shared=shared)
    reviews, _, messages = final.load(inspect_only=True)
    assert messages == []
    saved = reviews[review.id]
    for who in ("Sam", "Alex"):
        actions = [a.what for a in saved.assessment(f"crit-{who}").actions]
        assert actions == [f"{who} {n}" for n in range(25)]
        assert f"{who} was here" in saved.assessment("crit-both").notes
    assert list((shared / "backups").glob(f"{review.id}-theirs-*.json"))  # a save was merged


def test_the_setting_is_kept_and_a_folder_is_checked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    assert read_place(data) == (ReviewPlace(), "")
    team = tmp_path / "team"
    team.mkdir()
    write_place(data, ReviewPlace(checked_folder(str(team), data), "Sam J"))
    assert read_place(data) == (ReviewPlace(team, "Sam J"), "")
    with pytest.raises(PlaceError, match="cannot be reached"):
        checked_folder(str(tmp_path / "missing"), data)
    (data / "reviews").mkdir()
    with pytest.raises(PlaceError, match="inside the guide's own data folder"):
        checked_folder(str(data / "reviews"), data)
    with pytest.raises(PlaceError, match="full path"):
        checked_folder("team", data)


def test_a_shared_folder_that_is_gone_is_not_made_again(tmp_path: Path) -> None:
    shared = tmp_path / "team"
    shared.mkdir()
    book = book_for(tmp_path, "Sam", shared)
    review = book.create("Spring review")
    shared.rename(tmp_path / "moved")  # the network drive is unplugged
    with pytest.raises(OSError, match="Spring review"):
        book.save_dirty()
    assert not shared.exists()
    assert book.dirty  # kept in memory, saved when the folder is back
    assert book.get(review.id).name == "Spring review"
