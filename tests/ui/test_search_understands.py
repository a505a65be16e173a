"""The Search pane on the real guide: respelling, the true count, rows, no waiting while typing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence
from pytestqt.qtbot import QtBot

from guide_app.cli import main
from guide_app.guide.load.loader import load_guide
from guide_app.store.user_data import UserData
from guide_app.ui.search.controller import SearchController
from guide_app.ui.search.pane import SHOWN, wrapped
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import MakeWindow, show_active
from tests.helpers.repo import CONTENT


@pytest.fixture
def guide_window(qtbot: QtBot, make_window: MakeWindow) -> MainWindow:
    """The main window over the shipped guide, its search index ready."""
    window = make_window()
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: window.search.index is not None)
    return window


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> list[str]:
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    window.search.field.clear()
    qtbot.keyClicks(window.search.field, text)
    return [r.target for r in window.search.pane.model.results]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fit note", "work-and-fit-notes"),
        ("kinesiophobia", "stratified-care-start-back"),
        (
            "patient passed between physio and mental health",
            "coordination-access-and-collaboration",
        ),
        ("NG193", "ng193-chronic-pain"),
    ],
)
def test_what_a_clinician_types_comes_first_in_the_window(
    qtbot: QtBot, guide_window: MainWindow, query: str, expected: str
) -> None:
    assert type_query(qtbot, guide_window, query)[:1] == [expected]


def test_the_window_and_the_command_line_agree(
    qtbot: QtBot,
    guide_window: MainWindow,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Same query, same data folder (the user's notes too): the same results, in order."""
    guide_window.bookmarks.add("neck-pain", "Neck pain", note="Whiplash clinic on Tuesdays")
    guide_window.user_data.flush()
    guide_window.search.refresh_notes()
    for query in ("whiplash", "anxius", "a patient anxious about back pain", "pain"):
        shown = type_query(qtbot, guide_window, query)
        limit = str(len(shown))
        assert main(["search", query, "--data-dir", str(data_dir), "--limit", limit]) == 0
        printed = capsys.readouterr().out.splitlines()
        assert [line.split("\t")[0] for line in printed] == shown, query
    assert "neck-pain" in type_query(qtbot, guide_window, "tuesdays")


def test_a_misspelt_word_is_respelt_with_a_way_back(qtbot: QtBot, guide_window: MainWindow) -> None:
    pane = guide_window.search.pane
    found = type_query(qtbot, guide_window, "sciatika")
    assert found[0] == "ng59-low-back-pain-and-sciatica"
    assert pane.count.text().startswith("Showing results for “sciatica”: ")
    assert pane.instead.isVisible()
    assert "Search instead for" in pane.instead.text()
    assert "sciatika" in pane.instead.text()
    pane.instead.linkActivated.emit("#exact")  # as a click or Enter on the link does
    assert pane.model.rowCount() == 0
    assert pane.count.text().startswith("No results for “sciatika”")
    assert not pane.instead.isVisible()
    qtbot.keyClicks(guide_window.search.field, "s")  # new text: respelt again
    assert pane.count.text().startswith("Showing results for “sciatica”")
    assert "sciatikas" in pane.instead.text()


def test_the_count_is_true_and_the_list_is_limited(qtbot: QtBot, guide_window: MainWindow) -> None:
    type_query(qtbot, guide_window, "pain")
    pane = guide_window.search.pane
    assert pane.model.rowCount() == SHOWN
    total = int(pane.count.text().split()[0])
    assert total > SHOWN
    assert pane.count.text() == f"{total} results for “pain” The best {SHOWN} are listed."


def test_a_page_opened_marks_whole_words_and_no_common_word(
    qtbot: QtBot, guide_window: MainWindow
) -> None:
    from PySide6.QtCore import Qt

    type_query(qtbot, guide_window, "MRI and the scan")
    qtbot.keyClick(guide_window.search.field, Qt.Key.Key_Return)
    marked = [s.cursor.selectedText().lower() for s in guide_window.reader.extraSelections()]
    assert marked
    stems_and_synonyms = {
        "mri",
        "magnetic resonance imaging",
        "scan",
        "scans",
        "scanned",
        "imaging",
    }
    assert set(marked) <= stems_and_synonyms, set(marked)  # never "and", "the", "imagined"


def test_typing_never_waits_for_the_index(qtbot: QtBot) -> None:
    """Before the index is ready the pane says so; what was typed is searched once it is."""
    controller = SearchController(load_guide(CONTENT), UserData(None))
    pane = controller.pane
    controller.field.setText("sleep")  # the typing path runs now, in this thread
    assert controller.index is None  # nothing was built or waited for in the UI thread
    assert pane.count.text() == "Preparing search…"
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0)  # the build's thread, then handed on
    assert pane.first() is not None
    assert pane.first().target == "ask-about-mood-and-sleep-at-first-appointment"
    controller.finish()


def test_enter_while_preparing_opens_the_best_once_ready(qtbot: QtBot) -> None:
    controller = SearchController(load_guide(CONTENT), UserData(None))
    controller.field.setText("NG59")
    with qtbot.waitSignal(controller.open_marked) as opened:
        controller.field.enter.emit()
    assert opened.args[0] == "ng59-low-back-pain-and-sciatica"
    controller.finish()


def test_titles_wrap_between_words_and_are_cut_only_at_the_end(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QFont())
    title = "Evidence and context for the guide's most important and longest page title here"
    width = metrics.horizontalAdvance("Evidence and context for")
    lines = wrapped(metrics, title, width, 2)
    assert len(lines) == 2
    assert title.startswith(lines[0])
    assert lines[1].endswith(" …")
    kept = lines[0] + " " + lines[1].removesuffix(" …")
    assert title.startswith(kept)  # whole words, in order: nothing cut in the middle
    assert all(metrics.horizontalAdvance(line) <= width for line in lines)
    assert wrapped(metrics, "Short title", 500, 2) == ["Short title"]


def test_a_row_names_kind_and_area_once(qtbot: QtBot, guide_window: MainWindow) -> None:
    type_query(qtbot, guide_window, "NG59")
    results = guide_window.search.pane.model.results
    evidence = next(r for r in results if r.target == "ng59-low-back-pain-and-sciatica")
    assert (evidence.kind_label, evidence.breadcrumb) == ("Evidence and context", "")
    type_query(qtbot, guide_window, "no private space")
    challenge = guide_window.search.pane.model.results[0]
    assert (challenge.kind_label, challenge.breadcrumb) == (
        "Challenge",
        "Environment and processes",
    )


def test_no_word_is_marked_inside_a_link_or_a_web_address(
    qtbot: QtBot, guide_window: MainWindow
) -> None:
    type_query(qtbot, guide_window, "keele startback")
    pane = guide_window.search.pane
    page = next(r for r in pane.model.results if r.target == "stratified-care-start-back")
    pane.result_chosen.emit(page)
    assert guide_window.current_id == "stratified-care-start-back"
    selections = guide_window.reader.extraSelections()
    assert selections
    text = guide_window.reader.toPlainText()
    assert "https://startback.hfac.keele.ac.uk/" in text  # the address is on the page, unmarked
    for selection in selections:
        assert not selection.cursor.charFormat().isAnchor()
        block = selection.cursor.block().text()
        start = selection.cursor.selectionStart() - selection.cursor.block().position()
        assert "://" not in block[max(0, start - 12) : start], block
