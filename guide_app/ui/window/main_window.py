"""The main window: contents and reader side by side, toolbar and menus, wired to the history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.model import Guide, Node
from guide_app.guide.page import compose
from guide_app.paths import DataPlace, cache_dir
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.ui.bookmarks.controller import BookmarkController
from guide_app.ui.lazy_tab import LazyTab
from guide_app.ui.plain_text import window_title
from guide_app.ui.reading.contents_model import ContentsModel
from guide_app.ui.reading.contents_view import ContentsView
from guide_app.ui.reading.find_bar import FindBar
from guide_app.ui.reading.link_status import link_message
from guide_app.ui.reading.reader import Reader
from guide_app.ui.reading.recent_pages import RecentPages
from guide_app.ui.search.controller import SearchController
from guide_app.ui.settings_file import DataSettings
from guide_app.ui.window import fit as window_fit
from guide_app.ui.window import state as window_state
from guide_app.ui.window.actions import create_actions
from guide_app.ui.window.announcer import Announcer
from guide_app.ui.window.centre_stack import CentreStack, scrolling
from guide_app.ui.window.chrome import build_menus, build_toolbar
from guide_app.ui.window.history import History
from guide_app.ui.window_commands import WELCOME_PAGE, WindowCommands

if TYPE_CHECKING:  # only in annotations
    from PySide6.QtGui import QCloseEvent, QPaintEvent

    from guide_app.store.review_book import ReviewBook
    from guide_app.ui.bookmarks.pane import BookmarksPane
    from guide_app.ui.review.reviews_view import ReviewsView
    from guide_app.ui.search.pane import SearchPane

APP_TITLE = "Pain & Mental Health Guide"
REVIEW_PREFIX = "review:"


class MainWindow(QMainWindow):
    """Contents on the left, the page on the right; Back, Forward and Home in the toolbar."""

    REVIEW_PREFIX = REVIEW_PREFIX

    def __init__(
        self,
        guide: Guide,
        settings: DataSettings,
        bookmarks: BookmarkStore | None = None,
        bookmark_file: BookmarkFile | None = None,
        review_data: Path | None = None,
        place: DataPlace | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.place = place or DataPlace(settings.folder, "given")
        self.guide = guide
        self.settings = settings
        self.data_root = settings.root  # the data folder as the app took it
        self.history = History(parent=self)
        self.undo_stack = QUndoStack(self)
        self.commands = create_actions(self)
        self.bookmarks = bookmarks if bookmarks is not None else BookmarkStore()

        self.contents = ContentsView(ContentsModel(guide, self))
        self.reader = Reader()
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setAccessibleName("Side panes")
        self.side_tabs.tabBar().setAccessibleName("Side pane tabs")  # it takes the keyboard
        self._review_data = review_data  # the data folder (reviews/ in it); None: in memory
        self._review_book: ReviewBook | None = None  # read when first shown or searched
        self._reviews: ReviewsView | None = None
        cache = cache_dir(self.place.folder)
        self.search = SearchController(
            guide, self.bookmarks, self._load_reviews, cache, self, self.data_root
        )
        self.side_tabs.addTab(self.contents, "&Contents")
        # Search and Bookmarks are built when first chosen: the first frame need not wait.
        self.search_tab = LazyTab(self.side_tabs, "&Search", lambda: self.search.pane)
        self.bookmarks_tab = LazyTab(self.side_tabs, "Boo&kmarks", self._build_bookmarks_pane)
        self.find_bar = FindBar(self.reader)
        self.reading = reading = QWidget()
        reading.setObjectName("readingArea")
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reader, 1)
        column.addWidget(self.find_bar)
        self.centre = CentreStack()
        self.centre.addWidget(reading)
        self.splitter = QSplitter()  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(scrolling(self.centre))
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([300, 700])
        self.setCentralWidget(self.splitter)

        build_menus(self, self.commands)
        self.toolbar = build_toolbar(self, self.commands)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search.field)
        self._highlight: list[str] = []
        self._painted = False
        self._rested: str | None = None  # the page the keyboard last rested on in the contents
        self._passed_over: str | None = None  # a page that one takes the place of
        self.recent = RecentPages(settings, guide, self)
        self.announcer = Announcer(self, self.statusBar())
        self.bookmark_control = BookmarkController(
            self,
            guide,
            self.bookmarks,
            bookmark_file,
            self.undo_stack,
            self.commands["toggle_bookmark"],
            self.current_node,
            self.statusBar(),
        )
        self.command = WindowCommands(self)
        self._connect()
        window_fit.open_fitted(self)
        self._update_actions()
        self.command.appearance.apply()

    @property
    def bookmarks_pane(self) -> BookmarksPane:
        """The Bookmarks pane (built on first use)."""
        return self.bookmarks_tab.get()

    @property
    def search_pane(self) -> SearchPane:
        """The Search pane, in its tab (built on first use)."""
        return self.search_tab.get()

    def _build_bookmarks_pane(self) -> BookmarksPane:
        from guide_app.ui.bookmarks.model import BookmarksModel
        from guide_app.ui.bookmarks.pane import BookmarksPane

        pane = BookmarksPane(BookmarksModel(self.bookmarks, self.guide, self), self.undo_stack)
        pane.open_requested.connect(self.open)
        return pane

    @property
    def reviews(self) -> ReviewsView:
        """The service reviews: their list and checklist (built on first use)."""
        if self._reviews is None:
            from guide_app.ui.review.reviews_view import ReviewsView

            self._reviews = view = ReviewsView(
                self.review_book, self.guide, undo_stack=self.undo_stack
            )
            self.centre.addWidget(view)
            view.open_node.connect(self.open)
            view.review_chosen.connect(self._review_chosen)
            view.message.connect(self.announcer.announce)
            view.problems.connect(self.report)
        return self._reviews

    @property
    def reviews_built(self) -> ReviewsView | None:
        """The reviews view if it has been built, else None (asking builds nothing)."""
        return self._reviews

    def showing_reviews(self) -> bool:
        """True while the service reviews fill the centre of the window."""
        return self._reviews is not None and self.centre.currentWidget() is self._reviews

    @property
    def review_book(self) -> ReviewBook:
        """The service reviews' files (not read until first needed)."""
        if self._review_book is None:
            from guide_app.store.review_book import ReviewBook

            self._review_book = ReviewBook(self._review_data, self.data_root)
        return self._review_book

    def _load_reviews(self) -> ReviewBook:
        self.reviews.ensure_loaded()
        return self.review_book

    def _connect(self) -> None:
        self.search.open_target.connect(self.open_highlighted)
        self.search.shown.connect(self._show_search)
        self.search.announced.connect(lambda text: self.announcer.announce(text, 10_000))
        self.history.current_changed.connect(self._show)
        self.history.state_changed.connect(self._update_actions)
        self.contents.node_chosen.connect(self._chosen_in_contents)
        self.contents.node_rested.connect(self._rested_in_contents)
        self.reader.guide_link.connect(self.open)
        self.reader.external_link.connect(self._open_external)
        self.reader.blocked_link.connect(
            lambda url: self.announcer.announce(f"This link is not allowed: {url}")
        )
        self.reader.highlighted.connect(self._link_hovered)

    def _show_search(self) -> None:
        self.side_tabs.show()
        self.side_tabs.setCurrentWidget(self.search_pane)

    # Navigation -----------------------------------------------------------------------

    def open_highlighted(self, target: str, words: list[str]) -> None:
        """Open a search result and mark the searched words until the next navigation."""
        self._highlight = words
        if self.open(target) and self.history.current is not None:
            self._mark_highlight()

    def _mark_highlight(self) -> None:
        if self._highlight and not self.showing_reviews():
            count = self.reader.highlight(self._highlight)
            self.announcer.announce(
                "No matching words on this page"
                if count == 0
                else f"{count} matching word{'' if count == 1 else 's'} marked on this page"
            )
        self._highlight = []

    def open(self, node_id: str) -> bool:
        """Show the page for an id, a former id or a guide:<id> link; False if there is none.

        `review:<id>` shows that review ("review:" alone, the last one).
        """
        node_id = node_id.removeprefix("guide:")
        if node_id.startswith(REVIEW_PREFIX):
            if self.history.current != node_id:
                self.history.go(node_id)
            return True
        node = self.guide.resolve(node_id)
        if node is None:
            self.announcer.announce(f"No page with the id '{node_id}' in this edition")
            return False
        self.history.go(node.id)
        return True

    def _chosen_in_contents(self, node_id: str) -> None:
        self._rested = None  # a page chosen with Enter or a click is a visit of its own
        self.open(node_id)

    def _rested_in_contents(self, node_id: str) -> None:
        """Show the page the keyboard rested on, in place of the last one if still shown.

        Back and Recent pages then skip the pages passed over on the way through the tree.
        """
        passed, self._rested = self._rested, node_id
        if passed is not None and passed == self.history.current:
            self._passed_over = passed
            self.history.replace(node_id)
            self._passed_over = None
        else:
            self.history.go(node_id)

    @property
    def current_id(self) -> str | None:
        """The id of the node shown now."""
        return self.history.current

    def _show(self, node_id: str) -> None:
        self.announcer.place_changed()  # a hovered link's address is not left behind
        if node_id.startswith(REVIEW_PREFIX):
            review_id, _, criterion = node_id.removeprefix(REVIEW_PREFIX).partition("/")
            self.reviews.select(review_id or self.reviews.current_id())
            if criterion:
                self.reviews.editor.select_node(criterion)
            self.centre.setCurrentWidget(self.reviews)
            self.side_tabs.hide()  # the checklist needs the width; Back brings the pane back
            self.contents.show_node("")
            self.setWindowTitle(f"Service reviews — {APP_TITLE}")
        else:
            page = compose(self.guide, self.guide.nodes[node_id])
            self.reader.show_page(page)
            self.centre.setCurrentWidget(self.reading)
            self.side_tabs.show()
            self.contents.show_node(node_id)
            self.recent.visit(node_id, instead_of=self._passed_over)
            named = page.title if page.title == APP_TITLE else f"{page.title} — {APP_TITLE}"
            self.setWindowTitle(window_title(named))  # the home page is named once
        self.bookmark_control.refresh()

    def _review_chosen(self, review_id: str) -> None:
        """Record the review being edited as the current place (only while it is on screen)."""
        if self.showing_reviews():
            self.open(REVIEW_PREFIX + review_id)

    def _update_actions(self) -> None:
        self.commands["back"].setEnabled(self.history.can_go_back())
        self.commands["forward"].setEnabled(self.history.can_go_forward())

    def current_node(self) -> Node | None:
        """The guide node shown now (None while the reviews are shown)."""
        current = self.history.current
        return self.guide.nodes.get(current) if current is not None else None

    def _link_hovered(self, url: QUrl) -> None:
        message = link_message(url, self.guide)
        if message:  # shown until the pointer or the keyboard leaves the link
            self.announcer.announce(message, 0)
        else:
            self.announcer.clear()

    def _open_external(self, url: QUrl) -> None:
        self.announcer.announce(f"Opening in your browser: {url.toString()}")
        QDesktopServices.openUrl(url)

    def flush_saves(self) -> bool:
        """Save bookmarks and reviews now, without asking anything; True if all were saved."""
        view = self._reviews  # not built: no review was opened or changed
        if view is not None:
            view.commit_texts()
        return all([self.bookmark_control.saver.flush(), view is None or view.saver.flush()])

    # State ---------------------------------------------------------------------------

    def restore_state(self, open_id: str | None = None) -> None:
        """Restore geometry and splitter, then open `open_id`, the last page, or home."""
        window_state.restore(self, self.settings)
        window_fit.keep_on_screen(self)  # a size from a larger screen is not kept
        last = window_state.last_page(self.settings)
        first_run = last is None
        welcome = WELCOME_PAGE if first_run and WELCOME_PAGE in self.guide else None
        for candidate in (open_id, last, welcome, self.guide.home.id):
            if candidate and self._exists(candidate):
                self.open(candidate)
                break
        if open_id and not self._exists(open_id):
            self.open(open_id)  # says so in the status bar
        elif first_run and not open_id and welcome:
            self.announcer.announce(
                "Welcome. This page shows how to use the guide in two minutes;"
                " Help > How to use this guide brings it back.",
                15_000,
            )

    def _exists(self, location: str) -> bool:
        if location.startswith(REVIEW_PREFIX):
            self.reviews.ensure_loaded()
            review_id = location.removeprefix(REVIEW_PREFIX).partition("/")[0]
            return not review_id or review_id in self.reviews.book
        return self.guide.resolve(location) is not None

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
            QTimer.singleShot(0, self.command.appearance.follow_system)
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
            from guide_app.ui.help.data_problems import show_data_problems  # a dialog: when needed

            show_data_problems(self, messages)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save bookmarks, reviews and window state; stay open if the user chooses to."""
        reviews_saved = self._reviews is None or self._reviews.flush_before_quit()
        if not (self.bookmark_control.flush_before_quit() and reviews_saved):
            event.ignore()
            return
        self.search.finish()
        self.save_state()
        super().closeEvent(event)
