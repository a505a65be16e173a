"""Scale: a data folder with 10,000 bookmarks and 200 reviews with every criterion filled.

Times the real window over it: loading the files, building and first painting the Bookmarks
pane and the Reviews list, saving, and the edits that rebuild a view at this size (the star,
the filter, one note); prints peak RSS. The bookmarks point at pages of a synthetic guide of
10,000 nodes (so every one is a real page, as it would be for someone with that many), whose
five principles have 15 criteria, all filled in every review. The data is written first (the
guide compiled and its search index built, as after a first start); then a fresh process
measures, offscreen: medians of repeated runs after a warm-up where a step can be repeated,
one run where it changes the window for good. Run: `.venv/bin/python -m benchmarks.scale [RUNS]`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks import synthetic
from benchmarks.saves import line, timed
from guide_app.guide.compiled import load_guide_cached
from guide_app.guide.model import Guide
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import Bookmark, BookmarkStore, Folder
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Status
from guide_app.store.stamps import new_id, now

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QWidget

BOOKMARKS = 10_000
REVIEWS = 200
FOLDERS = 20
_NOTE = "Useful for the team meeting; check the referral criteria with the pain clinic. "


def fill(data: Path, guide: Guide, bookmarks: int = BOOKMARKS, reviews: int = REVIEWS) -> None:
    """Write `bookmarks` bookmarks (in FOLDERS folders and at the top) and `reviews` full reviews.

    Bookmarks go to the guide's pages in order, then to pages not in this edition (ids the
    guide does not have) when it has fewer pages than bookmarks.
    """
    stamp = now()
    folders = [Folder(new_id(), f"Folder {n:02}", stamp) for n in range(FOLDERS)]
    pages = [(node.id, node.title) for node in guide.nodes.values()]
    pages += [(f"retired-page-{n}", f"Retired page {n}") for n in range(bookmarks - len(pages))]
    marks = [
        Bookmark(
            new_id(),
            node_id,
            title,
            f"{_NOTE * (1 + n % 3)}#{n}",
            folders[n % (FOLDERS + 1)].id if n % (FOLDERS + 1) < FOLDERS else None,
            stamp,
            stamp,
        )
        for n, (node_id, title) in enumerate(pages[:bookmarks])
    ]
    store = BookmarkStore()
    store.replace_all(folders, marks)
    BookmarkFile(data).save(store)
    book = ReviewBook(data)
    book.load()
    criteria = [c.id for _, cs in principles(guide) for c in cs]
    statuses = [s for s in Status if s is not Status.NOT_ASSESSED]  # every criterion filled
    for r in range(reviews):
        review = book.create(
            f"Review {r:03}", "MSK physiotherapy", f"2026-{1 + r % 12:02}-01", "AB"
        )
        for n, criterion in enumerate(criteria):
            book.set_status(review.id, criterion, statuses[(r + n) % len(statuses)], "Not here")
            book.set_text(review.id, criterion, "notes", _NOTE * 4)
            book.set_text(review.id, criterion, "evidence", _NOTE)
            book.add_action(review.id, criterion, f"Action {n}", "Team lead", "2026-06-30")
    book.save_dirty()


def bookmark_rows(model: QAbstractItemModel) -> int:
    """How many bookmarks `model` shows, in folders or at the top (the folders not counted)."""
    from guide_app.ui.bookmarks.model import IS_FOLDER_ROLE

    count = 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        count += model.rowCount(index) if index.data(IS_FOLDER_ROLE) else 1
    return count


def once(what: str, work: Callable[[], object]) -> None:
    """Time one run of `work` (a step that changes the window, so cannot be repeated)."""
    started = time.perf_counter()
    work()
    line(what, [(time.perf_counter() - started) * 1000])


def stores(data: Path, runs: int) -> None:
    """Load and save the bookmarks file and load the reviews, without the window."""
    file = BookmarkFile(data)
    size = file.path.stat().st_size / 1e6
    line(f"load {BOOKMARKS:,} bookmarks", timed(lambda: file.load_into(BookmarkStore()), runs))
    loaded = BookmarkStore()
    file.load_into(loaded)
    saves = timed(lambda: file.save(loaded), runs)
    line(f"save {BOOKMARKS:,} bookmarks", saves, extra=f", {size:.1f} MB")
    line(f"load {REVIEWS} reviews", timed(lambda: ReviewBook(data).load(), runs))


def window(content: Path, data: Path, runs: int) -> None:
    """Build the window over the data, show the panes, filter, sort, star, edit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from guide_app.shell.app import create_main_window

    app = QApplication.instance() or QApplication(["benchmark"])
    built = []
    once("build the window (files loaded)", lambda: built.append(create_main_window(content, data)))
    win = built[0]
    win.show()
    app.processEvents()
    pane = win.bookmarks_pane

    def show(widget: QWidget, go: Callable[[], object]) -> None:
        go()
        widget.repaint()
        app.processEvents()

    once(
        "first show of the Bookmarks pane",
        lambda: show(pane, win.commands["show_bookmarks"].trigger),
    )
    assert bookmark_rows(pane.proxy) == BOOKMARKS

    def typed(text: str) -> Callable[[], None]:
        return lambda: show(pane, lambda: pane.filter.setText(text))

    line("filter the pane (type a word)", timed(typed("#1234"), runs, typed("")))
    line("clear the filter", timed(typed(""), runs, typed("#1234")))
    once("sort by title", lambda: show(pane, lambda: pane.sort.setCurrentIndex(1)))
    win.open(next(iter(win.guide.nodes)))
    line(
        f"star off/on with {BOOKMARKS:,} there",
        timed(lambda: show(pane, win.commands["toggle_bookmark"].trigger), runs),
    )
    once(
        f"open the Reviews view ({REVIEWS} listed)",
        lambda: show(win.reviews, lambda: win.open("review:")),
    )
    assert win.reviews.list.count() == REVIEWS
    book = win.reviews.book
    review = book.reviews[0]
    criterion = next(iter(review.assessments))
    count = iter(range(10**6))

    def touch() -> None:
        book.set_text(review.id, criterion, "notes", f"{_NOTE} {next(count)}")

    line("save one edited review", timed(book.save_dirty, runs, touch))
    win.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(f"  peak RSS {rss:.0f} MB")


def main() -> int:
    """Write synthetic content and the data, then measure in a fresh process (for its RSS)."""
    if sys.argv[1:2] == ["--measure"]:
        content, data, runs = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
        stores(data, runs)
        window(content, data, runs)
        return 0
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        content = synthetic.write(root / "content", BOOKMARKS)
        data = root / "data"
        guide = load_guide_cached(content, data / "cache")  # compiled once, as on a first start
        from guide_app.guide.search.index import SearchIndex

        SearchIndex(guide, data / "cache")  # and the search index, as after a first start
        fill(data, guide)
        criteria = sum(len(cs) for _, cs in principles(guide))
        print(
            f"scale: {BOOKMARKS:,} bookmarks in {FOLDERS} folders and at the top, "
            f"{REVIEWS} reviews x {criteria} criteria filled, guide of {len(guide.nodes):,} "
            f"nodes; {runs} runs each"
        )
        command = ["--measure", str(content), str(data), str(runs)]
        return subprocess.run(
            [sys.executable, "-m", "benchmarks.scale", *command], check=False
        ).returncode


if __name__ == "__main__":
    sys.exit(main())
