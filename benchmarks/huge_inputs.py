"""Huge inputs: how long the window stops answering for a 1,000,000-character note or query.

Each step runs in a fresh process over the shipped guide, offscreen, with its data written
first by the tree's own store: a review whose first criterion holds a 1,000,000-character note
(one run of letters with no space, or words in one paragraph); then the window is built and
shown, and the step is timed until the window has painted and answers again. A step that
takes longer than the time-out is stopped and reported as such. `--tree PATH` measures
another checkout (an older commit) with this script.
Run: `.venv/bin/python -m benchmarks.huge_inputs [--tree PATH] [--timeout SECONDS]`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CRITERION = "people-see-a-consistent-clinician"
OTHER = "people-feel-their-pain-is-believed"
NOTE_LENGTH = 1_000_000
QUERY_WORDS = 5_000
STEPS = {
    "run": "open the review, note of 1,000,000 letters, no space",
    "words": "open the review, note of 1,000,000 characters of words",
    "paste-note": "paste 1,000,000 letters into an empty note",
    "query": f"paste a {QUERY_WORDS:,}-word query",
    "query-note": f"paste a {QUERY_WORDS:,}-word query, 1,000,000-character note in the notes",
}


def vocabulary(tree: Path) -> list[str]:
    """The words of the shipped guide, in order."""
    text = " ".join(p.read_text("utf-8") for p in sorted((tree / "content").rglob("*.yaml")))
    return re.findall(r"[A-Za-z]+", text)


def measure(step: str, tree: Path) -> None:
    """In this process: write the data, build and show the window, time `step`."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from guide_app.shell.app import create_main_window
    from guide_app.store.review_book import ReviewBook

    words = vocabulary(tree)
    data = Path(tempfile.mkdtemp(prefix="huge-inputs-")).resolve() / "data"
    data.mkdir()
    book = ReviewBook(data)
    review = book.create("Huge note")
    if step == "run":
        book.set_text(review.id, CRITERION, "notes", "x" * NOTE_LENGTH)
    elif step in ("words", "query-note"):
        text = " ".join(words)
        book.set_text(
            review.id, CRITERION, "notes", (text * (NOTE_LENGTH // len(text) + 1))[:NOTE_LENGTH]
        )
    book.save_dirty()
    app = QApplication.instance() or QApplication(["benchmark"])
    window = create_main_window(None, data)
    window.show()
    QTest.qWait(200)  # the first paint, then the search index and the reviews are read

    def timed(what: str, work: object) -> None:
        started = time.perf_counter()
        work()  # type: ignore[operator]
        window.repaint()
        app.processEvents()
        print(f"  {what:66} {time.perf_counter() - started:8.2f} s", flush=True)

    if step in ("run", "words"):
        timed(STEPS[step], lambda: window.open(f"review:{review.id}/{CRITERION}"))
        editor = window.reviews.editor
        timed("… another criterion", lambda: editor.select_node(OTHER))
        timed("… back to the note", lambda: editor.select_node(CRITERION))
        assert len(editor.panel.notes.toPlainText()) == NOTE_LENGTH
    elif step == "paste-note":
        window.open(f"review:{review.id}/{CRITERION}")
        notes = window.reviews.editor.panel.notes
        notes.setFocus()
        QApplication.clipboard().setText("x" * NOTE_LENGTH)
        timed(STEPS[step], lambda: QTest.keySequence(notes, QKeySequence.StandardKey.Paste))
        print(f"  {'… characters kept':66} {len(notes.toPlainText()):8,}")
    else:
        window.search.ensure_index()
        field = window.search.field
        field.setFocus()
        QApplication.clipboard().setText(" ".join(words[:QUERY_WORDS]))
        timed(STEPS[step], lambda: QTest.keySequence(field, QKeySequence.StandardKey.Paste))
    window.close()


def main() -> int:
    """Run every step in its own process, over this tree or `--tree`."""
    parser = argparse.ArgumentParser(prog="benchmarks.huge_inputs")
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout to measure")
    parser.add_argument("--timeout", type=float, default=300, help="seconds before a step stops")
    parser.add_argument("--measure", choices=STEPS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    tree = args.tree.resolve()
    if args.measure:
        measure(args.measure, tree)
        return 0
    print(f"huge inputs: {tree}, offscreen; seconds until the window answers again")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    for step in STEPS:
        command = [sys.executable, __file__, "--measure", step, "--tree", str(tree)]
        try:
            subprocess.run(command, cwd=tree, env=env, timeout=args.timeout, check=False)
        except subprocess.TimeoutExpired:
            print(f"  {STEPS[step]:66} > {args.timeout:.0f} s (stopped)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
