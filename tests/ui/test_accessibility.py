"""Every command is findable and named; every control has a name a screen reader can speak."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from guide_app.ui.help.shortcuts_dialog import ShortcutsDialog, shortcuts_html
from guide_app.ui.review.new_review_dialog import NewReviewDialog
from guide_app.ui.window.actions import PANE_KEYS
from guide_app.ui.window.main_window import MainWindow
from guide_app.ui.window.registry import SPECS

NATIVE = QKeySequence.SequenceFormat.NativeText


def menu_actions(window: MainWindow) -> set[str]:
    found: set[str] = set()

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif action.objectName():
                found.add(action.objectName())

    for menu in window.menuBar().findChildren(QMenu):
        walk(menu)
    return found


def test_every_action_has_text_a_menu_and_its_own_keys(window: MainWindow) -> None:
    keys = Counter()
    in_menus = menu_actions(window)
    for spec in SPECS:
        action = window.commands[spec.name]
        assert action.text().replace("&", "").strip(), spec.name
        assert action.objectName() in in_menus, f"{spec.name} is in no menu"
        for sequence in action.shortcuts():
            keys[sequence.toString(NATIVE)] += 1
            assert (
                sequence.toString(NATIVE) in action.toolTip() or action.shortcuts()[0] != sequence
            ), spec.name
    assert [k for k, n in keys.items() if n > 1] == []


def test_the_shortcuts_page_lists_every_key(qtbot: QtBot, window: MainWindow) -> None:
    page = shortcuts_html(window.commands, SPECS)
    for spec in SPECS:
        for sequence in window.commands[spec.name].shortcuts():
            assert sequence.toString(NATIVE) in page, spec.name
    for _where, keys, _what in PANE_KEYS:
        assert keys in page
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.HelpContents))
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    assert "Keyboard shortcuts" in dialog.page.toPlainText()
    dialog.close()


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable, visible widgets whose accessible name (what a screen reader says) is empty."""
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisibleTo(root):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_in_every_view_has_a_name(qtbot: QtBot, window: MainWindow) -> None:
    window.open("ex-one")
    window.commands["find"].trigger()
    assert unnamed_controls(window) == []
    for tab in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(tab)
        assert unnamed_controls(window) == [], window.side_tabs.tabText(tab)
    window.bookmarks.add("alpha", "Alpha")
    window.reviews.create_review("Spring")
    window.commands["show_reviews"].trigger()
    window.reviews.editor.select_node("crit-one")
    assert unnamed_controls(window) == []
    window.reviews.editor.tabs.setCurrentIndex(1)
    assert unnamed_controls(window) == []


def test_tree_rows_speak_their_kind_and_title(window: MainWindow) -> None:
    index = window.contents.model().index_for("act-one")
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Potential solution: Do one thing"


def test_f6_moves_between_panes_and_says_which(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    window.contents.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.reader
    assert window.statusBar().currentMessage() == "Page pane"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.search.field
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.contents
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search.field


def test_keyboard_only_search_open_bookmark_and_review(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keySequence(window, QKeySequence("Ctrl+K"))
    qtbot.keyClicks(QApplication.focusWidget(), "example one")
    qtbot.waitUntil(lambda: window.search.pane.model.rowCount() > 0)  # once the index is ready
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.current_id == "ex-one"
    qtbot.keySequence(window, QKeySequence("Ctrl+D"))
    assert window.bookmarks.for_node(["ex-one"]) is not None
    qtbot.keySequence(window, QKeySequence("Ctrl+B"))
    assert QApplication.focusWidget() is window.bookmarks_pane.view
    qtbot.keySequence(window, QKeySequence("Ctrl+R"))
    assert window.centre.currentWidget() is window.reviews

    typed: list[str] = []

    def fill_in_the_dialog() -> None:  # runs inside the dialog's own event loop
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewReviewDialog):
            QTimer.singleShot(20, fill_in_the_dialog)
            return
        qtbot.keyClicks(dialog.name, "Keyboard review")
        typed.append(dialog.name.text())
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(20, fill_in_the_dialog)
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))  # New service review
    assert typed == ["Keyboard review"]
    review = window.reviews.book.find("Keyboard review")
    tree = window.reviews.editor.tree
    tree.setFocus()
    assert window.reviews.editor.current_node_id() == "crit-one"  # a new review starts here
    qtbot.keyClick(tree, Qt.Key.Key_3)
    criterion = window.reviews.editor.current_node_id()
    assert criterion == "crit-one"
    assert window.reviews.book.get(review.id).assessment("crit-one").status.label == "Met"
