"""The user's own words, gathered for search: bookmark notes, local information, review notes."""

from __future__ import annotations

from pathlib import Path

from guide_app.guide.locations import REVIEW_SCHEME
from guide_app.guide.model import Guide
from guide_app.guide.search.result import Note
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.local_info import LocalInfoStore
from guide_app.store.local_info_file import LocalInfoFile
from guide_app.store.review_book import ReviewBook


def collect_notes(
    guide: Guide,
    bookmarks: BookmarkStore,
    reviews: ReviewBook,
    local: LocalInfoStore | None = None,
) -> list[Note]:
    """Every bookmark note, local information, review note, evidence and reason, and its page."""
    notes = [
        Note(b.node_id, b.title, "Your bookmark", b.note)
        for b in bookmarks.bookmarks
        if b.note.strip()
    ]
    for kept in local.notes if local is not None else []:
        node = guide.resolve(kept.node_id)
        title = node.title if node is not None else f"{kept.node_id} (not in this edition)"
        notes.append(Note(kept.node_id, title, "Your local information", kept.text))
    for review in reviews.reviews:
        for criterion_id, found in review.assessments.items():
            text = "\n".join(t for t in (found.notes, found.evidence, found.reason) if t.strip())
            if not text:
                continue
            node = guide.resolve(criterion_id)
            title = node.title if node is not None else criterion_id
            context = f"Review “{review.name}”" + (f", {review.date}" if review.date else "")
            notes.append(Note(f"{REVIEW_SCHEME}{review.id}/{criterion_id}", title, context, text))
    return notes


def notes_on_disk(guide: Guide, data: Path) -> tuple[list[Note], list[str]]:
    """The notes collect_notes gives the app, read from the data folder `data` without a change.

    For the command line, which may run beside the app: every file is only read (a damaged
    one is read as far as it can be and left for the app to set aside). Also returns a
    message for each file that could not be read whole.
    """
    bookmarks, local = BookmarkStore(), LocalInfoStore()
    messages = []
    for name, loaded in (
        ("bookmarks", BookmarkFile(data).load_into(bookmarks, inspect_only=True)),
        ("local information", LocalInfoFile(data).load_into(local, inspect_only=True)),
    ):
        if loaded.message:
            messages.append(f"your {name}: {loaded.message}")
    reviews = ReviewBook(data)
    messages.extend(reviews.load(inspect_only=True))
    return collect_notes(guide, bookmarks, reviews, local), messages
