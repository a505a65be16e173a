"""The user's own words, gathered for search: bookmark notes and review notes and evidence."""

from __future__ import annotations

from guide_app.guide.locations import REVIEW_SCHEME
from guide_app.guide.model import Guide
from guide_app.guide.search.result import Note
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook


def collect_notes(guide: Guide, bookmarks: BookmarkStore, reviews: ReviewBook) -> list[Note]:
    """Every bookmark note and every review note, evidence and reason, with where it leads."""
    notes = [
        Note(b.node_id, b.title, "Your bookmark", b.note)
        for b in bookmarks.bookmarks
        if b.note.strip()
    ]
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
