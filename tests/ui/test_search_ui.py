"""Search and find-in-page through the real window, by keyboard."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from guide_app.store.reviews import Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.processes import GUIDE_APP, env


def type_search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.waitUntil(lambda: window.search.index is not None)  # built in its thread
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    field = window.search.field
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, text)


def targets(window: MainWindow) -> list[str]:
    return [r.target for r in window.search.pane.model.results]


def test_results_appear_as_you_type_and_enter_opens_the_best(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_search(qtbot, window, "example on")  # the last word matches as a prefix
    assert window.side_tabs.currentWidget() is window.search.pane
    assert targets(window)[0] == "ex-one"
    assert "result" in window.search.pane.count.text()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_id == "ex-one"


def test_down_moves_into_the_results_and_enter_opens_one(qtbot: QtBot, window: MainWindow) -> None:
    type_search(qtbot, window, "area")
    field = window.search.field
    qtbot.keyClick(field, Qt.Key.Key_Down)
    view = window.search.pane.view
    assert QApplication.focusWidget() is view
    assert view.currentIndex().row() == 0
    first = targets(window)[0]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_id == first


def test_opened_page_marks_the_words_until_the_next_page(qtbot: QtBot, window: MainWindow) -> None:
    type_search(qtbot, window, "paragraph")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.current_id == "alpha"
    marked = window.reader.extraSelections()
    assert marked
    assert marked[0].cursor.selectedText().lower() == "paragraph"
    window.open("beta")
    assert window.reader.extraSelections() == []


def test_kind_filter(qtbot: QtBot, window: MainWindow) -> None:
    type_search(qtbot, window, "one")
    assert {r.kind for r in window.search.pane.model.results} > {"example"}
    pane = window.search.pane
    pane.kind.setCurrentIndex(pane.kind.findData("examples"))
    assert {r.kind for r in pane.model.results} == {"example"}


def test_hostile_text_shows_no_error(qtbot: QtBot, window: MainWindow) -> None:
    """FTS5 syntax typed by chance is read as words: no error, and the words still count."""
    type_search(qtbot, window, 'NEAR( "unbalanced * -- OR')  # no page has "unbalanced"
    assert targets(window) == []
    assert window.search.pane.count.text() == (
        'No results for “NEAR( "unbalanced * -- OR”. Try fewer or different words.'
    )
    window.search.field.clear()
    type_search(qtbot, window, 'NEAR( "paragraph * -- OR')  # the same syntax round a real word
    assert targets(window) == ["alpha"]
    assert window.search.pane.count.text() == '1 result for “NEAR( "paragraph * -- OR”'


def test_your_notes_are_found(qtbot: QtBot, window: MainWindow) -> None:
    window.bookmarks.add("beta", "Beta area", note="Use with the Thursday clinic")
    review = window.reviews.create_review("Spring review")
    window.reviews.book.set_text(review.id, "crit-one", "notes", "Audit due in Thursday meeting")
    window.reviews.book.set_status(review.id, "crit-one", Status.PARTLY_MET)
    window.search.refresh_notes()
    type_search(qtbot, window, "thursday")
    results = window.search.pane.model.results
    assert {r.kind_label for r in results} == {"Your notes"}
    assert {r.target for r in results} == {"beta", f"review:{review.id}/crit-one"}
    review_hit = next(r for r in results if r.target.startswith("review:"))
    window.search.pane.result_chosen.emit(review_hit)
    assert window.centre.currentWidget() is window.reviews
    assert window.reviews.editor.current_node_id() == "crit-one"


def test_ctrl_f_finds_in_the_page_and_escape_closes(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    bar = window.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "paragraph")
    assert window.reader.textCursor().selectedText().lower() == "paragraph"
    qtbot.keyClicks(bar.field, "zzz")
    assert bar.status.text() == "Not found"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_search_command(tmp_path: Path) -> None:
    found = subprocess.run(
        [str(GUIDE_APP), "search", "IAPT", "--limit", "2"],
        capture_output=True,
        text=True,
        env=env(tmp_path),
        timeout=60,
        check=False,
    )
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert len(lines) == 2
    target, kind, _title, snippet = lines[0].split("\t")
    assert (target, kind) == ("nhs-talking-therapies-and-long-term-conditions", "evidence")
    assert "IAPT" in snippet
    none = subprocess.run(
        [str(GUIDE_APP), "search", "zzqx", "--kind", "examples"],
        capture_output=True,
        text=True,
        env=env(tmp_path),
        timeout=60,
        check=False,
    )
    assert none.returncode == 0
    assert none.stdout.strip() == "No results for 'zzqx' in examples"


def test_the_index_is_built_after_the_first_paint_and_cached(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    qtbot.waitUntil(lambda: window.search.index is not None)  # built in a thread, then handed on
    assert list((data_dir / "cache").glob("search-*.sqlite"))
