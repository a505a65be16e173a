"""`export-review --format review` and `import-review`, between two colleagues' data folders."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_exchange import shared_bytes, with_revision
from guide_app.store.review_place import ReviewPlace
from tests.helpers.editions import folder_hash
from tests.helpers.processes import run

pytestmark = pytest.mark.e2e
CRITERION = "people-see-a-consistent-clinician"


def write_notes(data: Path, review_id: str, text: str) -> None:
    book = ReviewBook(data)
    book.load()
    book.set_text(review_id, CRITERION, "notes", text)
    book.save_dirty()


def notes(data: Path, review_id: str) -> str:
    book = ReviewBook(data)
    book.load()
    return book.get(review_id).assessment(CRITERION).notes


def test_two_colleagues_send_merge_and_settle_a_clash(tmp_path: Path, data_dir: Path) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    book = ReviewBook(mine)
    review = book.create("Spring review")
    book.set_text(review.id, CRITERION, "notes", "Base")
    book.save_dirty()
    first, back = tmp_path / "first.guide-review", tmp_path / "back.guide-review"
    sent = run("export-review", review.id, "--format", "review", "--output", str(first),
               "--data-dir", str(mine), data_dir=data_dir)  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    added = run("import-review", str(first), "--data-dir", str(theirs), data_dir=data_dir)
    assert added.stdout.startswith("Added “Spring review” from first.guide-review")
    again = run("import-review", str(first), "--data-dir", str(theirs), data_dir=data_dir)
    assert again.stdout.startswith("Nothing new in first.guide-review")
    write_notes(mine, review.id, "Ours")
    write_notes(theirs, review.id, "Theirs")
    run("export-review", review.id, "--format", "review", "--output", str(back),
        "--data-dir", str(theirs), data_dir=data_dir)  # fmt: skip
    before = folder_hash(mine)
    refused = run("import-review", str(back), "--data-dir", str(mine), data_dir=data_dir)
    assert refused.returncode == 1  # no terminal to ask on, and no --prefer
    assert f"{CRITERION} notes: here 'Ours', theirs 'Theirs'" in refused.stderr
    assert folder_hash(mine) == before
    settled = run("import-review", str(back), "--prefer", "theirs", "--data-dir", str(mine),
                  data_dir=data_dir)  # fmt: skip
    assert settled.returncode == 0, settled.stderr
    assert "1 conflict(s) settled" in settled.stdout
    assert notes(mine, review.id) == "Theirs"
    assert list((mine / "backups").glob(f"{review.id}-*.json"))  # the version before is kept
    foreign = tmp_path / "notes.guide-review"
    foreign.write_text('{"bookmarks": []}', encoding="utf-8")
    wrong = run("import-review", str(foreign), "--data-dir", str(mine), data_dir=data_dir)
    assert wrong.returncode == 1
    assert "is not a review sent from the guide" in wrong.stderr


def test_reviews_in_a_shared_folder_from_the_command_line(tmp_path: Path, data_dir: Path) -> None:
    team, mine = tmp_path / "team", tmp_path / "mine"
    team.mkdir()
    told = run("review-folder", str(team), "--name", "Alex", "--data-dir", str(mine),
               data_dir=data_dir)  # fmt: skip
    assert told.returncode == 0, told.stderr
    assert f"Reviews are kept in {team} (shared)" in told.stdout
    assert "Colleagues see you as: Alex" in told.stdout
    missing = run("review-folder", str(tmp_path / "gone"), "--data-dir", str(mine),
                  data_dir=data_dir)  # fmt: skip
    assert missing.returncode == 1
    assert "cannot be reached" in missing.stderr

    sam = ReviewBook(tmp_path / "sam", place=ReviewPlace(team, "Sam"))  # Sam has it open
    sam.load()
    review = sam.create("Team review")
    sam.save_dirty()
    listed = run("reviews", "--data-dir", str(mine), data_dir=data_dir)
    assert listed.returncode == 0, listed.stderr
    assert "Team review" in listed.stdout
    theirs = tmp_path / "theirs.guide-review"
    other = ReviewBook(None)
    copy = other.create("Team review")
    other.set_text(copy.id, CRITERION, "notes", "Their notes")
    sent = replace(with_revision(other.get(copy.id)), id=review.id)
    theirs.write_bytes(shared_bytes(sent, "2026.2", "2026-12-04"))
    refused = run("import-review", str(theirs), "--prefer", "theirs", "--data-dir", str(mine),
                  data_dir=data_dir)  # fmt: skip
    assert refused.returncode == 1
    assert "Sam on " in refused.stderr
    assert "nothing was imported" in refused.stderr
    sam.close()
    local = run("review-folder", "--local", "--data-dir", str(mine), data_dir=data_dir)
    assert local.returncode == 0, local.stderr
    assert "(this computer)" in local.stdout
    assert "Team review" not in run("reviews", "--data-dir", str(mine), data_dir=data_dir).stdout
