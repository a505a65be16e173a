"""The main window: the panes laid out, each feature's commands bound, and the place shown."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.model import CHANGES_ID, Guide, Node
from guide_app.guide.page import compose
from guide_app.identity import APP_NAME
from guide_app.paths import DataPlace, cache_dir
from guide_app.store.user_data import UserData
from guide_app.ui.bookmarks.controller import BookmarkController
from guide_app.ui.editions.commands import EditionCommands
from guide_app.ui.help.commands import HelpCommands
from guide_app.ui.lazy_tab import LazyTab
from guide_app.ui.local_info.controller import LocalInfoController
from guide_app.ui.look.appearance import Appearance
from guide_app.ui.look.commands import LookCommands
from guide_app.ui.plain_text import window_title
from guide_app.ui.reading.commands import ReadingCommands
from guide_app.ui.reading.contents_model import ContentsModel
from guide_app.ui.reading.contents_view import ContentsView
from guide_app.ui.reading.find_bar import FindBar
from guide_app.ui.reading.reader import Reader
from guide_app.ui.reading.recent_pages import RecentPages
from guide_app.ui.review.actions import ReviewCommands
from guide_app.ui.search.controller import SearchController
from guide_app.ui.settings_file import DataSettings
from guide_app.ui.window import fit as window_fit
from guide_app.ui.window import state as window_state
from guide_app.ui.window.actions import Handlers, bind_undo, create_actions, retint
from guide_app.ui.window.announcer import Announcer
from guide_app.ui.window.centre_stack import CentreStack, scrolling
from guide_app.ui.window.chrome import build_menus, build_toolbar
from guide_app.ui.window.navigation import WELCOME_PAGE, Location, Navigator
from guide_app.ui.window.panes import Pane, Panes
from guide_app.ui.window.registry import SPECS
from guide_app.ui.window.reviews_place import ReviewsPlace

if TYPE_CHECKING:  # only in annotations
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from guide_app.ui.bookmarks.pane import BookmarksPane
    from guide_app.ui.review.reviews_view import ReviewsView

log = logging.getLogger(__name__)
APP_TITLE = APP_NAME
SIDE_WIDTH = 300  # the side pane's width at 100 %; it grows with the zoom


class MainWindow(QMainWindow):
    """Contents on the left, the page (or the reviews) in the centre, menus and a toolbar.

    Each feature declares its commands (`SPECS`) and does them (`handlers()`); the window lays
    out the panes, binds the commands, and shows the place the navigator says is current.
    """

    def __init__(
        self,
        guide: Guide,
        settings: DataSettings,
        user_data: UserData | None = None,
        place: DataPlace | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.place = place or DataPlace(settings.folder, "given")
        self.guide = guide
        self.settings = settings
        self.data_root = settings.root  # the data folder as the app took it
        self.navigator = Navigator(guide, self)
        self.history = self.navigator.history
        self.undo_stack = QUndoStack(self)
        self.commands = create_actions(SPECS, self)
        self.user_data = user_data if user_data is not None else UserData(None)
        self.bookmarks = self.user_data.bookmarks
        self.announcer = Announcer(self, self.statusBar())
        self._build_panes()
        self.reviews_place = ReviewsPlace(guide, self.user_data, self.undo_stack, self.centre)
        self.reviews_place.open_location = self.open
        self.reviews_place.say = self.announcer.announce
        self.reviews_place.report = self.report
        build_menus(self, SPECS, self.commands)
        self.toolbar = build_toolbar(self, SPECS, self.commands)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search.field)
        self._painted = False
        self.recent = RecentPages(settings, guide, self)
        self.bookmark_control = BookmarkController(
            self,
            guide,
            self.bookmarks,
            self.user_data.bookmark_file,
            self.undo_stack,
            self.commands["toggle_bookmark"],
            self.current_node,
            self.statusBar(),
            self.user_data.bookmark_saving,
        )
        self.local_info = LocalInfoController(
            self, guide, self.user_data, self.undo_stack, self.commands, self.current_node,
            self.reader,
        )  # fmt: skip
        self.appearance = Appearance(settings, self)
        self._make_commands()
        self._connect()
        window_fit.open_fitted(self)
        self._update_actions()
        self.appearance.apply()

    def _build_panes(self) -> None:
        self.contents = ContentsView(ContentsModel(self.guide, self))
        self.reader = Reader()
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setAccessibleName("Side panes")
        self.side_tabs.tabBar().setAccessibleName("Side pane tabs")  # it takes the keyboard
        cache = cache_dir(self.place.folder)
        self.search = SearchController(self.guide, self.user_data, cache, self, self.data_root)
        self.side_tabs.addTab(self.contents, "&Contents")
        # Search and Bookmarks are built when first chosen: the first frame need not wait.
        self.search_tab = LazyTab(self.side_tabs, "&Search", lambda: self.search.pane)
        self.bookmarks_tab = LazyTab(self.side_tabs, "Boo&kmarks", self._build_bookmarks_pane)
        self.find_bar = FindBar(self.reader)
        self.reading_area = area = QWidget()
        area.setObjectName("readingArea")
        column = QVBoxLayout(area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reader, 1)
        column.addWidget(self.find_bar)
        self.centre = CentreStack()
        self.centre.addWidget(area)
        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(scrolling(self.centre))
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([SIDE_WIDTH, 700])
        self.setCentralWidget(self.splitter)

    def _make_commands(self) -> None:
        say = self.announcer.announce
        self.look = LookCommands(self.appearance, self.commands, self)
        self.reading = ReadingCommands(
            self.guide,
            self.navigator,
            self.reader,
            self.find_bar,
            self.recent,
            self.announcer,
            self.place.folder,
            self,
        )
        self.reading.showing_reviews = self.showing_reviews
        self.panes = Panes(
            self.side_tabs, self.contents, self._centre_panes, self.search.field, say
        )
        self.edition_commands = EditionCommands(self.guide, self.data_root, say, self)
        restart = self.edition_commands.restart  # a new edition or a new review folder
        self.review_commands = ReviewCommands(lambda: self.reviews, self.open, say, restart)
        self.help = HelpCommands(self.guide, self.place, self.commands, SPECS, say, self)
        handlers: Handlers = {
            "back": self.history.back,
            "forward": self.history.forward,
            "home": self.navigator.home,
            "welcome": lambda: self.open(WELCOME_PAGE),
            "whats_changed": lambda: self.open(CHANGES_ID),
            "undo": self.undo_stack.undo,
            "redo": self.undo_stack.redo,
            "quit": self.close,
        }
        features = (self.look, self.reading, self.panes, self.review_commands, self.help)
        for feature in (*features, self.edition_commands, self.local_info):
            handlers |= feature.handlers()
        handlers |= self.bookmark_control.handlers(self.show_bookmarks)
        for name, handler in handlers.items():
            self.commands[name].triggered.connect(lambda _checked=False, h=handler: h())
        bind_undo(self.undo_stack, self.commands["undo"], self.commands["redo"])
        self.commands["import_bookmarks"].setEnabled(not self.bookmarks.read_only)

    def _centre_panes(self) -> list[Pane]:
        if self.showing_reviews():
            return [
                ("Service reviews", self.reviews.list),
                ("Review checklist", self.reviews.editor.tree),
            ]
        return [("Page", self.reader)]

    @property
    def bookmarks_pane(self) -> BookmarksPane:
        """The Bookmarks pane (built on first use)."""
        return self.bookmarks_tab.get()

    def _build_bookmarks_pane(self) -> BookmarksPane:
        from guide_app.ui.bookmarks.model import BookmarksModel
        from guide_app.ui.bookmarks.pane import BookmarksPane

        pane = BookmarksPane(BookmarksModel(self.bookmarks, self.guide, self), self.undo_stack)
        pane.open_location.connect(self.open)
        return pane

    def show_bookmarks(self) -> None:
        """Show the Bookmarks pane with the page's bookmark chosen (its note is the one typed)."""
        self.side_tabs.show()
        self.side_tabs.setCurrentWidget(self.bookmarks_pane)
        self.bookmarks_pane.select_page(self.current_node())
        self.bookmarks_pane.view.setFocus()

    def _show_search(self) -> None:
        self.side_tabs.show()
        self.side_tabs.setCurrentWidget(self.search_tab.get())

    @property
    def reviews(self) -> ReviewsView:
        """The service reviews: their list and checklist (built on first use)."""
        return self.reviews_place.view

    @property
    def reviews_built(self) -> ReviewsView | None:
        """The reviews view if it has been built, else None (asking builds nothing)."""
        return self.reviews_place.built

    def showing_reviews(self) -> bool:
        """True while the service reviews fill the centre of the window."""
        return self.reviews_place.shown()

    def _connect(self) -> None:
        self.search.open_marked.connect(self.reading.open_highlighted)
        self.search.shown.connect(self._show_search)
        self.search.announced.connect(lambda text: self.announcer.announce(text, 10_000))
        self.search.problems.connect(self.report)
        self.navigator.shown.connect(self._show)
        self.navigator.unknown.connect(
            lambda page: self.announcer.announce(f"No page with the id '{page}' in this edition")
        )
        self.history.state_changed.connect(self._update_actions)
        self.contents.open_location.connect(self.navigator.chosen_in_contents)
        self.contents.node_rested.connect(self.navigator.rested_in_contents)
        self.reader.open_location.connect(self.open)
        self.reader.external_link.connect(self.reading.open_external)
        self.reader.blocked_link.connect(
            lambda url: self.announcer.announce(f"This link is not allowed: {url}")
        )
        self.reader.highlighted.connect(self.reading.link_hovered)
        self.appearance.changed.connect(self._appearance_changed)

    def open(self, location: str) -> bool:
        """Show a page by id, former id or guide:<id>, or review:<id>; False if there is none."""
        return self.navigator.open(location)

    @property
    def current_id(self) -> str | None:
        """The location shown now (a node id, or review:…)."""
        return self.navigator.current

    def current_node(self) -> Node | None:
        """The guide node shown now (None while the reviews are shown)."""
        return self.navigator.current_node()

    def _show(self, location: str, passed_over: str) -> None:
        """Lay out what `location` names: a guide page, or the reviews at a review."""
        self.announcer.place_changed()  # a hovered link's address is not left behind
        where = Location.parse(location)
        if where.is_review:
            self.reviews.select(where.review or self.reviews.current_id())
            if where.criterion:
                self.reviews.editor.select_node(where.criterion)
            self.centre.setCurrentWidget(self.reviews)
            self.side_tabs.hide()  # the checklist needs the width; Back brings the pane back
            self.contents.show_node("")
            self.setWindowTitle(f"Service reviews — {APP_TITLE}")
        else:
            page = self.local_info.decorate(compose(self.guide, self.guide.nodes[where.page]))
            self.reader.show_page(page)
            self.centre.setCurrentWidget(self.reading_area)
            self.side_tabs.show()
            self.contents.show_node(where.page)
            self.recent.visit(where.page, instead_of=passed_over or None)
            named = page.title if page.title == APP_TITLE else f"{page.title} — {APP_TITLE}"
            self.setWindowTitle(window_title(named))  # the home page is named once
        self.bookmark_control.refresh()
        self.local_info.refresh()

    def _update_actions(self) -> None:
        self.commands["back"].setEnabled(self.history.can_go_back())
        self.commands["forward"].setEnabled(self.history.can_go_forward())

    def _appearance_changed(self) -> None:
        """Icons in the theme's colours; the side pane and toolbar icons grow with the zoom."""
        zoom = self.appearance.zoom
        palette = QApplication.palette()  # widgets may not have been told of a new one yet
        retint(SPECS, self.commands, palette)
        self.bookmark_control.retint(palette)
        sizes = self.splitter.sizes()
        # grows with the zoom, but leaves the page at least 60 % of the width
        side = min(round(SIDE_WIDTH * zoom), round(sum(sizes) * 0.4))
        self.toolbar.setIconSize(QSize(round(24 * zoom), round(24 * zoom)))
        if sum(sizes) > side:
            self.splitter.setSizes([side, sum(sizes) - side])
        self.reader.rescale()
        if self.reviews_built is not None:
            self.reviews_built.rescale()

    def flush_saves(self) -> bool:
        """Save bookmarks and reviews now, without asking anything; True if all were saved."""
        view = self.reviews_built  # not built: no review was opened or changed
        if view is not None:
            view.commit_texts()
        return self.user_data.flush()

    def restore_state(self, open_id: str | None = None) -> None:
        """Restore geometry and splitter, then open `open_id`, the last page, or home."""
        window_state.restore(self, self.settings)
        window_fit.keep_on_screen(self)  # a size from a larger screen is not kept
        last = window_state.last_page(self.settings)
        if self.navigator.start(open_id, last, self._exists):
            self.announcer.announce(
                "Welcome. This page shows how to use the guide in two minutes;"
                " Help > How to use this guide brings it back.",
                15_000,
            )

    def _exists(self, location: str) -> bool:
        where = Location.parse(location)
        if where.is_review:
            self.reviews.ensure_loaded()
            return not where.review or where.review in self.reviews.book
        return self.guide.resolve(where.page) is not None

    def save_state(self) -> None:
        """Remember geometry, splitter and the page shown."""
        window_state.save(self, self.settings, self.current_id)
        self.settings.save()

    def paintEvent(self, event: QPaintEvent) -> None:
        """After the first paint: follow the computer's dark mode, prepare search.

        Dark mode is checked under the System theme (see Appearance.apply). Search (its index
        and the reviews' notes) is not prepared at show: a thread building the index would
        hold Python's lock while the first frame is being drawn.
        """
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.appearance.follow_system)
            QTimer.singleShot(0, self.search.prepare)

    def bring_forward(self, open_id: str = "") -> None:
        """Show the window in front (a second start asked for it), opening `open_id` if given."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        if open_id:
            self.open(open_id)

    def report(self, messages: list[str]) -> None:
        """Tell the user about problems found in their saved files, without blocking."""
        if messages:
            from guide_app.ui.help.data_problems import show_data_problems  # a dialog: later

            show_data_problems(self, messages)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save bookmarks, reviews and window state; stay open if the user chooses to."""
        view = self.reviews_built
        reviews_saved = view is None or view.flush_before_quit()
        local_saved = self.local_info.flush_before_quit()
        if not (self.bookmark_control.flush_before_quit() and reviews_saved and local_saved):
            event.ignore()
            return
        if not self.user_data.flush():  # rescued reviews search read, never shown: try once more
            log.error("closing with unsaved %s", ", ".join(self.user_data.saving.unsaved))
        self.user_data.close()
        self.search.finish()
        self.save_state()
        super().closeEvent(event)
