"""`export-review --format review` and `import-review`, between two colleagues' data folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_app.store.review_book import ReviewBook
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
