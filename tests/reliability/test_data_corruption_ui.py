"""The app itself on damaged data: it starts, says what it found, and saves what it rescued."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.documents import Status
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status as Mark
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow


def problems_shown(window: MainWindow) -> str:
    return "\n".join(box.text() for box in window.findChildren(QMessageBox, "dataProblems"))


def test_damaged_files_are_reported_and_what_was_rescued_is_saved_soon(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    store = BookmarkStore()
    for node in ("alpha", "beta", "gamma"):
        store.add(node, node.title(), note=f"my {node} note")
    BookmarkFile(data_dir).save(store)
    bookmarks = data_dir / "bookmarks.json"
    damaged_bookmarks = bookmarks.read_bytes()[: bookmarks.read_bytes().index(b'"gamma"')]
    bookmarks.write_bytes(damaged_bookmarks)  # cut off inside the third bookmark
    book = ReviewBook(data_dir)
    review = book.create("Spring review", date="2026-03-01")
    book.set_status(review.id, "crit-one", Mark.MET)
    book.set_status(review.id, "crit-two", Mark.NOT_MET)
    book.save_dirty()
    review_file = data_dir / "reviews" / f"{review.id}.json"
    damaged_review = review_file.read_bytes().replace(b'"not-met"', b'"not-mot"')  # still JSON
    review_file.write_bytes(damaged_review)

    window = make_window(kit_content)
    window.show()  # reviews are read after the first paint
    qtbot.waitUntil(lambda: str(review_file) in problems_shown(window))
    shown = problems_shown(window)
    assert f"{bookmarks} was damaged" in shown
    assert "bookmarks.json.corrupt-" in shown
    assert f"{review_file} was damaged" in shown
    assert [(b.node_id, b.note) for b in window.bookmarks.bookmarks] == [
        ("alpha", "my alpha note"),
        ("beta", "my beta note"),
    ]
    rescued = window.reviews.book.get(review.id)
    assert {k: a.status for k, a in rescued.assessments.items()} == {"crit-one": Mark.MET}
    # Without a further edit, what was rescued is written to clean files (else the next start
    # would find no bookmarks.json and no review file, and show nothing).
    qtbot.waitUntil(lambda: bookmarks.is_file() and review_file.is_file())
    for box in window.findChildren(QMessageBox, "dataProblems"):
        box.accept()
    window.close()

    assert [p.read_bytes() for p in data_dir.glob("bookmarks.json.corrupt-*")] == [
        damaged_bookmarks
    ]
    assert [p.read_bytes() for p in review_file.parent.glob("*.corrupt-*")] == [damaged_review]
    again = BookmarkStore()
    assert BookmarkFile(data_dir).load_into(again).status is Status.OK
    assert [b.node_id for b in again.bookmarks] == ["alpha", "beta"]
    reviews = ReviewBook(data_dir)
    assert reviews.load() == []
    assert reviews.get(review.id) == rescued


def test_a_newer_review_file_is_shown_read_only_and_left_alone(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    folder = data_dir / "reviews"
    folder.mkdir(parents=True)
    original = b'{"schema_version": 2, "id": "abc", "name": "From the future", "assessments": {}}'
    (folder / "abc.json").write_bytes(original)
    window = make_window(kit_content)
    window.show()
    qtbot.waitUntil(lambda: "newer version" in problems_shown(window))
    assert window.reviews.book.read_only("abc")
    assert "Read-only" in window.reviews.list.item(0).text()
    window.close()
    assert (folder / "abc.json").read_bytes() == original
    assert list(folder.iterdir()) == [folder / "abc.json"]
