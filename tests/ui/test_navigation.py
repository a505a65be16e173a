"""Tree and reader stay in sync; links, Back, Forward and Home work by mouse and keyboard."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from guide_app.ui.window.main_window import MainWindow
from tests.helpers.reader import click_link


def test_choosing_a_tree_row_opens_its_page(qtbot: QtBot, window: MainWindow) -> None:
    tree = window.contents
    index = tree.model().index_for("act-two")
    tree.scrollTo(index)
    row = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert window.current_id == "act-two"  # a click opens at once
    assert window.reader.page is not None
    assert window.reader.page.title == "Do another thing"
    assert "Do another thing" in window.reader.toPlainText()
    assert window.windowTitle().startswith("Do another thing")


def test_keyboard_moves_through_the_tree_and_opens_pages(qtbot: QtBot, window: MainWindow) -> None:
    window.open("areas")
    tree = window.contents
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # Enter opens at once
    assert window.current_id == "alpha"
    with qtbot.waitSignal(tree.node_rested):  # a pause on a row shows it
        qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert window.current_id == "beta"  # areas start folded
    qtbot.keyClick(tree, Qt.Key.Key_Up)
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # unfold alpha
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    qtbot.keyClick(tree, Qt.Key.Key_Enter)
    assert window.current_id == "alpha/solutions"


def test_clicking_a_guide_link_navigates_and_the_tree_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.open("alpha")
    click_link(qtbot, window.reader, "guide:ex-one")
    assert window.current_id == "ex-one"
    current = window.contents.currentIndex()
    assert current.data() == "Example one"
    assert current.parent().data() == "Examples"


def test_tree_keeps_an_example_where_the_user_chose_it(qtbot: QtBot, window: MainWindow) -> None:
    model = window.contents.model()
    alpha_examples = model.index(2, 0, model.index_for("alpha"))
    under_alpha = model.index(0, 0, alpha_examples)
    window.contents.setCurrentIndex(under_alpha)
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    assert window.current_id == "ex-one"
    assert window.contents.currentIndex() == under_alpha


def test_back_forward_and_home_by_toolbar_and_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    window.open("act-one")
    window.open("beta")
    assert not window.commands["forward"].isEnabled()
    window.commands["back"].trigger()
    assert window.current_id == "act-one"
    back_keys = QKeySequence(QKeySequence.StandardKey.Back)
    qtbot.keySequence(window, back_keys)
    assert window.current_id == "alpha"
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Forward))
    assert window.current_id == "act-one"
    assert window.commands["forward"].isEnabled()
    window.open("crit-one")  # a new visit drops the forward entries
    assert not window.commands["forward"].isEnabled()
    qtbot.keySequence(window, QKeySequence("Alt+Home"))
    assert window.current_id == "home"
    assert window.contents.selectionModel().selectedIndexes() == []


def test_alt_left_goes_back(qtbot: QtBot, window: MainWindow) -> None:
    window.open("alpha")
    window.open("beta")
    qtbot.keyClick(window.reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == "alpha"
    qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_id == "beta"


def test_breadcrumb_link_goes_up(qtbot: QtBot, window: MainWindow) -> None:
    window.open("act-one")
    click_link(qtbot, window.reader, "guide:alpha")
    assert window.current_id == "alpha"


def test_criterion_opens_principle_scrolled_to_it(qtbot: QtBot, window: MainWindow) -> None:
    window.open("crit-two")
    assert window.reader.page is not None
    assert window.reader.page.node_id == "principle-one"
    assert window.contents.currentIndex().data() == "Principle one"


def test_former_id_opens_the_current_page(window: MainWindow) -> None:
    assert window.open("old-alpha")
    assert window.current_id == "alpha"


def test_unknown_id_says_so_and_stays(window: MainWindow) -> None:
    window.open("beta")
    assert not window.open("no-such-page")
    assert window.current_id == "beta"
    assert "no-such-page" in window.statusBar().currentMessage()


class _BrowserStandIn(QObject):
    """Receives URLs Qt would hand to the system browser (Qt's own URL-handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_external_links_go_to_the_browser_only_on_click(qtbot: QtBot, window: MainWindow) -> None:
    browser = _BrowserStandIn()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        window.open("ex-one")
        assert browser.opened == []  # showing a page never opens anything
        click_link(qtbot, window.reader, "https://example.org/one")
        assert browser.opened == ["https://example.org/one"]
        assert window.current_id == "ex-one"
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_other_schemes_are_refused(window: MainWindow) -> None:
    window.open("alpha")
    window.reader.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert window.current_id == "alpha"
    assert "not allowed" in window.statusBar().currentMessage()


def test_source_number_scrolls_within_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.open("act-two")
    window.resize(500, 300)
    bar = window.reader.verticalScrollBar()
    bar.setValue(0)
    click_link(qtbot, window.reader, "#src-src-two")
    assert window.current_id == "act-two"
    assert bar.value() > 0


def test_reader_loads_no_resources(window: MainWindow) -> None:
    assert window.reader.loadResource(2, QUrl("https://example.org/pic.png")) is None
    assert window.reader.loadResource(2, QUrl("file:///etc/hostname")) is None


def test_toolbar_icons_are_drawn_and_buttons_are_named(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "navigationToolBar")
    assert bar is not None
    for name, label in (("back", "Back"), ("forward", "Forward"), ("home", "Home")):
        action = window.commands[name]
        assert not action.icon().pixmap(24, 24).isNull(), name
        assert bar.widgetForAction(action).accessibleName() == label
        assert "(" in action.toolTip()  # the tooltip names the shortcut
    assert not window.windowIcon().isNull()
