"""A review sent to a colleague as one file, and read back: versioned, with its edition.

The file holds the review with its revisions (store/review_history.py), the content edition
it was made against, and a `kind` marker, so a foreign, damaged or newer file is refused
with a message that names it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_app.common.safe_files import read_regular
from guide_app.common.user_text import clean_data
from guide_app.store.review_history import Revision, joined, snapshot_id
from guide_app.store.reviews import Review, ReviewError
from guide_app.store.stamps import now, precise_now

KIND = "guide-app-review"
FORMAT = 1
SUFFIX = ".guide-review"


@dataclass(frozen=True)
class Shared:
    """A review read from a file, and the edition it was made against."""

    review: Review
    edition: str
    edition_date: str


def with_revision(review: Review) -> Review:
    """`review` with its present state as its newest revision (added only if new)."""
    snapshot = review.snapshot()
    revision = Revision(snapshot_id(snapshot), precise_now(), snapshot)
    if review.history and review.history[-1].id == revision.id:
        return review
    return Review.from_payload(
        {**review.to_payload(), "history": [
            r.to_dict() for r in joined(review.history, [revision])
        ]}
    )[0]  # fmt: skip


def shared_bytes(review: Review, edition: str, edition_date: str) -> bytes:
    """The file sent to a colleague: `review` (with its newest revision) and its edition."""
    record = {
        "kind": KIND,
        "format": FORMAT,
        "exported": now(),
        "edition": {"id": edition, "date": edition_date},
        "review": review.to_payload(),
    }
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_shared(path: Path) -> Shared:
    """The review in the file `path`; ReviewError names the file and says what is wrong."""
    try:
        data = read_regular(path)
    except OSError as error:
        raise ReviewError(f"{path} cannot be read: {error.strerror or error}") from None
    try:
        record: Any = clean_data(json.loads(data.decode("utf-8")))
    except UnicodeDecodeError:
        raise ReviewError(f"{path} is not a shared review (it is not UTF-8 text)") from None
    except json.JSONDecodeError as error:
        raise ReviewError(
            f"{path}:{error.lineno}: the file is damaged (not valid JSON: {error.msg})"
        ) from None
    except (ValueError, RecursionError):
        raise ReviewError(f"{path} is not a shared review (it cannot be read)") from None
    if not isinstance(record, dict) or record.get("kind") != KIND:
        raise ReviewError(f"{path} is not a review sent from the guide")
    if not isinstance(record.get("format"), int) or record["format"] > FORMAT:
        raise ReviewError(
            f"{path} was written by a newer version of the guide (format "
            f"{record.get('format')!r}); update the guide to import it"
        )
    found = record.get("edition")
    edition: dict[str, Any] = found if isinstance(found, dict) else {}
    payload = record.get("review")
    if not isinstance(payload, dict):
        raise ReviewError(f"{path} is damaged: it holds no review")
    try:
        review, bad = Review.from_payload(payload)
    except ReviewError as error:
        raise ReviewError(f"{path} is damaged: {error}") from None
    if bad:
        raise ReviewError(f"{path} is damaged: {bad} criterion record(s) cannot be read")
    return Shared(review, str(edition.get("id", "")), str(edition.get("date", "")))
