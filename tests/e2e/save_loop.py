"""Save bookmarks (or a review) in a loop, printing the count after each completed save.

Run as `save_loop.py DATA_DIR [bookmarks|reviews]`; a test kills it at random moments.
"""

import sys
from pathlib import Path

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook

NOTE = "A note that makes each record longer. " * 5


def save_bookmarks(data: Path) -> None:
    file = BookmarkFile(data)
    store = BookmarkStore()
    file.load_into(store)
    count = len(store)
    while True:
        store.add(f"page-{count}", f"Page {count}", note=NOTE)
        file.save(store)
        count += 1
        print(count, flush=True)


def save_reviews(data: Path) -> None:
    """One review gains an assessed criterion per save: crit-0, crit-1, ..."""
    book = ReviewBook(data)
    book.load()  # as the app starts: clears what a killed save left
    review = book.reviews[0] if book.reviews else book.create("Killed while saving")
    count = len(review.assessments)
    while True:
        book.set_text(review.id, f"crit-{count}", "notes", f"{count}: {NOTE}")
        book.save_dirty()
        count += 1
        print(count, flush=True)


def main() -> None:
    data = Path(sys.argv[1])
    what = sys.argv[2] if len(sys.argv) > 2 else "bookmarks"
    {"bookmarks": save_bookmarks, "reviews": save_reviews}[what](data)


if __name__ == "__main__":
    main()
