"""Killing the process at any moment while a review is saved never leaves it broken or older."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Review
from tests.helpers.repo import REPO

pytestmark = pytest.mark.e2e
KILLS = int(os.environ.get("GUIDE_APP_KILLS", "20"))  # the release run uses 200
LOOP = REPO / "tests" / "e2e" / "save_loop.py"


def run_and_kill(data: Path, rng: random.Random) -> int:
    """Start the review save loop, let it finish a few saves, kill it; return saves completed."""
    completed = 0
    with subprocess.Popen(
        [sys.executable, str(LOOP), str(data), "reviews"],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ) as process:
        assert process.stdout is not None
        for _ in range(rng.randint(1, 6)):
            line = process.stdout.readline()
            assert line, "the save loop stopped on its own"
            completed = int(line)
        time.sleep(rng.uniform(0, 0.004))  # land the kill anywhere in the next save
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        for line in process.stdout.read().split():
            completed = int(line)  # saves that completed before the kill landed
    return completed


def test_sigkill_during_review_saves_keeps_the_last_completed_save(data_dir: Path) -> None:
    rng = random.Random(20261127)
    last_completed = 0
    for _ in range(KILLS):
        last_completed = max(last_completed, run_and_kill(data_dir, rng))
        (path,) = (data_dir / "reviews").glob("*.json")  # one review, never a second one
        document = json.loads(path.read_text(encoding="utf-8"))  # whole: never half written
        review, bad = Review.from_payload(document)
        assert bad == 0
        assert review.id == path.stem
        saved = len(review.assessments)
        assert last_completed <= saved <= last_completed + 1  # the last save, or the one after
        assert sorted(review.assessments) == sorted(f"crit-{n}" for n in range(saved))
        for n in range(saved):
            assert review.assessment(f"crit-{n}").notes.startswith(f"{n}: ")
        last_completed = saved
    book = ReviewBook(data_dir)
    assert book.load() == []  # the next start finds nothing damaged
    assert len(book.reviews) == 1
    assert list(data_dir.rglob("*.corrupt-*")) == []
    assert len(list((data_dir / "backups").glob(f"{path.stem}-*.json"))) <= 10
    assert list(data_dir.rglob("*.tmp")) == []  # what killed saves left is cleared at start
    print(f"reviews: {KILLS} kills; {last_completed} saves acknowledged, all kept")


def test_temporary_files_of_a_killed_backup_are_cleared_at_start(data_dir: Path) -> None:
    book = ReviewBook(data_dir)
    review = book.create("Review")
    book.save_dirty()
    backups = data_dir / "backups"
    left = [
        backups / f".{review.id}-20261126T145620671577Z.json.0ulo6t7_.tmp",
        backups / ".bookmarks-20261126T145620671577Z.json.x1y2z3.tmp",
    ]
    other = backups / ".someone-else.json.abc.tmp"
    for path in (*left, other):
        path.write_text("half a backup")
    assert ReviewBook(data_dir).load(inspect_only=True) == []  # the command line touches nothing
    assert all(path.exists() for path in left)
    assert ReviewBook(data_dir).load() == []
    assert not left[0].exists()
    BookmarkFile(data_dir).load_into(BookmarkStore())
    assert not left[1].exists()
    assert other.exists()  # not ours: left alone
