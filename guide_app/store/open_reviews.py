"""Which reviews this app holds open in a shared folder, and who has the others open."""

from __future__ import annotations

import logging

from guide_app.store.review_lock import Holder, ReviewLocks

log = logging.getLogger(__name__)
UNREACHABLE = Holder("", "", 0, 0.0, 0.0, 0, "")  # the folder could not be reached to ask


class OpenReviews:
    """This app's review locks (none outside a shared folder) and others' holders, as seen."""

    def __init__(self, locks: ReviewLocks | None) -> None:
        self.locks = locks
        self.others: dict[str, Holder] = {}

    def take(self, review_id: str) -> tuple[Holder | None, bool]:
        """Take the review's lock: who else has it (None: this app does), and if that changed.

        A change means the review just became editable here, or read-only.
        """
        if self.locks is None:
            return None, False
        try:
            holder = self.locks.take(review_id)
        except OSError as error:  # the shared folder cannot be reached: read-only until it can
            log.warning("could not take the lock of review %s: %s", review_id, error)
            holder = UNREACHABLE
        was = self.others.pop(review_id, None)
        if holder is not None:
            self.others[review_id] = holder
        return holder, (was is None) != (holder is None)

    def release_except(self, review_id: str | None, keep: set[str]) -> None:
        """Give back every lock held but `review_id`'s and those in `keep` (not yet saved)."""
        if self.locks is not None:
            for other in self.locks.held():
                if other != review_id and other not in keep:
                    self.locks.release(other)

    def beat(self) -> list[str]:
        """Renew the locks held; the reviews whose locks another computer took over."""
        return self.locks.beat() if self.locks is not None else []

    def freed(self, review_id: str | None) -> list[str]:
        """The reviews (but `review_id`) that others had open and have closed since."""
        if self.locks is None:
            return []
        gone = [r for r in self.others if r != review_id and self.locks.other_holder(r) is None]
        for other in gone:
            del self.others[other]
        return gone

    def close(self) -> None:
        """Give back every lock held."""
        if self.locks is not None:
            self.locks.release_all()
