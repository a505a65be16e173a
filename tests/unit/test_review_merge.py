"""Reviews sent between colleagues and merged back (store/review_merge.py and its friends)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_exchange import read_shared, shared_bytes, with_revision
from guide_app.store.review_import import apply_import, plan_import
from guide_app.store.review_merge import Conflict, field, flat, merge
from guide_app.store.reviews import Review, ReviewError, Status

A, B = "crit-one", "crit-two"


def send(book: ReviewBook, review_id: str, path: Path) -> Path:
    """Send a review as a colleague would: its newest revision recorded, written to `path`."""
    sent = with_revision(book.get(review_id))
    book.put(sent, "details")
    path.write_bytes(shared_bytes(sent, "2026.2", "2026-12-04"))
    return path


def receive(book: ReviewBook, path: Path, choice: str = "mine") -> Review | None:
    incoming = plan_import(book, read_shared(path).review)
    return apply_import(book, incoming, lambda _c: choice)


def test_edits_on_both_sides_are_merged_and_a_second_import_changes_nothing(
    tmp_path: Path,
) -> None:
    mine, theirs = ReviewBook(None), ReviewBook(None)
    review = mine.create("Spring review", "MSK", "2026-03-01")
    mine.set_status(review.id, A, Status.PARTLY_MET)
    action = mine.add_action(review.id, A, "Ask about mood", "AB")
    assert receive(theirs, send(mine, review.id, tmp_path / "first.guide-review")) is not None
    theirs.set_text(review.id, A, "notes", "Seen by two physios")
    theirs.add_action(review.id, B, "Write the pathway", "CD")
    theirs.update_action(review.id, A, action.id, owner="AB and CD")
    mine.set_status(review.id, B, Status.MET)
    mine.update_details(review.id, service="MSK physiotherapy")
    back = send(theirs, review.id, tmp_path / "back.guide-review")
    incoming = plan_import(mine, read_shared(back).review)
    assert incoming.conflicts == ()
    merged = apply_import(mine, incoming, lambda _c: pytest.fail("no conflict to settle"))
    assert merged is not None
    assert merged.service == "MSK physiotherapy"
    assert merged.assessment(A).notes == "Seen by two physios"
    assert merged.assessment(A).status is Status.PARTLY_MET
    assert merged.assessment(B).status is Status.MET
    assert [(a.what, a.owner) for a in merged.assessment(A).actions] == [
        ("Ask about mood", "AB and CD")
    ]
    assert [a.what for a in merged.assessment(B).actions] == ["Write the pathway"]
    assert receive(mine, back) is None  # the same file again: nothing new
    assert mine.get(review.id) == merged


def test_both_changing_the_same_notes_is_a_conflict_settled_either_way(tmp_path: Path) -> None:
    mine, theirs = ReviewBook(None), ReviewBook(None)
    review = mine.create("Spring review")
    mine.set_text(review.id, A, "notes", "First")
    receive(theirs, send(mine, review.id, tmp_path / "one.guide-review"))
    mine.set_text(review.id, A, "notes", "Mine")
    theirs.set_text(review.id, A, "notes", "Theirs")
    back = send(theirs, review.id, tmp_path / "two.guide-review")
    incoming = plan_import(mine, read_shared(back).review)
    assert incoming.conflicts == (Conflict(("criterion", A, "notes"), "Mine", "Theirs"),)
    kept = incoming.merged.result(lambda _c: "mine")  # type: ignore[union-attr]
    taken = incoming.merged.result(lambda _c: "theirs")  # type: ignore[union-attr]
    assert (kept.assessment(A).notes, taken.assessment(A).notes) == ("Mine", "Theirs")


def test_an_action_removed_here_and_changed_there_is_kept(tmp_path: Path) -> None:
    mine, theirs = ReviewBook(None), ReviewBook(None)
    review = mine.create("Spring review")
    action = mine.add_action(review.id, A, "Ask about mood")
    receive(theirs, send(mine, review.id, tmp_path / "one.guide-review"))
    mine.remove_action(review.id, A, action.id)
    theirs.update_action(review.id, A, action.id, done=True)
    merged = receive(mine, send(theirs, review.id, tmp_path / "two.guide-review"))
    assert merged is not None
    assert [(a.what, a.done) for a in merged.assessment(A).actions] == [("Ask about mood", True)]


def test_a_foreign_damaged_or_newer_file_is_refused(tmp_path: Path) -> None:
    cases = {
        "foreign": ('{"schema_version": 1, "bookmarks": []}', "is not a review sent from"),
        "damaged": ('{"kind": "guide-app-review",\n "format": 1,', ":2: the file is damaged"),
        "newer": ('{"kind": "guide-app-review", "format": 9}', "newer version of the guide"),
        "empty": ('{"kind": "guide-app-review", "format": 1}', "holds no review"),
    }
    for name, (text, words) in cases.items():
        path = tmp_path / f"{name}.guide-review"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ReviewError, match=words) as caught:
            read_shared(path)
        assert str(path) in str(caught.value)


# Generated pairs of edits --------------------------------------------------------------------

_TEXT = st.sampled_from(["", "a", "b", "notes one", "notes two"])
_EDIT = st.one_of(
    st.tuples(st.just("details"), st.sampled_from(["service", "people", "lead"]), _TEXT),
    st.tuples(st.just("status"), st.sampled_from([A, B]), st.sampled_from(list(Status))),
    st.tuples(st.just("text"), st.sampled_from([A, B]), st.sampled_from(["notes", "evidence"]),
              _TEXT),
    st.tuples(st.just("add"), st.sampled_from([A, B]), _TEXT),
    st.tuples(st.just("remove"), st.sampled_from([A, B]), st.integers(0, 3)),
    st.tuples(st.just("rename"), st.sampled_from([A, B]), st.integers(0, 3), _TEXT),
)  # fmt: skip


def _edit(book: ReviewBook, review_id: str, edit: tuple[object, ...]) -> None:
    kind, *args = edit
    if kind == "details":
        book.update_details(review_id, **{str(args[0]): str(args[1])})
    elif kind == "status":
        book.set_status(review_id, str(args[0]), args[1])  # type: ignore[arg-type]
    elif kind == "text":
        book.set_text(review_id, str(args[0]), str(args[1]), str(args[2]))
    elif kind == "add":
        book.add_action(review_id, str(args[0]), str(args[1]) or "x")
    else:
        actions = book.get(review_id).assessment(str(args[0])).actions
        if actions:
            action = actions[int(args[1]) % len(actions)]  # type: ignore[call-overload]
            if kind == "remove":
                book.remove_action(review_id, str(args[0]), action.id)
            else:
                book.update_action(review_id, str(args[0]), action.id, what=str(args[2]) or "y")


@given(
    st.lists(_EDIT, max_size=6), st.lists(_EDIT, max_size=6), st.sampled_from(["mine", "theirs"])
)
def test_a_merge_keeps_every_change_and_asks_about_each_clash(
    ours: list[tuple[object, ...]], their: list[tuple[object, ...]], choice: str
) -> None:
    mine, theirs = ReviewBook(None), ReviewBook(None)
    review = mine.create("Review")
    mine.add_action(review.id, A, "Start")
    base = with_revision(mine.get(review.id))
    mine.put(base, "details")
    theirs.put(base, "added")
    for edit in ours:
        _edit(mine, review.id, edit)
    for edit in their:
        _edit(theirs, review.id, edit)
    m_review, t_review = mine.get(review.id), with_revision(theirs.get(review.id))
    result = merge(m_review, t_review, base.snapshot())
    merged = flat(result.result(lambda _c: choice).snapshot())
    b, m, t = flat(base.snapshot()), flat(m_review.snapshot()), flat(t_review.snapshot())
    clashes = {c.key for c in result.conflicts}
    for key in set(m) | set(t):
        if key[0] == "action":
            continue  # checked below: an action changed on either side is never lost
        mk, tk, bk, got = field(m, key), field(t, key), field(b, key), field(merged, key)
        if mk == tk:
            assert got == mk, key
        elif mk == bk:
            assert got == tk, key  # only theirs changed it: taken
        elif tk == bk:
            assert got == mk, key  # only ours changed it: kept
        else:
            assert key in clashes, key  # both changed it: asked, and the choice is kept
            assert got == (mk if choice == "mine" else tk), key
    for side in (m, t):
        for key, value in side.items():
            if key[0] == "action" and key[-1] == "present" and value:
                changed = any(
                    side.get((*key[:-1], f)) != b.get((*key[:-1], f))
                    for f in ("present", "what", "owner", "due", "done")
                )
                if changed:  # added or edited on this side
                    assert merged.get(key), key
