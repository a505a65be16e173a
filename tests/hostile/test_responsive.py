"""Huge text stays usable: a 1,000,000-character note, a pasted page of search words (#14.15).

Speed is measured in benchmarks/huge_inputs.py; these tests check the behaviour that keeps
the window responsive: long text kept whole, the limits and what they say, what is searched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QTextOption
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import show_active

CRITERION = "crit-one"
LIMIT = 100_000  # characters a review field or bookmark note edits
# Words in many scripts, an emoji and a line break: the note must come back byte for byte.
LINE = "Audit of 10 records — café, naïve, 東京, Ünïcödé, 🙂 and more words here.\n"
MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def window(qtbot: QtBot, make_window: MakeWindow, kit_content: Path) -> MainWindow:
    """The main window, shown and active."""
    made = make_window(kit_content)
    show_active(qtbot, made)
    return made


def write_review(data_dir: Path, **texts: str) -> str:
    """A review saved with the app's own store, one criterion's text fields set; its id."""
    book = ReviewBook(data_dir)
    review = book.create("Huge note review")
    for name, text in texts.items():
        book.set_text(review.id, CRITERION, name, text)
    if "reason" in texts:
        book.set_status(review.id, CRITERION, Status.NOT_APPLICABLE)
    book.save_dirty()
    return review.id


def saved(data_dir: Path, review_id: str) -> dict[str, str]:
    payload = json.loads((data_dir / "reviews" / f"{review_id}.json").read_text("utf-8"))
    found: dict[str, str] = payload["assessments"][CRITERION]
    return found


def paste(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Paste `text` into `widget` with the keyboard, as a user does."""
    QApplication.clipboard().setText(text)
    qtbot.keySequence(widget, QKeySequence(QKeySequence.StandardKey.Paste))


def test_a_million_character_note_opens_whole_read_only_and_the_window_goes_on(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    note = "x" * 1_000_000  # no space to wrap at: Qt searched the whole run for every line
    review_id = write_review(data_dir, notes=note)
    window = make_window(kit_content)
    window.open(f"review:{review_id}/{CRITERION}")  # before the window is shown and laid out
    panel = window.reviews.editor.panel
    assert panel.notes.toPlainText() == note  # shown whole, nothing dropped
    assert panel.notes.isReadOnly()  # longer than the box edits
    assert panel.notes.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere  # laid out quickly
    message = panel.notes.message
    assert "1,000,000 characters" in message.text()
    assert "100,000" in message.text()
    assert "read-only" in message.text()
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: bool(fired), timeout=60_000)  # the event loop runs again
    assert message.isVisible()
    assert not panel.evidence.isReadOnly()  # the other fields are edited as usual


def test_a_note_over_the_limit_is_kept_byte_for_byte_when_the_review_is_saved(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    note = (LINE * (1_000_000 // len(LINE) + 1))[:1_000_000]
    review_id = write_review(data_dir, notes=note)
    before = saved(data_dir, review_id)["notes"].encode("utf-8")
    window = make_window(kit_content)
    show_active(qtbot, window)
    window.open(f"review:{review_id}/{CRITERION}")
    panel = window.reviews.editor.panel
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "typed into a note too long to edit")
    panel.evidence.setFocus()
    qtbot.keyClicks(panel.evidence, "Seen in the audit")
    window.close()  # saves
    after = saved(data_dir, review_id)
    assert after["notes"].encode("utf-8") == before
    assert after["evidence"] == "Seen in the audit"


def test_pasting_past_the_limit_keeps_the_limit_and_says_so_beside_the_field(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    review_id = write_review(data_dir, evidence="kept")
    window = make_window(kit_content)
    show_active(qtbot, window)
    window.open(f"review:{review_id}/{CRITERION}")
    panel = window.reviews.editor.panel
    panel.notes.setFocus()
    pasted = "y" * (LIMIT + 5)
    paste(qtbot, panel.notes, pasted)
    assert panel.notes.toPlainText() == pasted[:LIMIT]
    message = panel.notes.message
    assert message.isVisible()
    assert "100,000 characters" in message.text()
    assert "5 more characters were not added" in message.text()
    assert panel.notes.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    qtbot.keyClicks(panel.notes, "z")  # typing at the limit is refused too
    assert panel.notes.toPlainText() == pasted[:LIMIT]
    assert "1 more character was not added" in message.text()
    panel.notes.undo()  # one undo takes back the paste, as much of it as went in
    assert panel.notes.toPlainText() == ""
    panel.notes.redo()
    assert len(panel.notes.toPlainText()) == LIMIT
    window.close()
    assert saved(data_dir, review_id)["notes"] == pasted[:LIMIT]


def test_a_long_reason_is_kept_whole_and_typing_past_the_limit_is_refused(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    reason = "No local service offers it yet. " * 1_250  # 40,000 characters
    review_id = write_review(data_dir, reason=reason)
    window = make_window(kit_content)
    show_active(qtbot, window)
    window.open(f"review:{review_id}/{CRITERION}")
    panel = window.reviews.editor.panel
    assert panel.reason.text() == reason  # Qt's line edit cuts at 32,767 unless told
    panel.reason.setFocus()
    panel.reason.setCursorPosition(len(reason))
    qtbot.keyClicks(panel.reason, "Asked twice.")
    paste(qtbot, panel.reason, "w" * LIMIT)
    assert len(panel.reason.text()) == LIMIT
    assert panel.reason_limit.message.isVisible()
    assert "100,000 characters" in panel.reason_limit.message.text()
    window.close()
    assert saved(data_dir, review_id)["reason"] == (reason + "Asked twice." + "w" * LIMIT)[:LIMIT]


def test_a_bookmark_note_over_the_limit_is_shown_whole_and_read_only(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    note = "z" * (LIMIT + 1)
    bookmark = window.bookmarks.add("beta", "Beta area", note=note)
    short = window.bookmarks.add("alpha", "Alpha area", note="short")
    pane = window.bookmarks_pane
    window.side_tabs.setCurrentWidget(pane)
    pane.select(bookmark.id)
    assert pane.note.toPlainText() == note
    assert pane.note.isReadOnly()
    assert pane.note.message.isVisible()
    assert "100,001 characters" in pane.note.message.text()
    pane.select(short.id)
    assert not pane.note.isReadOnly()
    assert not pane.note.message.isVisible()
    pane.note.setFocus()
    paste(qtbot, pane.note, "q" * LIMIT)
    assert len(pane.note.toPlainText()) == LIMIT
    assert "5 more characters were not added" in pane.note.message.text()


def _match_groups(statements: list[str]) -> list[int]:
    """For each FTS5 query run, how many words (or known phrases) it asked for."""
    found = []
    for sql in statements:
        query = re.search(r"MATCH '(.*)'", sql)
        if query is not None:
            found.append(len(re.findall(r"\([^()]*\)", query.group(1))))
    return found


def test_a_pasted_page_searches_only_the_first_words_and_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = " ".join(f"area{n % 50} paragraph example" for n in range(1_700))  # 5,100 words
    index = window.search.ensure_index()
    statements: list[str] = []
    index._db.set_trace_callback(statements.append)  # the SQL SQLite really runs
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    paste(qtbot, window.search.field, page)
    count = window.search.pane.count.text()
    assert "Only the first 32 words are searched." in count
    assert "area20" not in count  # it quotes what was searched, not the whole page
    groups = _match_groups(statements)
    assert groups
    assert max(groups) <= 32


def test_a_pasted_run_of_letters_searches_only_the_first_characters(
    qtbot: QtBot, window: MainWindow
) -> None:
    index = window.search.ensure_index()
    statements: list[str] = []
    index._db.set_trace_callback(statements.append)
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    paste(qtbot, window.search.field, "k" * 30_000)
    assert "Only the first 400 characters are searched." in window.search.pane.count.text()
    assert statements
    assert all(len(sql) < 2_000 for sql in statements)


def test_a_query_is_cut_after_whole_words_and_never_keeps_more_than_the_limit() -> None:
    from guide_app.guide.search.query import MAX_QUERY_WORDS, shorten, words

    assert shorten("sleep and mood") == ("sleep and mood", "")
    cut = shorten(" ".join(f"word{n}" for n in range(5_000)))
    assert cut.cut == "words"
    assert words(cut.text) == [f"word{n}" for n in range(MAX_QUERY_WORDS)]
    assert cut.text.endswith(" ")  # the last word kept is whole, not a beginning
    folded = shorten("½ " * 40)  # each ½ folds into two words ("1", "2")
    assert len(words(folded.text)) <= MAX_QUERY_WORDS
