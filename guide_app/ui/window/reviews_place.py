"""The service reviews in the window: their files and their view, each made when first needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStackedWidget

from guide_app.guide.model import Guide
from guide_app.store.user_data import UserData
from guide_app.ui.startup import Lazy
from guide_app.ui.window.navigation import review_location

if TYPE_CHECKING:
    from guide_app.store.review_book import ReviewBook
    from guide_app.ui.review.reviews_view import ReviewsView


class ReviewsPlace:
    """Makes the review book when first read and the reviews view when first shown.

    Neither is made at start: the first frame needs neither, and most visits need no review.
    The view goes into `centre`; what it asks for goes to `open_location` (a page or a review
    being edited, while the reviews are shown), `say` (a message) and `report` (problems).
    """

    def __init__(
        self, guide: Guide, user_data: UserData, undo: QUndoStack, centre: QStackedWidget
    ) -> None:
        self.guide, self.user_data, self.undo = guide, user_data, undo
        self.centre = centre
        self.open_location: Callable[[str], object] = lambda _where: None
        self.say: Callable[[str], None] = lambda _text: None
        self.report: Callable[[list[str]], None] = lambda _messages: None
        self._view = Lazy(self._make_view)

    @property
    def book(self) -> ReviewBook:
        """The reviews' files (the user data's); not read until first needed."""
        return self.user_data.reviews

    @property
    def built(self) -> ReviewsView | None:
        """The view if it has been made, else None (asking makes nothing)."""
        return self._view.built

    @property
    def view(self) -> ReviewsView:
        """The reviews view (made, placed in the centre and wired when first asked for)."""
        return self._view.get()

    def _make_view(self) -> ReviewsView:
        from guide_app.ui.review.reviews_view import ReviewsView

        data = self.user_data
        view = ReviewsView(data, self.guide, undo_stack=self.undo)
        self.centre.addWidget(view)
        view.open_location.connect(self.open_location)
        view.review_chosen.connect(self._review_chosen)
        view.message.connect(self.say)
        view.problems.connect(self.report)
        if data.reviews_loaded:  # search read them first: list them now
            view.ensure_loaded()
        return view

    def shown(self) -> bool:
        """True while the reviews fill the centre."""
        return self.built is not None and self.centre.currentWidget() is self.built

    def _review_chosen(self, review_id: str) -> None:
        """Record the review being edited as the current place (only while it is on screen)."""
        if self.shown():
            self.open_location(review_location(review_id))
