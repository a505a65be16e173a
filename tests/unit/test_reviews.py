"""Service reviews without Qt: editing, saving, damage, newer files, summaries and comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_app.guide.load.loader import load_guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_summary import Outcome, compare, not_in_edition, rows, summarise
from guide_app.store.reviews import Review, ReviewError, Status
from tests.helpers.content_kit import write_content


@pytest.fixture
def guide(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_guide(write_content(tmp_path / "content"))


def reopened(data_dir: Path) -> ReviewBook:
    book = ReviewBook(data_dir)
    assert book.load() == []
    return book


def test_create_assess_save_and_load(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    seen: list[tuple[str, str]] = []
    book.subscribe(lambda what, review_id: seen.append((review_id, what)))
    review = book.create("Spring review", "MSK physio", "2026-03-01", "AB, CD")
    book.set_status(review.id, "crit-one", Status.PARTLY_MET)
    book.set_text(review.id, "crit-one", "notes", "Asked at first visit, not recorded.")
    book.set_text(review.id, "crit-one", "evidence", "Audit of 10 records")
    action = book.add_action(review.id, "crit-one", "Add a mood question", "AB", "2026-04-01")
    book.update_action(review.id, "crit-one", action.id, done=True)
    book.set_status(review.id, "crit-two", Status.NOT_APPLICABLE, reason="No local services")
    assert [w for _, w in seen] == ["added", *["assessment"] * 6]
    assert book.dirty
    book.save_dirty()
    assert not book.dirty
    saved = json.loads((tmp_path / "reviews" / f"{review.id}.json").read_text())
    assert saved["schema_version"] == 1
    again = reopened(tmp_path).get(review.id)
    assert again == book.get(review.id)
    assert again.assessment("crit-one").actions[0].done
    assert again.assessment("crit-two").reason == "No local services"


def test_starting_from_an_earlier_review_carries_statuses_and_open_actions(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    first = book.create("Spring", date="2026-03-01")
    book.set_status(first.id, "crit-one", Status.NOT_MET)
    book.set_text(first.id, "crit-one", "notes", "old notes")
    done = book.add_action(first.id, "crit-one", "Done already")
    book.update_action(first.id, "crit-one", done.id, done=True)
    book.add_action(first.id, "crit-one", "Still to do", "EF", "2026-05-01")
    second = book.create("Autumn", date="2026-09-01", start_from=first.id)
    carried = second.assessment("crit-one")
    assert carried.status is Status.NOT_MET
    assert carried.notes == ""
    assert [a.what for a in carried.actions] == ["Still to do"]
    assert second.started_from == first.id
    assert [r.name for r in book.reviews] == ["Autumn", "Spring"]


def test_details_are_checked(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    with pytest.raises(ReviewError):
        book.create("  ")
    with pytest.raises(ReviewError, match="YYYY-MM-DD"):
        book.create("Review", date="1 March")
    review = book.create("Review")
    book.update_details(review.id, name="Renamed", date="2026-01-31")
    assert book.get(review.id).name == "Renamed"
    with pytest.raises(ReviewError):
        book.add_action(review.id, "crit-one", "  ")


def test_find_by_id_prefix_or_name(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    a = book.create("Spring review")
    book.create("Autumn review")
    assert book.find(a.id) == a
    assert book.find(a.id[:8]) == a
    assert book.find("spring REVIEW") == a
    with pytest.raises(ReviewError, match="no review matches"):
        book.find("winter")
    book.create("Spring review")
    with pytest.raises(ReviewError, match="2 reviews match"):
        book.find("Spring review")


def test_delete_keeps_a_copy_in_backups(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    review = book.create("Old review")
    book.save_dirty()
    book.delete(review.id)
    assert not (tmp_path / "reviews" / f"{review.id}.json").exists()
    kept = list((tmp_path / "backups").glob(f"{review.id}-deleted-*.json"))
    assert len(kept) == 1
    assert json.loads(kept[0].read_text())["name"] == "Old review"
    assert reopened(tmp_path).reviews == []


def test_damaged_review_file_is_set_aside_and_readable_parts_kept(tmp_path: Path) -> None:
    book = ReviewBook(tmp_path)
    review = book.create("Spring", service="Physio")
    for n, status in enumerate((Status.MET, Status.NOT_MET, Status.PARTLY_MET)):
        book.set_status(review.id, f"crit-{n}", status)
    book.save_dirty()
    path = tmp_path / "reviews" / f"{review.id}.json"
    text = path.read_text()
    path.write_text(text[: text.index('"crit-2"') + 14])  # cut inside the last assessment
    again = ReviewBook(tmp_path)
    messages = again.load()
    assert len(messages) == 1
    assert "was damaged" in messages[0]
    survived = again.get(review.id)
    assert survived.name == "Spring"
    assert {k: a.status for k, a in survived.assessments.items()} == {
        "crit-0": Status.MET,
        "crit-1": Status.NOT_MET,
    }
    assert list((tmp_path / "reviews").glob("*.corrupt-*"))
    again.save_dirty()  # a clean file is written beside the damaged one
    assert reopened(tmp_path).get(review.id).name == "Spring"


def test_newer_review_file_is_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    original = json.dumps(
        {"schema_version": 3, "id": "abc", "name": "From the future", "assessments": {}}
    )
    (folder / "abc.json").write_text(original)
    book = ReviewBook(tmp_path)
    messages = book.load()
    assert "newer version" in messages[0]
    assert book.read_only("abc")
    with pytest.raises(ReviewError, match="read-only"):
        book.set_status("abc", "crit-one", Status.MET)
    book.save_dirty()
    assert (folder / "abc.json").read_text() == original


def test_summary_counts_and_open_actions_by_due_date(tmp_path: Path, guide) -> None:  # type: ignore[no-untyped-def]
    book = ReviewBook(None)
    review = book.create("R")
    book.set_status(review.id, "crit-one", Status.MET)
    book.add_action(review.id, "crit-one", "Later", due="2026-09-01")
    book.add_action(review.id, "crit-two", "Undated")
    book.add_action(review.id, "crit-two", "Sooner", due="2026-02-01")
    summary = summarise(book.get(review.id), guide)
    assert (summary.total, summary.assessed, summary.met, summary.percent_assessed) == (2, 1, 1, 50)
    counts = summary.principles[0].counts
    assert counts[Status.MET] == 1
    assert counts[Status.NOT_ASSESSED] == 1
    assert [a.what for _, a in summary.open_actions] == ["Sooner", "Later", "Undated"]


def test_former_criterion_ids_still_count_and_unknown_ones_are_kept(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content")
    text = (
        (root / "principles.yaml")
        .read_text()
        .replace(
            "      - id: crit-one\n", "      - id: crit-one-renamed\n        aliases: [crit-one]\n"
        )
    )
    (root / "principles.yaml").write_text(text)
    guide = load_guide(root)
    review = Review("r", "R", assessments={})
    book = ReviewBook(None)
    review = book.create("R")
    book.set_status(review.id, "crit-one", Status.MET)
    book.set_status(review.id, "retired-criterion", Status.NOT_MET)
    found = {row.criterion.id: row.assessment.status for row in rows(book.get(review.id), guide)}
    assert found["crit-one-renamed"] is Status.MET
    assert [cid for cid, _ in not_in_edition(book.get(review.id), guide)] == ["retired-criterion"]


def test_comparison(guide) -> None:  # type: ignore[no-untyped-def]
    book = ReviewBook(None)
    before = book.create("Before")
    after = book.create("After")
    book.set_status(before.id, "crit-one", Status.NOT_MET)
    book.set_status(after.id, "crit-one", Status.MET)
    book.set_status(after.id, "crit-two", Status.PARTLY_MET)
    changes = {
        c.criterion.id: c.outcome for c in compare(book.get(before.id), book.get(after.id), guide)
    }
    assert changes == {"crit-one": Outcome.IMPROVED, "crit-two": Outcome.NEWLY_ASSESSED}
    back = {
        c.criterion.id: c.outcome for c in compare(book.get(after.id), book.get(before.id), guide)
    }
    assert back == {"crit-one": Outcome.SLIPPED, "crit-two": Outcome.NOT_COMPARABLE}


def test_status_keys() -> None:
    assert [s.key for s in Status] == ["0", "1", "2", "3", "4"]
    assert Status.from_key("3") is Status.MET
    assert Status.from_key("9") is None


def test_a_sample_and_a_risk_are_written_only_when_recorded() -> None:
    from guide_app.store.reviews import Assessment, ReviewError, Risk

    assert Assessment().to_dict().keys() == {
        "status", "reason", "notes", "evidence", "actions", "changed",
    }  # fmt: skip
    rated = Assessment(sample_size=10, sample_how="Last 10 referrals", risk=Risk.MEDIUM)
    assert Assessment.from_dict(rated.to_dict()) == rated
    assert rated.to_dict()["risk"] == "medium"
    for bad in ({"sample_size": -1}, {"sample_size": "10"}, {"sample_size": True}):
        with pytest.raises(ReviewError, match="sample_size"):
            Assessment.from_dict(bad)
    with pytest.raises(ReviewError, match="risk"):
        Assessment.from_dict({"risk": "severe"})
