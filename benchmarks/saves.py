"""Save and export times: 1,000 bookmarks, a review with every criterion filled, its PDF.

The review is also saved in a shared review folder: each save there takes its turn, reads the
file again and (when a colleague saved meanwhile) merges their change.

Each save goes through the one atomic writer (temporary file, fsync, rename) into a real
folder, as in the app. Medians of repeated runs after a warm-up.
Run: `.venv/bin/python -m benchmarks.saves [RUNS]`.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from guide_app import paths
from guide_app.guide.compiled import load_guide_cached
from guide_app.guide.model import Guide
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_files import ReviewFiles
from guide_app.store.review_place import ReviewPlace
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Status

SAVE_BUDGET_MS = 20
PDF_BUDGET_MS = 500
_NOTE = "Useful for the team meeting; check the referral criteria with the pain clinic. "


def timed(
    work: Callable[[], object], runs: int, before: Callable[[], object] | None = None
) -> list[float]:
    """Run `work` once to warm up, then `runs` times (after `before` each time); ms each."""
    times = []
    for _ in range(runs + 1):
        if before is not None:
            before()
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times[1:]


def line(what: str, times: list[float], budget: float | None = None, extra: str = "") -> None:
    """Print one result: median, range and the verdict against `budget`."""
    median = statistics.median(times)
    verdict = "" if budget is None else f"  {'within' if median <= budget else 'OVER'} {budget} ms"
    print(
        f"  {what:34} median {median:6.1f} ms (min {min(times):.1f}, "
        f"max {max(times):.1f}){extra}{verdict}"
    )


def bookmarks(data: Path, guide: Guide, runs: int) -> None:
    """Save and load a bookmarks file of 1,000 bookmarks with notes, in 20 folders."""
    store = BookmarkStore()
    folders = [store.add_folder(f"Folder {n}") for n in range(20)]
    nodes = list(guide.nodes.values())
    for n in range(1000):
        node = nodes[n % len(nodes)]
        store.add(node.id, node.title, _NOTE * (1 + n % 3), folders[n % 20].id)
    file = BookmarkFile(data)
    saves = timed(lambda: file.save(store), runs)
    size = file.path.stat().st_size / 1024
    line("save 1,000 bookmarks", saves, SAVE_BUDGET_MS, f", {size:.0f} KB")
    line("load 1,000 bookmarks", timed(lambda: file.load_into(BookmarkStore()), runs))


def filled_review(book: ReviewBook, guide: Guide) -> tuple[str, list[str]]:
    """Make a review with every criterion assessed, noted, evidenced and given an action."""
    filled = book.create("Full review", "MSK physiotherapy", "2026-03-02", "AB, CD, EF")
    criteria = [c.id for _, cs in principles(guide) for c in cs]
    for n, criterion in enumerate(criteria):
        book.set_status(filled.id, criterion, Status.PARTLY_MET)
        book.set_text(filled.id, criterion, "notes", _NOTE * 8)
        book.set_text(filled.id, criterion, "evidence", _NOTE * 3)
        book.add_action(filled.id, criterion, f"Action {n}", "Team lead", "2026-06-30")
    book.save_dirty()
    return filled.id, criteria


def review(data: Path, guide: Guide, runs: int) -> None:
    """Save the filled review in the data folder, then export it."""
    book = ReviewBook(data)
    book.load()
    review_id, criteria = filled_review(book, guide)
    filled = book.get(review_id)
    count = iter(range(10**6))

    def touch() -> None:  # one edit, as typing would make, so there is something to save
        book.set_text(filled.id, criteria[0], "notes", f"{_NOTE} {next(count)}")

    saves = timed(book.save_dirty, runs, touch)
    size = (data / "reviews" / f"{filled.id}.json").stat().st_size / 1024
    line(
        f"save a review ({len(criteria)} criteria filled)",
        saves,
        SAVE_BUDGET_MS,
        f", {size:.0f} KB",
    )
    export(data, guide, book, filled.id, max(3, runs // 4))


def shared(data: Path, guide: Guide, runs: int) -> None:
    """Save the filled review in a shared folder: alone, and merged with a colleague's save."""
    team = data / "team"
    team.mkdir()
    book = ReviewBook(data / "mine", place=ReviewPlace(team, "Me"))
    book.load()
    review_id, criteria = filled_review(book, guide)
    theirs = ReviewFiles(data / "theirs", shared=team, who="Colleague")  # their computer
    count = iter(range(10**6))

    def touch() -> None:
        book.set_text(review_id, criteria[0], "notes", f"{_NOTE} {next(count)}")

    line("save it in a shared folder", timed(book.save_dirty, runs, touch), SAVE_BUDGET_MS)

    def colleague_saves_first() -> None:  # their change to another criterion, saved meanwhile
        touch()
        found = theirs.load()[0][review_id]
        changed = replace(found.assessment(criteria[1]), evidence=f"{_NOTE} {next(count)}")
        theirs.save({review_id: found.with_assessment(criteria[1], changed)}, {review_id})

    merged = timed(book.save_dirty, runs, colleague_saves_first)
    line("… merged with a colleague's save", merged, SAVE_BUDGET_MS)
    book.close()


def export(data: Path, guide: Guide, book: ReviewBook, review_id: str, runs: int) -> None:
    """Export the full review as PDF (offscreen Qt), Markdown and CSV."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from guide_app.export.review_csv import review_csv_bytes
    from guide_app.export.review_markdown import review_markdown
    from guide_app.export.review_pdf import write_pdf

    _app = QGuiApplication.instance() or QGuiApplication(["benchmark"])
    filled = book.get(review_id)
    target = data / "review.pdf"
    pages: list[int] = []
    times = timed(lambda: pages.append(write_pdf(filled, guide, target)), runs)
    size = target.stat().st_size / 1024
    line("export it as PDF", times, PDF_BUDGET_MS, f", {pages[-1]} pages, {size:.0f} KB")
    line("export it as Markdown", timed(lambda: review_markdown(filled, guide), runs))
    line("export it as CSV", timed(lambda: review_csv_bytes(filled, guide), runs))


def main() -> int:
    """Measure saves and exports in a temporary data folder."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as work:
        data = Path(work)
        guide = load_guide_cached(paths.content_dir(), None)
        print(f"saves and exports, {runs} runs each (exports: {max(3, runs // 4)}), in {data}")
        bookmarks(data, guide, runs)
        review(data, guide, runs)
        shared(data, guide, runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
