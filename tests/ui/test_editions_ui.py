"""File > Install content update… and File > Content editions…, and an edition change kept safe."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QPlainTextEdit, QPushButton, QTreeWidget
from pytestqt.qtbot import QtBot

from guide_app import paths
from guide_app.common.safe_files import DataRoot
from guide_app.store.editions import keys
from guide_app.store.editions.edition_file import content_files, pack
from guide_app.store.editions.trust import add_trusted
from guide_app.store.reviews import Status
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.editions import (
    Publisher,
    content_at,
    edition_file,
    folder_hash,
    make_publisher,
    rewritten,
)
from tests.helpers.fixtures import MakeWindow
from tests.helpers.panes import bookmark_rows

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)
CRITERION = "people-see-a-consistent-clinician"


@pytest.fixture
def publisher(tmp_path: Path, data_dir: Path) -> Publisher:
    """A publisher whose key this data folder trusts (as `guide-app trust-key` leaves it)."""
    found = make_publisher(tmp_path / "keys")
    data_dir.mkdir(parents=True, exist_ok=True)
    add_trusted(keys.read_public(found.public_file), DataRoot(data_dir), paths.keys_dir())
    return found


def dialog(qtbot: QtBot, window: MainWindow, name: str) -> QDialog:
    qtbot.waitUntil(lambda: window.findChild(QDialog, name) is not None)
    found = window.findChild(QDialog, name)
    assert found is not None
    return found


def text_of(box: QDialog, name: str) -> str:
    label = box.findChild(QLabel, name)
    assert label is not None
    return label.text()


def press(qtbot: QtBot, box: QDialog, name: str) -> None:
    button = box.findChild(QPushButton, name)
    assert button is not None
    assert button.isVisible()
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def install_from_menu(qtbot: QtBot, window: MainWindow, file: Path) -> QDialog:
    """File > Install content update…, the file chosen in the file dialog; the dialog it opens."""
    window.commands["install_edition"].trigger()
    chooser = dialog(qtbot, window, "chooseEditionFile")
    assert isinstance(chooser, QFileDialog)
    chooser.selectFile(str(file))
    chooser.accept()
    return dialog(qtbot, window, "installEdition")


def test_an_edition_installs_from_the_file_menu_and_opens_after_a_restart(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path, publisher: Publisher
) -> None:
    window = make_window()
    shipped = window.guide.edition
    box = install_from_menu(qtbot, window, edition_file(tmp_path, publisher.key, "2099.1"))
    assert text_of(box, "installHeading") == "Install edition 2099.1?"
    assert "Signed by Test publisher" in text_of(box, "installText")
    assert f"Edition {shipped}, in use now, is kept" in text_of(box, "installText")
    assert not (data_dir / "editions" / "2099.1").exists()  # nothing until Install is pressed
    press(qtbot, box, "install")
    assert text_of(box, "installHeading") == "Edition 2099.1 is installed"
    assert (data_dir / "editions" / "2099.1" / "content" / "guide.yaml").is_file()
    press(qtbot, box, "restart_now")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.edition_commands.restart_requested
    again = make_window()
    assert again.guide.edition == "2099.1"


@pytest.mark.parametrize("damage", ["tampered", "unknown key", "older", "content error"])
def test_a_bad_edition_is_refused_in_the_window_and_changes_nothing(
    qtbot: QtBot,
    make_window: MakeWindow,
    data_dir: Path,
    tmp_path: Path,
    publisher: Publisher,
    damage: str,
) -> None:
    window = make_window()
    file = edition_file(tmp_path, publisher.key, "2099.1")
    expected = {
        "tampered": "was changed after the edition was signed",
        "unknown key": "a key this computer does not trust",
        "older": "which is not newer than edition",
        "content error": "the edition's content has 1 problem(s)",
    }[damage]
    if damage == "tampered":
        with zipfile.ZipFile(file) as archive:
            beta = archive.read("content/areas/beta.yaml")
        file = rewritten(file, {"content/areas/beta.yaml": beta.replace(b"Beta", b"Bet4")})
    elif damage == "unknown key":
        stranger = make_publisher(tmp_path / "stranger", "Someone else")
        file = edition_file(tmp_path / "s", stranger.key, "2099.1")
    elif damage == "older":
        file = edition_file(tmp_path / "o", publisher.key, "2000.1")
    else:
        content = content_at(tmp_path / "bad", "2099.1")
        alpha = content / "areas" / "alpha.yaml"
        alpha.write_text(alpha.read_text().replace("guide:beta", "guide:nowhere"))
        pack(content_files(content), "2099.1", "2026-01-01", publisher.key, file)
    before = folder_hash(data_dir)
    box = install_from_menu(qtbot, window, file)
    assert text_of(box, "installHeading") == "This file cannot be installed"
    assert expected in text_of(box, "installText")
    assert "Nothing has been changed" in text_of(box, "installText")
    problems = box.findChild(QPlainTextEdit, "installProblems")
    assert problems is not None
    if damage == "content error":
        assert problems.isVisible()
        assert problems.toPlainText().startswith("content/areas/alpha.yaml:")
    else:
        assert not problems.isVisible()
    assert box.findChild(QPushButton, "install") is None
    press(qtbot, box, "close")
    assert folder_hash(data_dir) == before


def test_an_edition_change_keeps_every_bookmark_and_review(
    qtbot: QtBot, make_window: MakeWindow, data_dir: Path, tmp_path: Path, publisher: Publisher
) -> None:
    first = make_window(open_id="local-knowledge")
    first.bookmarks.add("local-knowledge", "Local knowledge", "Call Sam on 0123")
    first.user_data.load_reviews()
    book = first.user_data.reviews
    review = book.create("Spring review", date="2026-03-01")
    book.set_status(review.id, CRITERION, Status.MET)
    book.set_text(review.id, CRITERION, "notes", "Seen by one physio")
    book.save_dirty()
    assert first.flush_saves()
    first.edition_commands.open_file(edition_file(tmp_path, publisher.key, "2099.1"))
    press(qtbot, dialog(qtbot, first, "installEdition"), "install")
    assert first.edition_commands.restart()

    second = make_window()  # the test content: neither the page nor the criterion is in it
    assert second.guide.edition == "2099.1"
    second.show_bookmarks()
    assert bookmark_rows(second.bookmarks_pane) == ["Local knowledge (not in this edition)"]
    assert second.bookmarks.bookmarks[0].note == "Call Sam on 0123"
    second.open(f"review:{review.id}")
    editor = second.reviews.editor
    assert not editor.old_criteria.isHidden()
    assert "1 assessed criterion is not in this edition" in editor.old_criteria.text()
    editor.tabs.setCurrentIndex(1)
    summary = editor.summary.toPlainText()
    assert "Criteria not in this edition" in summary
    assert "Seen by one physio" in summary
    second.bookmarks.add("alpha", "Alpha area")  # something new, made in the new edition
    assert second.flush_saves()

    second.commands["content_editions"].trigger()
    box = dialog(qtbot, second, "contentEditions")
    table = box.findChild(QTreeWidget, "editionsTable")
    assert table is not None
    rows = [
        [table.topLevelItem(n).text(c) for c in (0, 3)] for n in range(table.topLevelItemCount())
    ]
    assert rows == [["2099.1", "In use now"], [first.guide.edition, ""]]
    restart = box.findChild(QPushButton, "restartNow")
    assert restart is not None
    assert restart.isHidden()  # nothing chosen yet: nothing to restart for
    table.setCurrentItem(table.topLevelItem(1))
    press(qtbot, box, "useEdition")
    assert "is used from the next start" in text_of(box, "editionsStatus")
    press(qtbot, box, "restartNow")
    qtbot.waitUntil(lambda: not second.isVisible())

    third = make_window()
    assert third.guide.edition == first.guide.edition
    kept = {b.node_id: b.note for b in third.bookmarks.bookmarks}
    assert kept == {"local-knowledge": "Call Sam on 0123", "alpha": ""}
    assert "local-knowledge" in third.recent.ids()  # kept while 2099.1 did not have it
    third.user_data.load_reviews()
    found = third.user_data.reviews.get(review.id).assessment(CRITERION)
    assert (found.status, found.notes) == (Status.MET, "Seen by one physio")
