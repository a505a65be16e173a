"""Render one screen size's screenshots (run by make_screenshots.py, on that size's screen).

The window is built as the app builds it, over a data folder holding a team's bookmarks, local
information and a long review (docs/sample_data.py), shown maximised as on a small laptop
screen; each picture is the whole screen, so a window or control past its edge is seen to be
cut off.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMessageLogContext, QPoint, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QRadioButton, QScrollArea, QWidget
from sample_data import SampleData, write_sample_data
from screen_fit import layout_problems

from guide_app import paths
from guide_app.guide.compiled import load_guide_cached
from guide_app.shell.app import create_main_window
from guide_app.ui.window.main_window import MainWindow

if TYPE_CHECKING:
    from make_screenshots import Shot

READ_PAGE = "local-knowledge"
UPDATED_PAGE = "how-common-is-the-overlap"  # updated in 2026.2: its mark beside the review dates
SEARCH_WORDS = "physio confidence"
SEARCH_MISSPELT = "anxius about back pain"  # shown as "Showing results for “anxious …”"
_SETTLE_ROUNDS = 6  # rounds of events and paints after each change
_SETTLE_MS = 50
_SHOWN_ROUNDS = 100  # at most 5 s for the window manager to map and maximise the window


def settle() -> None:
    """Let layouts, searches as you type and the paints they cause finish."""
    for _ in range(_SETTLE_ROUNDS):
        QApplication.processEvents()
        QTest.qWait(_SETTLE_MS)


def show_reader(window: MainWindow, _sample: SampleData) -> None:
    """A problem area's page, with the contents beside it."""
    window.open(READ_PAGE)
    window.commands["focus_contents"].trigger()


def show_bookmarks(window: MainWindow, sample: SampleData) -> None:
    """A bookmarked page, with the Bookmarks pane open on its bookmark (Ctrl+B)."""
    window.open(sample.bookmarked[0])
    window.commands["show_bookmarks"].trigger()


def show_local_information(window: MainWindow, _sample: SampleData) -> None:
    """A page with the team's local information framed at its top, the page focused."""
    window.open(READ_PAGE)
    window.reader.setFocus()


def show_review(window: MainWindow, sample: SampleData) -> None:
    """The review editor on the criterion with the most notes, evidence and actions, at its top."""
    window.open(f"review:{sample.review_id}/{sample.long_criterion}")
    window.reviews.editor.tabs.setCurrentIndex(0)
    settle()  # the panel lays out before it is scrolled
    _scroll_to_status(window, top=True)


def show_review_editing(window: MainWindow, sample: SampleData) -> None:
    """The same criterion scrolled to its status buttons, notes, evidence and actions."""
    show_review(window, sample)
    _scroll_to_status(window, top=False)


def _scroll_to_status(window: MainWindow, *, top: bool) -> None:
    """Scroll the criterion's panel to its start, or to put its status buttons at the top."""
    buttons = [
        b for b in window.reviews.findChildren(QRadioButton) if b.objectName().startswith("status-")
    ]
    if not buttons:
        raise LookupError("no status buttons (objectName status-...) in the review editor")
    area = _scroll_area(buttons[0])
    inside = area.widget() if area is not None else None
    if area is not None and inside is not None:
        y = 0 if top else buttons[0].mapTo(inside, QPoint(0, 0)).y() - 8
        area.verticalScrollBar().setValue(y)


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def show_review_summary(window: MainWindow, sample: SampleData) -> None:
    """The review's summary tab."""
    show_review(window, sample)
    window.reviews.editor.tabs.setCurrentIndex(1)


def _search_for(window: MainWindow, text: str) -> None:
    """Type `text` in the search field once the index is ready (not "Preparing search…")."""
    window.open(READ_PAGE)
    for _ in range(_SHOWN_ROUNDS):
        if window.search.index is not None:
            break
        settle()
    window.search.field.setText(text)


def show_search(window: MainWindow, _sample: SampleData) -> None:
    """Results for two words, as typed in the search field."""
    _search_for(window, SEARCH_WORDS)


def show_search_respelt(window: MainWindow, _sample: SampleData) -> None:
    """A misspelt word respelt: "Showing results for …", and "Search instead for …"."""
    _search_for(window, SEARCH_MISSPELT)


def show_action_plan(window: MainWindow, _sample: SampleData) -> None:
    """Reviews > Action plan…: every action of every review, the open ones first."""
    window.commands["action_plan"].trigger()


_MERGES: list[int] = []


def show_review_merge(window: MainWindow, sample: SampleData) -> None:
    """Reviews > Import review… on a colleague's copy that clashes with ours on two fields."""
    from guide_app.store.review_book import ReviewBook
    from guide_app.store.review_exchange import read_shared, shared_bytes, with_revision
    from guide_app.store.review_import import apply_import, plan_import

    window.open(f"review:{sample.review_id}/{sample.long_criterion}")  # reads the reviews
    folder = Path(tempfile.mkdtemp(prefix="guide-app-merge-"))
    view = window.reviews
    sharing = window.review_commands.sharing(view)
    sharing.send_to(sample.review_id, folder / "sent.guide-review")
    colleague = ReviewBook(None)
    shared = read_shared(folder / "sent.guide-review").review
    apply_import(colleague, plan_import(colleague, shared), lambda _c: "mine")
    criterion = sample.long_criterion
    colleague.set_text(
        sample.review_id,
        criterion,
        "notes",
        "Agreed at the team meeting: named-clinician lists start in both clinics in January.",
    )
    colleague.update_details(sample.review_id, people="AB, CD, EF (pain service)")
    back = with_revision(colleague.get(sample.review_id))
    (folder / "back.guide-review").write_bytes(shared_bytes(back, "2026.2", "2026-12-04"))
    _MERGES.append(1)  # each shot changes ours again, so that both copies clash every time
    ours = "Our own notes, changed since." + " Checked again." * (len(_MERGES) - 1)
    view.book.set_text(sample.review_id, criterion, "notes", ours)
    view.book.update_details(sample.review_id, people=f"AB, CD and {len(_MERGES)} more")
    sharing.open_file(folder / "back.guide-review")


def show_whats_changed(window: MainWindow, _sample: SampleData) -> None:
    """What's changed in this edition, as Help opens it: the current edition first."""
    window.commands["whats_changed"].trigger()


def show_updated_page(window: MainWindow, _sample: SampleData) -> None:
    """A page updated in this edition: its basis, review dates and "Updated in" mark."""
    window.open(UPDATED_PAGE)


def _content_copy(folder: Path, guide_lines: dict[str, str], dated: str = "") -> Path:
    """A copy of the shipped content with some of guide.yaml's lines replaced."""
    content = folder / "content"
    shutil.copytree(paths.content_dir(), content)
    guide = content / "guide.yaml"
    text = guide.read_text(encoding="utf-8")
    for old, new in guide_lines.items():
        text = text.replace(old, new)
    guide.write_text(text, encoding="utf-8")
    if dated:  # the current edition's date in changes.yaml must match guide.yaml's
        changes = content / "changes.yaml"
        body = changes.read_text(encoding="utf-8")
        changes.write_text(body.replace(dated, dated.split(":")[0] + ": 2025-06-01", 1))
    return content


def show_install_edition(window: MainWindow, _sample: SampleData) -> None:
    """File > Install content update… on a signed edition file: what it holds, ready to install."""
    from guide_app.store.editions import keys
    from guide_app.store.editions.edition_file import content_files, pack
    from guide_app.store.editions.trust import add_trusted

    folder = Path(tempfile.mkdtemp(prefix="guide-app-edition-"))
    edition = window.guide.edition
    content = _content_copy(folder, {f'edition: "{edition}"': 'edition: "2027.1"'})
    changes = content / "changes.yaml"
    entry = f'editions:\n  - edition: "2027.1"\n    date: {window.guide.date}\n'
    entry += "    note: Corrections after the winter review.\n    changes: []\n"
    changes.write_text(changes.read_text(encoding="utf-8").replace("editions:\n", entry, 1))
    key = keys.generate("Pain and Mental Health Guide editors")
    file = folder / "guide-2027.1.guide-edition"
    pack(content_files(content), "2027.1", window.guide.date, key, file)
    add_trusted(key.public(), window.data_root, paths.keys_dir())
    window.edition_commands.open_file(file)


def show_overdue_page(window: MainWindow, _sample: SampleData) -> None:
    """A page past its review date, in a second window over a copy of the content dated 2025."""
    folder = Path(tempfile.mkdtemp(prefix="guide-app-overdue-"))
    content = _content_copy(
        folder,
        {
            "date: 2026-12-04": "date: 2025-06-01",
            "review_due: 2027-12-04": "review_due: 2026-06-01",
        },
        dated="    date: 2026-12-04",
    )
    other = create_main_window(content, folder / "data", READ_PAGE)
    _EXTRA.append(other)
    other.showMaximized()
    wait_until_shown(other)


def show_review_open_elsewhere(window: MainWindow, sample: SampleData) -> None:
    """A review in a team's shared folder that a colleague has open: read-only, saying who."""
    from guide_app.store.review_book import ReviewBook
    from guide_app.store.review_place import ReviewPlace, write_place

    folder = Path(tempfile.mkdtemp(prefix="guide-app-shared-"))
    team = folder / "team"
    team.mkdir()
    shutil.copy(window.data_root.path / "reviews" / f"{sample.review_id}.json", team)
    write_place(folder / "data", ReviewPlace(team, "Alex"))
    colleague = ReviewBook(folder / "sam", place=ReviewPlace(team, "Sam Jones"))
    colleague.load()
    colleague.open_review(sample.review_id)  # Sam has it open on their computer
    _COLLEAGUES.append(colleague)
    other = create_main_window(None, folder / "data", None)
    _EXTRA.append(other)
    other.appearance.set_zoom(window.appearance.zoom, remember=False)  # as the shot asks
    other.appearance.set_theme(window.appearance.theme, remember=False)
    other.showMaximized()
    wait_until_shown(other)
    other.open(f"review:{sample.review_id}/{sample.long_criterion}")


def show_review_folder(window: MainWindow, _sample: SampleData) -> None:
    """Reviews > Review folder…, with a team folder chosen."""
    window.commands["review_folder"].trigger()
    settle()
    from guide_app.ui.review.review_folder_dialog import ReviewFolderDialog

    dialog = window.findChild(ReviewFolderDialog)
    if dialog is not None:
        dialog.shared.setChecked(True)
        dialog.folder.setText("/mnt/team/msk-service-reviews")


_COLLEAGUES: list[object] = []  # their locks stay held while the picture is taken
_EXTRA: list[MainWindow] = []  # windows a view opened over the main one


def close_extras(window: MainWindow) -> None:
    """Close what an earlier view opened (a dialog, a second window) before the next view."""
    while _EXTRA:
        _EXTRA.pop().close()
        window.appearance.apply()  # the other window set the app's palette and font its way
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and widget.isWindow():
            widget.close()
    settle()


VIEWS: dict[str, Callable[[MainWindow, SampleData], None]] = {
    "reader": show_reader,
    "bookmarks": show_bookmarks,
    "review": show_review,
    "review-editing": show_review_editing,
    "review-summary": show_review_summary,
    "search": show_search,
    "search-respelt": show_search_respelt,
    "whats-changed": show_whats_changed,
    "updated-page": show_updated_page,
    "local-information": show_local_information,
    "action-plan": show_action_plan,
    "review-merge": show_review_merge,
    "install-edition": show_install_edition,
    "overdue-page": show_overdue_page,
    "review-open-elsewhere": show_review_open_elsewhere,
    "review-folder": show_review_folder,
}


def grab(window: MainWindow) -> QPixmap:
    """The whole screen, frames and all (offscreen, where there is no screen: the window)."""
    if QGuiApplication.platformName() != "offscreen":
        screen = window.screen().grabWindow(0)
        if not screen.isNull():
            return screen
    return window.grab()


def wait_until_shown(window: MainWindow) -> None:
    """Wait (up to a bound) for the window manager to map and maximise the window."""
    for _ in range(_SHOWN_ROUNDS):
        handle = window.windowHandle()
        if window.isMaximized() and handle.isExposed():
            break
        QTest.qWait(_SETTLE_MS)
    settle()


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Pass Qt's messages on, less the offscreen plugin's one about every window shown."""
    if "does not support propagateSizeHints" not in message:
        sys.stderr.write(f"{message}\n")


def render(shots: Sequence[Shot], out: Path) -> int:
    """Render `shots` (all of one screen size) into `out`; 1 if any failed."""
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication(sys.argv[:1])
    failed = []
    with tempfile.TemporaryDirectory(prefix="guide-app-screenshots-") as folder:
        data = Path(folder)
        sample = write_sample_data(data, load_guide_cached(paths.content_dir(), None))
        window = create_main_window(None, data, READ_PAGE)
        window.showMaximized()
        wait_until_shown(window)
        for shot in shots:
            try:
                _take(window, shot, sample, out)
            except Exception:  # noqa: BLE001  # one view that breaks must not stop the others
                failed.append(shot.file_name)
                sys.stdout.write(f"{shot.file_name}: FAILED\n{traceback.format_exc()}\n")
        window.close()
        app.processEvents()
    if failed:
        sys.stdout.write(f"not rendered: {', '.join(failed)}\n")
    return 1 if failed else 0


def _take(window: MainWindow, shot: Shot, sample: SampleData, out: Path) -> None:
    appearance = window.appearance
    if appearance.zoom != shot.zoom:
        appearance.set_zoom(shot.zoom)
    if appearance.theme != shot.theme:
        appearance.set_theme(shot.theme)
    close_extras(window)
    VIEWS[shot.view](window, sample)
    settle()
    path = out / shot.file_name
    if not grab(window).save(str(path), "PNG", 0):  # 0: the most compression
        raise OSError(f"could not write {path}")
    problems = layout_problems(window, window.screen())
    sys.stdout.write(f"{path}: {'; '.join(problems) if problems else 'nothing cut off'}\n")
    sys.stdout.flush()
