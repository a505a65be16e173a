"""Bring a colleague's review into the book: a new one is added, one we have is merged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_history import common
from guide_app.store.review_merge import Conflict, Merge, merge
from guide_app.store.reviews import Review, ReviewError


@dataclass(frozen=True)
class Incoming:
    """What importing a review would do: add it, or merge it into ours (`merged`)."""

    theirs: Review
    merged: Merge | None  # None: we do not have this review yet

    @property
    def changes_nothing(self) -> bool:
        """Whether importing would change nothing (the same file imported again, say)."""
        return self.merged is not None and self.merged.changes_nothing

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """The fields both sides changed differently, to be settled before importing."""
        return self.merged.conflicts if self.merged is not None else ()


def plan_import(book: ReviewBook, theirs: Review) -> Incoming:
    """What importing `theirs` into `book` would do; changes nothing."""
    mine = book.lookup(theirs.id)
    if mine is None:
        return Incoming(theirs, None)
    if book.read_only(mine.id):
        raise ReviewError(f"“{mine.name}” was saved by a newer version of the guide: read-only")
    base = common(mine.history, theirs.history)
    return Incoming(theirs, merge(mine, theirs, base.snapshot if base else None))


def apply_import(
    book: ReviewBook, incoming: Incoming, choose: Callable[[Conflict], str]
) -> Review | None:
    """Add or merge the review (conflicts settled by `choose`); None if nothing changed.

    The review's file keeps the version before among its numbered backups when it is saved.
    """
    if incoming.merged is None:
        book.put(incoming.theirs, "added")
        return incoming.theirs
    if incoming.changes_nothing:
        return None
    mine = incoming.merged.mine
    if mine.final:
        raise ReviewError(f"“{mine.name}” is final: reopen it for editing, then import again")
    result = incoming.merged.result(choose)
    book.put(result, "assessment")
    return result
