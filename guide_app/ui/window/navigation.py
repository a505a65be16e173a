"""Where the window is: guide:<id> and review:<id>/<criterion> locations, opened with history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from guide_app.guide.locations import GUIDE_SCHEME, REVIEW_SCHEME
from guide_app.guide.model import Guide, Node
from guide_app.ui.window.history import History

REVIEW_PREFIX = REVIEW_SCHEME
WELCOME_PAGE = "how-to-use-this-guide"  # opened at the first start, and by Help


class Location:
    """A place the window can show: a guide page, or a review (and one of its criteria).

    A plain class: it is made at start-up, where a dataclass's generated code costs time.
    """

    __slots__ = ("criterion", "page", "review")

    def __init__(self, page: str = "", review: str | None = None, criterion: str = "") -> None:
        self.page = page  # a node id, for a guide page
        self.review = review  # a review id ("" for the last one shown), for the reviews
        self.criterion = criterion

    @classmethod
    def parse(cls, text: str) -> Location:
        """`guide:<id>`, `<id>` or `review:<id>/<criterion>` as a Location (ids not checked)."""
        text = text.removeprefix(GUIDE_SCHEME)
        if text.startswith(REVIEW_PREFIX):
            review, _, criterion = text.removeprefix(REVIEW_PREFIX).partition("/")
            return cls(review=review, criterion=criterion)
        return cls(page=text)

    @property
    def is_review(self) -> bool:
        """Whether this is a place in the service reviews."""
        return self.review is not None


def review_location(review_id: str = "", criterion: str = "") -> str:
    """The location of a review (the last one shown when `review_id` is empty)."""
    return f"{REVIEW_PREFIX}{review_id}/{criterion}" if criterion else REVIEW_PREFIX + review_id


class Navigator(QObject):
    """Opens locations, keeps Back and Forward, and says where the window is.

    The window listens to `shown` and lays out what it names; nothing else parses locations.

    Signals:
        shown(str, str): a location is now current (its text, and a page it took the place of
            when the keyboard passed over the contents, else "").
        unknown(str): a page id that is not in this edition was asked for.
    """

    shown = Signal(str, str)
    unknown = Signal(str)

    def __init__(self, guide: Guide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.guide = guide
        self.history = History(parent=self)
        self._rested: str | None = None  # the page the keyboard last rested on in the contents
        self._passed_over = ""  # a page the one being shown takes the place of
        self.history.current_changed.connect(self._current_changed)

    def _current_changed(self, location: str) -> None:
        self.shown.emit(location, self._passed_over)

    @property
    def current(self) -> str | None:
        """The location shown now (a node id or review:…), or None before the first."""
        return self.history.current

    def current_node(self) -> Node | None:
        """The guide page shown now (None while the reviews are shown)."""
        current = self.history.current
        return self.guide.nodes.get(current) if current is not None else None

    def open(self, location: str) -> bool:
        """Show a page by id, former id or guide:<id>, or review:<id>; False if there is none."""
        where = Location.parse(location)
        if where.is_review:
            text = review_location(where.review or "", where.criterion)
            if self.history.current != text:
                self.history.go(text)
            return True
        node = self.guide.resolve(where.page)
        if node is None:
            self.unknown.emit(where.page)
            return False
        self.history.go(node.id)
        return True

    def start(self, asked: str | None, last: str | None, exists: Callable[[str], bool]) -> bool:
        """Open `asked`, else the place shown last, else the welcome page, else home.

        The welcome page is opened only at a first start (nothing shown last). An `asked`
        place that does not exist is also opened, so that it is said. Return whether the
        welcome page was opened because this is the first start.
        """
        welcome = WELCOME_PAGE if last is None and WELCOME_PAGE in self.guide else None
        for candidate in (asked, last, welcome, self.guide.home.id):
            if candidate and exists(candidate):
                self.open(candidate)
                break
        if asked and not exists(asked):
            self.open(asked)  # the window says there is no such page
            return False
        return welcome is not None and not asked

    def home(self) -> None:
        """Open the guide's home page."""
        self.open(self.guide.home.id)

    def chosen_in_contents(self, node_id: str) -> None:
        """A page chosen in the contents with Enter or a click: a visit of its own."""
        self._rested = None
        self.open(node_id)

    def rested_in_contents(self, node_id: str) -> None:
        """Show the page the keyboard rested on, in place of the last one if still shown.

        Back and Recent pages then skip the pages passed over on the way through the tree.
        """
        passed, self._rested = self._rested, node_id
        if passed is not None and passed == self.history.current:
            self._passed_over = passed
            self.history.replace(node_id)
            self._passed_over = ""
        else:
            self.history.go(node_id)
