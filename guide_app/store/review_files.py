"""The service reviews' files: one versioned file each, in `<data dir>/reviews/` or shared."""

from __future__ import annotations

import contextlib
import errno
import logging
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from guide_app.common.safe_files import DataRoot
from guide_app.store.documents import SCHEMA_KEY, Document, encode, parse_json
from guide_app.store.review_lock import ReviewLocks
from guide_app.store.review_salvage import check, rescue
from guide_app.store.reviews import SCHEMA_VERSION, Review, ReviewError
from guide_app.store.shared_saving import saving_turn, settled
from guide_app.store.stamps import file_stamp

log = logging.getLogger(__name__)
FOLDER = "reviews"


def _records(count: int, what: str = "criterion record") -> str:
    """'1 criterion record', '2 criterion records'."""
    return f"{count} {what}" if count == 1 else f"{count} {what}s"


class ReviewsNotSavedError(OSError):
    """Some reviews could not be saved; the others were. Each unsaved one stays in memory."""


class ReviewFiles:
    """Reads and writes the reviews, one Document each; a damaged file is set aside, not lost.

    With `shared` (a folder a team shares) the reviews, their backups and their locks are
    there; each save is merged with what another computer saved meanwhile (shared_saving).
    """

    def __init__(
        self,
        data_dir: Path,
        root: DataRoot | None = None,
        shared: Path | None = None,
        who: str = "",
    ) -> None:
        self.data_dir = data_dir
        self.shared = shared
        self.locks: ReviewLocks | None = None
        if shared is None:
            self.folder = data_dir / FOLDER
            self.root = root if root is not None else DataRoot(data_dir)
        else:  # never made again if it goes: a network folder that is not there now
            self.folder = shared
            self.root = DataRoot(shared, create=False)
            self.locks = ReviewLocks(shared, who)
        self._backups = (data_dir if shared is None else shared) / "backups"
        self._base: dict[str, Review] = {}  # each review as last read or written (shared)
        self._documents: dict[str, Document] = {}
        self._repeated: dict[str, list[str]] = {}  # criteria found twice in a damaged file

    def _document(self, review_id: str) -> Document:
        if review_id not in self._documents:
            repeated = self._repeated.setdefault(review_id, [])
            self._documents[review_id] = Document(
                self.folder / f"{review_id}.json",
                SCHEMA_VERSION,
                partial(rescue, review_id, repeated=repeated),
                backups=self._backups,
                check=partial(check, review_id),
                root=self.root,
                shared=self.shared is not None,
            )
        return self._documents[review_id]

    def read_only(self, review_id: str) -> bool:
        """Whether a review's file must not be written (it is from a newer version)."""
        return self._document(review_id).read_only

    def load(self, *, inspect_only: bool = False) -> tuple[dict[str, Review], set[str], list[str]]:
        """Read every review file: the reviews, those to write again, and messages for the user.

        With `inspect_only` nothing on disk changes and every review is read-only.
        """
        reviews: dict[str, Review] = {}
        rewrite: set[str] = set()
        try:
            paths = self.root.files(self.folder, "*.json", plain_only=False)
        except OSError as error:
            why = error.strerror or str(error)
            message = (
                f"The reviews folder {self.folder} could not be read: {why}. No review is shown."
            )
            return reviews, rewrite, [message]
        messages = []
        for path in paths:
            document = self._document(path.stem)
            loaded = document.load(inspect_only=inspect_only)
            if loaded.message:
                messages.append(loaded.message)
            repeated = self._repeated.get(path.stem, [])
            if repeated and loaded.set_aside is not None:
                messages.append(
                    f"In {path.name}, {_records(len(repeated))} appeared more than "
                    f"once ({', '.join(sorted(set(repeated)))}): the first readable one of each "
                    f"was kept; the others are in {loaded.set_aside.name}."
                )
            try:
                review, bad = Review.from_payload({"id": path.stem, **loaded.payload})
            except ReviewError as error:
                messages.append(
                    f"{path} could not be read as a review ({error}); it is kept "
                    "and was not changed."
                )
                document.read_only = True
                continue
            if bad:
                were = "was" if bad == 1 else "were"
                messages.append(
                    f"{_records(bad, 'damaged criterion record')} in {path} {were} left out; "
                    "the previous version stays in the backups folder."
                )
            reviews[review.id] = self._base[review.id] = review
            if loaded.set_aside is not None and not inspect_only:
                rewrite.add(review.id)  # write a clean file beside the damaged one
        return reviews, rewrite, messages

    def save(self, reviews: Mapping[str, Review], dirty: set[str]) -> dict[str, Review]:
        """Save each review in `dirty`, each on its own, removing the saved ones from `dirty`.

        Returns the reviews saved merged with another computer's changes (shared folder only),
        to be shown in their place. A review that cannot be saved stays in `dirty` while every
        other one is saved; then ReviewsNotSavedError says which failed and why.
        """
        failed: list[str] = []
        merged: dict[str, Review] = {}
        code = errno.EIO
        for review_id in sorted(dirty):
            if review_id in reviews:
                try:
                    saved = self._save(reviews[review_id])
                except Exception as error:  # noqa: BLE001 - any failure: keep it, save the rest
                    log.warning("saving review %s failed: %s", review_id, error)
                    reason = getattr(error, "strerror", None) or str(error)
                    code = getattr(error, "errno", None) or code if not failed else code
                    failed.append(f"“{reviews[review_id].name}”: {reason}")
                    continue
                if saved is not reviews[review_id]:
                    merged[review_id] = saved
            dirty.discard(review_id)
        if failed:
            which = failed[0] if len(failed) == 1 else f"{len(failed)} reviews, {'; '.join(failed)}"
            raise ReviewsNotSavedError(code, which)
        return merged

    def _save(self, review: Review) -> Review:
        """Write one review; in a shared folder, merged with what was saved there meanwhile."""
        document = self._document(review.id)
        if self.shared is None:
            document.save(review.to_payload())
            return review
        self.root.check()
        with saving_turn(document.path):
            theirs = self._on_disk(document)  # read every time: a file's identity can repeat
            base = self._base.get(review.id)
            if theirs is not None and (base is None or theirs[0].snapshot() != base.snapshot()):
                review = settled(review, theirs[0], base.snapshot() if base else None)
                self.root.write_new(self._backups / f"{review.id}-theirs-{file_stamp()}.json",
                                    theirs[1])  # fmt: skip
            document.save(review.to_payload())
        self._base[review.id] = review
        return review

    def _on_disk(self, document: Document) -> tuple[Review, bytes] | None:
        """The review another computer saved (and its bytes); None if not readable as one."""
        try:
            raw = self.root.read(document.path)
            payload = parse_json(raw)  # as Document reads it: repeated keys refused
            if payload.get(SCHEMA_KEY) != SCHEMA_VERSION:
                return None  # older or newer: the document's own checks deal with it
            review, _bad = Review.from_payload({"id": document.path.stem, **payload})
        except (OSError, ValueError, AttributeError, ReviewError):
            return None
        return review, raw

    def refresh(self, keep: set[str]) -> tuple[dict[str, Review], set[str], list[str]]:
        """What other computers changed in the shared folder since it was last read.

        Returns the reviews changed or added, the ids of those removed, and messages; the
        reviews in `keep` (changed here, not yet saved) are left to be merged when saved.
        """
        changed: dict[str, Review] = {}
        messages: list[str] = []
        if self.shared is None:
            return changed, set(), messages
        try:
            paths = self.root.files(self.folder, "*.json")
        except OSError:
            return changed, set(), messages  # not reachable now: shown as last read
        found = {path.stem for path in paths}
        for path in paths:
            document = self._document(path.stem)
            if path.stem in keep or not document.changed_on_disk():
                continue
            loaded = document.load()
            if loaded.message:
                messages.append(loaded.message)
            try:
                review, _bad = Review.from_payload({"id": path.stem, **loaded.payload})
            except ReviewError:
                continue
            changed[review.id] = self._base[review.id] = review
        gone = set(self._base) - found - keep
        for review_id in gone:
            del self._base[review_id]
        return changed, gone, messages

    def delete(self, review: Review) -> None:
        """Remove a review's file; a copy of its last version is kept in the backups folder."""
        data = encode({SCHEMA_KEY: SCHEMA_VERSION, **review.to_payload()})
        self.root.write_new(self._backups / f"{review.id}-deleted-{file_stamp()}.json", data)
        with contextlib.suppress(FileNotFoundError):
            self.root.remove(self._document(review.id).path)
        self._base.pop(review.id, None)
