"""The main window: contents and reader side by side, toolbar and menus, wired to the history."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from guide_app import __version__
from guide_app.guide.model import Guide
from guide_app.guide.page import compose
from guide_app.ui import window_state
from guide_app.ui.actions import create_actions
from guide_app.ui.contents_model import ContentsModel
from guide_app.ui.contents_view import ContentsView
from guide_app.ui.history import History
from guide_app.ui.reader import Reader

APP_TITLE = "Pain & Mental Health Guide"
_STATUS_MS = 6000


class MainWindow(QMainWindow):
    """Contents on the left, the page on the right; Back, Forward and Home in the toolbar."""

    def __init__(self, guide: Guide, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.guide = guide
        self.settings = settings
        self.history = History(parent=self)
        self.commands = create_actions(self)

        self.contents = ContentsView(ContentsModel(guide, self))
        self.reader = Reader()
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setAccessibleName("Side panes")
        self.side_tabs.addTab(self.contents, "&Contents")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 700])
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._build_toolbar()
        self._connect()
        self.resize(1100, 760)
        self._update_actions()

    def _build_menus(self) -> None:
        a = self.commands
        menus = (
            ("&File", ("quit",)),
            ("&Go", ("back", "forward", "home", None, "focus_contents", "focus_reader")),
            ("&Help", ("about",)),
        )
        for title, names in menus:
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a[name])

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Navigation")
        bar.setObjectName("navigationToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        for name in ("back", "forward", "home"):
            bar.addAction(self.commands[name])
        for name in ("back", "forward", "home"):
            button = bar.widgetForAction(self.commands[name])
            button.setAccessibleName(self.commands[name].text().replace("&", ""))

    def _connect(self) -> None:
        a = self.commands
        a["back"].triggered.connect(self.history.back)
        a["forward"].triggered.connect(self.history.forward)
        a["home"].triggered.connect(lambda: self.open(self.guide.home.id))
        a["focus_contents"].triggered.connect(self._focus_contents)
        a["focus_reader"].triggered.connect(self.reader.setFocus)
        a["quit"].triggered.connect(self.close)
        a["about"].triggered.connect(self._about)
        self.history.current_changed.connect(self._show)
        self.history.state_changed.connect(self._update_actions)
        self.contents.node_chosen.connect(self.open)
        self.reader.guide_link.connect(self.open)
        self.reader.external_link.connect(self._open_external)
        self.reader.blocked_link.connect(
            lambda url: self.statusBar().showMessage(f"This link is not allowed: {url}", _STATUS_MS)
        )
        self.reader.highlighted.connect(self._link_hovered)

    # Navigation -----------------------------------------------------------------------

    def open(self, node_id: str) -> bool:
        """Show the page for `node_id` (an id or a former id); False if there is no such page."""
        node = self.guide.resolve(node_id)
        if node is None:
            self.statusBar().showMessage(
                f"No page with the id '{node_id}' in this edition", _STATUS_MS
            )
            return False
        self.history.go(node.id)
        return True

    @property
    def current_id(self) -> str | None:
        """The id of the node shown now."""
        return self.history.current

    def _show(self, node_id: str) -> None:
        node = self.guide.nodes[node_id]
        page = compose(self.guide, node)
        self.reader.show_page(page)
        self.contents.show_node(node_id)
        self.setWindowTitle(f"{page.title} — {APP_TITLE}")

    def _update_actions(self) -> None:
        self.commands["back"].setEnabled(self.history.can_go_back())
        self.commands["forward"].setEnabled(self.history.can_go_forward())

    def _focus_contents(self) -> None:
        self.side_tabs.setCurrentWidget(self.contents)
        self.contents.setFocus()

    def _link_hovered(self, url: QUrl) -> None:
        if url.isEmpty():
            self.statusBar().clearMessage()
        elif url.scheme() in ("http", "https", "mailto"):
            self.statusBar().showMessage(f"Opens in your browser: {url.toString()}")
        elif url.scheme() == "guide":
            node = self.guide.resolve(url.path())
            self.statusBar().showMessage(node.title if node is not None else url.toString())

    def _open_external(self, url: QUrl) -> None:
        self.statusBar().showMessage(f"Opening in your browser: {url.toString()}", _STATUS_MS)
        QDesktopServices.openUrl(url)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_TITLE}",
            f"<h3>{APP_TITLE}</h3><p>Version {__version__}. Content edition "
            f"{self.guide.edition} ({self.guide.date}).</p>"
            "<p>An independent offline guide built from the public outputs of the 2018/19 Q Lab "
            "and Mind project and from national guidance. It supports, and does not replace, "
            "professional judgement.</p>",
        )

    # State ---------------------------------------------------------------------------

    def restore_state(self, open_id: str | None = None) -> None:
        """Restore geometry and splitter, then open `open_id`, the last page, or home."""
        window_state.restore(self, self.settings)
        last = window_state.last_page(self.settings)
        for candidate in (open_id, last, self.guide.home.id):
            if candidate and self.guide.resolve(candidate) is not None:
                self.open(candidate)
                break
        if open_id and self.guide.resolve(open_id) is None:
            self.open(open_id)  # says so in the status bar

    def save_state(self) -> None:
        """Remember geometry, splitter and the page shown."""
        window_state.save(self, self.settings, self.current_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save window state on close."""
        self.save_state()
        super().closeEvent(event)
