"""Render the main views offscreen to docs/screenshots/ (`make screenshots`)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from guide_app.app import create_main_window
from guide_app.store.reviews import Status
from guide_app.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1280, 820)


def settle(app: QApplication) -> None:
    """Let layouts, the search index and pending paints finish."""
    for _ in range(5):
        app.processEvents()
        QTest.qWait(60)


def fill(window: MainWindow) -> None:
    """A few bookmarks with notes and a half-done review, as a team would have."""
    store = window.bookmarks
    folder = store.add_folder("New referrals")
    for node, note in (
        (
            "ask-about-mood-and-sleep-at-first-appointment",
            "Use with every new referral; agreed at the March team meeting.",
        ),
        ("keep-a-local-services-directory", "Check the list is up to date."),
        ("ng59-low-back-pain-and-sciatica", ""),
    ):
        mark = store.add(node, window.guide.nodes[node].title, note=note)
        if note:
            store.move(mark.id, folder.id)
    book = window.reviews.book
    review = book.create(
        "Autumn 2026 review",
        "Community MSK physiotherapy",
        "2026-10-02",
        "Physio lead, psychologist, GP, peer worker",
    )
    book.set_status(review.id, "people-see-a-consistent-clinician", Status.PARTLY_MET)
    book.set_text(
        review.id,
        "people-see-a-consistent-clinician",
        "notes",
        "Most people see two clinicians; bank staff cover leave.",
    )
    book.set_text(
        review.id,
        "people-see-a-consistent-clinician",
        "evidence",
        "Audit of 20 episodes, September 2026",
    )
    book.add_action(
        review.id,
        "people-see-a-consistent-clinician",
        "Pilot named-clinician lists",
        "Physio lead",
        "2026-12-01",
    )
    book.set_status(review.id, "people-feel-their-pain-is-believed", Status.MET)
    book.set_status(review.id, "clinicians-trained-and-supervised", Status.NOT_MET)


def shoot(window: MainWindow, app: QApplication, name: str, setup: Callable[[], object]) -> None:
    setup()
    settle(app)
    window.grab().save(str(OUT / f"{name}.png"))
    sys.stdout.write(f"{OUT / name}.png\n")


def main() -> int:
    """Render each view; print the files written."""
    app = QApplication(sys.argv[:1])
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as data:
        window = create_main_window(None, Path(data), "local-knowledge")
        window.resize(*SIZE)
        window.show()
        fill(window)
        settle(app)
        shoot(window, app, "reader", lambda: window.open("local-knowledge"))

        def search() -> None:
            window.search.field.setText("physio confidence")
            window.search.pane.view.setCurrentIndex(window.search.pane.model.index(0, 0))

        shoot(window, app, "search", search)

        def bookmarks() -> None:
            window.search.field.clear()
            window.open("ask-about-mood-and-sleep-at-first-appointment")
            window.command.focus_bookmarks()
            first = window.bookmarks.for_node(["ask-about-mood-and-sleep-at-first-appointment"])
            if first is not None:
                window.bookmarks_pane.select(first.id)

        shoot(window, app, "bookmarks", bookmarks)

        def review() -> None:
            review = window.reviews.book.find("Autumn 2026 review")
            window.open(f"review:{review.id}/people-see-a-consistent-clinician")

        shoot(window, app, "review", review)
        shoot(window, app, "review-summary", lambda: window.reviews.editor.tabs.setCurrentIndex(1))

        def dark() -> None:
            window.open("hin-pic-c-physiotherapy-training")
            window.command.focus_contents()
            window.command.appearance.set_theme("dark")

        shoot(window, app, "dark", dark)

        def zoomed() -> None:
            window.command.appearance.set_theme("light")
            window.command.appearance.set_zoom(2.0)

        shoot(window, app, "zoom-200", zoomed)
        window.command.appearance.set_zoom(1.0)
        shoot(window, app, "high-contrast", lambda: window.command.appearance.set_theme("contrast"))
        window.command.appearance.set_theme("system")
        window.flush_saves()
    return 0


if __name__ == "__main__":
    sys.exit(main())
