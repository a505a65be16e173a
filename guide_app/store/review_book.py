"""All service reviews in memory and the edits to them; their files are store/review_files.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from guide_app.common.safe_files import DataRoot
from guide_app.common.user_text import clean, clean_data
from guide_app.store.open_reviews import OpenReviews
from guide_app.store.review_dates import DateError, iso_date
from guide_app.store.review_files import ReviewFiles
from guide_app.store.review_lock import Holder
from guide_app.store.review_place import ReviewPlace, read_place
from guide_app.store.reviews import (
    MAX_SAMPLE,
    Action,
    Assessment,
    Review,
    ReviewError,
    ReviewState,
    Risk,
    Status,
    started_from,
)
from guide_app.store.stamps import new_id, now

log = logging.getLogger(__name__)
Listener = Callable[[str, str], None]  # (what changed, review id): as the bookmarks' order
_TEXT_FIELDS = ("notes", "evidence", "reason", "sample_how")
_DATE_NAMES = {
    "date": "The review date",
    "next_review": "The next review date",
    "due": "The due date",
}


def _typed_date(name: str, text: str) -> str:
    """A date typed as DD/MM/YYYY or YYYY-MM-DD, as stored (YYYY-MM-DD); "" when blank."""
    try:
        return iso_date(text)
    except DateError as error:
        raise ReviewError(f"{_DATE_NAMES.get(name, 'The date')}: {error}") from None


class ReviewBook:
    """Every review in memory, and the edits to them; their files are `files` (ReviewFiles).

    Edits mark a review dirty and notify listeners with (what, review id): "added",
    "removed", "details" or "assessment", in the bookmarks' order. Without a data folder the
    reviews live in memory only.

    In a shared folder (`place.shared`) a review is changed only by the app holding its lock
    (taken by the first change, or by `open_review`); others see it read-only, with who has it
    open (`holder`), until `keep_alive` finds it free. "reloaded" tells listeners of a review
    another computer changed.
    """

    def __init__(
        self, data_dir: Path | None, root: DataRoot | None = None, place: ReviewPlace | None = None
    ) -> None:
        place = place or ReviewPlace()
        shared = place.shared if data_dir is not None else None
        self.files = (
            ReviewFiles(data_dir, root, shared, place.name) if data_dir is not None else None
        )
        self.data_dir = data_dir
        self.folder = self.files.folder if self.files is not None else None
        self.shared = shared
        self._reviews: dict[str, Review] = {}
        self._dirty: set[str] = set()
        self._listeners: list[Listener] = []
        self.open = OpenReviews(self.files.locks if self.files is not None else None)
        self.loaded = False

    # Loading and saving ------------------------------------------------------------------

    def load(self, *, inspect_only: bool = False) -> list[str]:
        """Read every review file; return messages for the user about damaged or newer files.

        With `inspect_only` nothing on disk changes and every review is read-only (for the
        command line, which may run while the app has the data folder open).
        """
        self.loaded = True
        if self.files is None:
            return []
        reviews, rewrite, messages = self.files.load(inspect_only=inspect_only)
        self._reviews.update(reviews)
        self._dirty |= rewrite  # a clean file is written beside each damaged one
        return messages

    def save_dirty(self) -> None:
        """Save every changed review, each on its own (ReviewsNotSavedError names any not saved).

        A review that cannot be saved stays changed in memory and is tried again next time.
        """
        if self.files is None:
            self._dirty.clear()
            return
        merged = self.files.save(self._reviews, self._dirty)  # removes each saved id from it
        for review_id, review in merged.items():
            self._reviews[review_id] = review
            self._tell("reloaded", review_id)

    @property
    def dirty(self) -> bool:
        """Whether any review has unsaved changes."""
        return bool(self._dirty)

    def read_only(self, review_id: str) -> bool:
        """Whether a review must not be changed: a newer version's file, or open elsewhere."""
        return self.files is not None and (
            self.files.read_only(review_id) or review_id in self.open.others
        )

    # A shared folder -----------------------------------------------------------------------

    def holder(self, review_id: str | None) -> Holder | None:
        """Who else has the review open, as last seen (None: nobody, or not shared)."""
        return self.open.others.get(review_id) if review_id is not None else None

    def open_review(self, review_id: str | None) -> Holder | None:
        """Hold this review's lock (giving back any other held); who else has it open."""
        self.open.release_except(review_id, self._dirty)
        return self._take(review_id) if review_id in self._reviews else None

    def _take(self, review_id: str) -> Holder | None:
        holder, changed = self.open.take(review_id)
        if changed and review_id in self._reviews:
            self._tell("details", review_id)  # editable here now, or read-only
        return holder

    def keep_alive(self, review_id: str | None) -> list[str]:
        """Renew this app's locks, read what others saved, and try again to open `review_id`.

        Returns messages for the user (a lock lost, a damaged file set aside).
        """
        if self.files is None or self.open.locks is None:
            return []
        messages = []
        for lost in [r for r in self.open.beat() if r in self._reviews]:
            self._take(lost)  # read-only now, with who has it
            messages.append(
                f"“{self._reviews[lost].name}” was opened on another computer while this one "
                "was asleep or cut off; it is read-only here now. Your changes are kept."
            )
        changed, gone, told = self.files.refresh(set(self._dirty))
        for changed_id, review in changed.items():
            self._reviews[changed_id] = review
            self._tell("reloaded", changed_id)
        for gone_id in gone & set(self._reviews):
            del self._reviews[gone_id]
            self._tell("removed", gone_id)
        for freed in self.open.freed(review_id):
            self._tell("details", freed)
        if review_id in self._reviews:
            self._take(review_id)
        return messages + told

    def close(self) -> None:
        """Give back every lock held (when the window closes or the command ends)."""
        self.open.close()

    # Reading -----------------------------------------------------------------------------

    @property
    def reviews(self) -> list[Review]:
        """All reviews, newest date first, then by name."""
        return sorted(self._reviews.values(), key=lambda r: (r.date, r.created), reverse=True)

    def __contains__(self, review_id: object) -> bool:
        return review_id in self._reviews

    def lookup(self, review_id: str | None) -> Review | None:
        """The review with `review_id`, or None if there is none (any more)."""
        return self._reviews.get(review_id) if review_id is not None else None

    def get(self, review_id: str) -> Review:
        """The review with `review_id`."""
        try:
            return self._reviews[review_id]
        except KeyError:
            raise ReviewError(f"no review with id {review_id}") from None

    def find(self, wanted: str) -> Review:
        """The review whose id, id prefix (6+ characters) or name (any case) is `wanted`."""
        if wanted in self._reviews:
            return self._reviews[wanted]
        matches = [
            r
            for r in self._reviews.values()
            if (len(wanted) >= 6 and r.id.startswith(wanted))
            or r.name.casefold() == wanted.casefold()
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ReviewError(f"{len(matches)} reviews match {wanted!r}; use the review's id")
        raise ReviewError(f"no review matches {wanted!r}")

    # Changing ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener(what, review id)` after every change, as BookmarkStore does."""
        self._listeners.append(listener)

    def put(self, review: Review, what: str) -> None:
        """Keep a whole review (one imported or merged), checked as if read from its file."""
        checked, bad = Review.from_payload(review.to_payload())
        if bad:
            raise ReviewError(f"{bad} criterion record(s) of “{review.name}” are not valid")
        self._put(checked, what)

    def _put(self, review: Review, what: str) -> None:
        self._may_change(review)
        kept = self._reviews.get(review.id)
        if kept is not None and kept.final and review.final:
            raise ReviewError(f"“{kept.name}” is final: reopen it for editing first")
        self._reviews[review.id] = review
        self._dirty.add(review.id)
        self._tell(what, review.id)

    def _tell(self, what: str, review_id: str) -> None:
        for listener in list(self._listeners):
            listener(what, review_id)

    def _may_change(self, review: Review) -> None:
        """Raise ReviewError unless this app may change the review (taking its lock if shared)."""
        if self.files is not None and self.files.read_only(review.id):
            raise ReviewError(f"review {review.name!r} was saved by a newer version; read-only")
        holder = self._take(review.id) if self.shared is not None else None
        if holder is not None:
            raise ReviewError(
                f"{holder.label} has “{review.name}” open; it is read-only here until they close it"
            )

    def create(
        self,
        name: str,
        service: str = "",
        date: str = "",
        people: str = "",
        start_from: str | None = None,
        lead: str = "",
    ) -> Review:
        """Make a draft; with `start_from`, carry over that review's statuses and open actions.

        The date may be typed as DD/MM/YYYY or YYYY-MM-DD; it is kept as YYYY-MM-DD.
        """
        name, service, people, lead = (clean(t) for t in (name, service, people, lead))
        if not name.strip():
            raise ReviewError("a review needs a name")
        date = _typed_date("date", clean(date))
        if start_from:
            earlier = self.get(start_from)
            review = started_from(earlier, name.strip(), service, date, people, lead)
        else:
            review = Review(new_id(), name.strip(), service, date, people, lead=lead)
        Review.from_payload(review.to_payload())  # check the details before keeping them
        self._put(review, "added")
        return review

    def update_details(
        self,
        review_id: str,
        *,
        name: str | None = None,
        service: str | None = None,
        date: str | None = None,
        people: str | None = None,
        lead: str | None = None,
        next_review: str | None = None,
    ) -> None:
        """Change name, service, date, people, lead or next review date (None: left as it is).

        Dates may be typed as DD/MM/YYYY or YYYY-MM-DD; they are kept as YYYY-MM-DD.
        """
        old = self.get(review_id)
        typed = {"name": name, "service": service, "date": date, "people": people}
        typed |= {"lead": lead, "next_review": next_review}
        changes: dict[str, Any] = {k: clean(t) for k, t in typed.items() if t is not None}
        if "name" in changes:
            changes["name"] = changes["name"].strip()
        for key in ("date", "next_review"):
            if key in changes:
                changes[key] = _typed_date(key, changes[key])
        review = replace(old, **changes, changed=now())
        if replace(review, changed=old.changed) == old:
            return
        Review.from_payload(review.to_payload())  # raises ReviewError for a bad name or date
        self._put(review, "details")

    def set_state(self, review_id: str, state: ReviewState) -> None:
        """Mark a review final (read-only until reopened) or reopen it as a draft."""
        old = self.get(review_id)
        if old.state is not state:
            self._put(replace(old, state=state, changed=now()), "details")

    def delete(self, review_id: str) -> Review:
        """Remove a review; a copy of its last version is kept in the backups folder."""
        review = self.get(review_id)
        self._may_change(review)
        if self.files is not None:
            self.files.delete(review)
        del self._reviews[review_id]
        self._dirty.discard(review_id)
        self._tell("removed", review_id)
        return review

    def _assess(self, review_id: str, criterion_id: str, **changes: Any) -> Assessment:
        review = self.get(review_id)
        assessment = replace(review.assessment(criterion_id), **changes)
        self._put(review.with_assessment(criterion_id, assessment), "assessment")
        return assessment

    def set_status(
        self, review_id: str, criterion_id: str, status: Status, reason: str | None = None
    ) -> None:
        """Set a criterion's status (and, for not applicable, the reason)."""
        changes: dict[str, Any] = {"status": status}
        if reason is not None:
            changes["reason"] = reason
        self._assess(review_id, criterion_id, **changes)

    def set_text(self, review_id: str, criterion_id: str, name: str, text: str) -> None:
        """Set a criterion's notes, evidence or not-applicable reason."""
        if name not in _TEXT_FIELDS:
            raise ReviewError(f"not a text field: {name}")
        text = clean(text)
        if self.get(review_id).assessment(criterion_id).__getattribute__(name) != text:
            self._assess(review_id, criterion_id, **{name: text})

    def set_sample_size(self, review_id: str, criterion_id: str, size: int) -> None:
        """Set how many records, people or cases a criterion was judged on (0: not recorded)."""
        if not 0 <= size <= MAX_SAMPLE:
            raise ReviewError(f"a sample is from 0 to {MAX_SAMPLE}")
        if self.get(review_id).assessment(criterion_id).sample_size != size:
            self._assess(review_id, criterion_id, sample_size=size)

    def set_risk(self, review_id: str, criterion_id: str, risk: Risk) -> None:
        """Set the risk of not improving on a criterion."""
        if self.get(review_id).assessment(criterion_id).risk is not risk:
            self._assess(review_id, criterion_id, risk=risk)

    def add_action(
        self, review_id: str, criterion_id: str, what: str, owner: str = "", due: str = ""
    ) -> Action:
        """Add an action to a criterion."""
        record = {"id": new_id(), "what": what, "owner": owner, "due": _typed_date("due", due)}
        action = Action.from_dict(clean_data(record))
        actions = self.get(review_id).assessment(criterion_id).actions
        self._assess(review_id, criterion_id, actions=(*actions, action))
        return action

    def update_action(
        self, review_id: str, criterion_id: str, action_id: str, **fields: Any
    ) -> None:
        """Change an action's what, owner, due date (DD/MM/YYYY or YYYY-MM-DD) or done flag."""
        if isinstance(fields.get("due"), str):
            fields["due"] = _typed_date("due", fields["due"])
        actions = list(self.get(review_id).assessment(criterion_id).actions)
        for n, action in enumerate(actions):
            if action.id == action_id:
                updated = Action.from_dict(clean_data({**action.to_dict(), **fields}))
                if updated == action:
                    return
                actions[n] = updated
                self._assess(review_id, criterion_id, actions=tuple(actions))
                return
        raise ReviewError(f"no action {action_id}")

    def remove_action(self, review_id: str, criterion_id: str, action_id: str) -> Action:
        """Remove an action; return it."""
        actions = self.get(review_id).assessment(criterion_id).actions
        kept = tuple(a for a in actions if a.id != action_id)
        if len(kept) == len(actions):
            raise ReviewError(f"no action {action_id}")
        self._assess(review_id, criterion_id, actions=kept)
        return next(a for a in actions if a.id == action_id)

    def restore_action(
        self, review_id: str, criterion_id: str, action: Action, position: int
    ) -> None:
        """Put a removed action back at `position` in its criterion's list (undo a removal)."""
        actions = list(self.get(review_id).assessment(criterion_id).actions)
        if any(a.id == action.id for a in actions):
            raise ReviewError(f"the action {action.what!r} is there already")
        actions.insert(max(0, min(position, len(actions))), action)
        self._assess(review_id, criterion_id, actions=tuple(actions))


def book_of(data: Path, root: DataRoot | None = None) -> tuple[ReviewBook, str]:
    """A data folder's review book (not read yet) where chosen, and why the choice is unread."""
    place, problem = read_place(data, root)
    return ReviewBook(data, root, place), problem
