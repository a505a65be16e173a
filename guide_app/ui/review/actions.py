"""The Reviews menu's commands: their menu places and what they do."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from guide_app.ui.window.actions import ActionSpec, Handlers, spec
from guide_app.ui.window.navigation import review_location

if TYPE_CHECKING:
    from guide_app.ui.review.reviews_view import ReviewsView
    from guide_app.ui.review.sharing import ReviewSharing

SPECS: tuple[ActionSpec, ...] = (
    spec("show_reviews", "Service &reviews", "Review your service against the five principles",
         "Ctrl+R", icon="reviews", menu=("&Reviews", 1), toolbar=(2, 2)),
    spec("new_review", "&New service review…", "Start a review (or one from an earlier review)",
         QKeySequence.StandardKey.New, menu=("&Reviews", 1)),
    spec("action_plan", "&Action plan…", "Every action of every review: owner, due, overdue",
         menu=("&Reviews", 1)),
    spec("send_review", "&Send to a colleague…", "Save the review shown as a file to share",
         menu=("&Reviews", 3)),
    spec("import_review", "&Import review…", "Add a colleague's review, or merge their copy",
         menu=("&Reviews", 3)),
    spec("review_folder", "Review &folder…", "Keep reviews on this computer or in a team folder",
         menu=("&Reviews", 3)),
    spec("export_review_pdf", "Export review as &PDF…", "An A4 report for a governance meeting",
         menu=("&Reviews", 2)),
    spec("print_review", "P&rint review…", "Print the review, with a preview first",
         menu=("&Reviews", 2)),
)  # fmt: skip


class ReviewCommands:
    """Shows the reviews and runs their commands on the review shown.

    `reviews` gives the reviews view (built on first use); `open` shows a location.
    """

    def __init__(
        self,
        reviews: Callable[[], ReviewsView],
        open_location: Callable[[str], object],
        say: Callable[[str], None],
        restart: Callable[[], bool] = lambda: False,
    ) -> None:
        self.reviews, self.open, self.say = reviews, open_location, say
        self.restart = restart  # close and open the window again (a new review folder)

    def handlers(self) -> Handlers:
        """What each review command does, by name."""
        return {
            "show_reviews": self.show,
            "new_review": self.new_review,
            "export_review_pdf": lambda: self.on_review_shown(lambda v: v.ask_export("pdf")),
            "print_review": lambda: self.on_review_shown(lambda v: v.print_preview()),
            "action_plan": self.action_plan,
            "send_review": lambda: self.on_review_shown(
                lambda v: self.sharing(v).ask_send(v.current_id() or "")
            ),
            "import_review": lambda: self.sharing(self.reviews()).ask_import(),
            "review_folder": self.review_folder,
        }

    def review_folder(self) -> None:
        """Ask where reviews are kept: this computer, or a folder the team shares."""
        from guide_app.ui.review.review_folder_dialog import ReviewFolderDialog  # on use

        view = self.reviews()
        if view.book.data_dir is None:
            self.say("Reviews are not saved in this session, so there is no folder to choose.")
            return
        ReviewFolderDialog(view.book.data_dir, self.restart, view.window()).open()

    def sharing(self, view: ReviewsView) -> ReviewSharing:
        """Send and import for the reviews view (built on first use)."""
        from guide_app.ui.review.sharing import ReviewSharing  # dialogs: on first use

        def shown(review_id: str) -> None:
            self.open(review_location(review_id))
            view.editor.set_review(review_id)  # every part of the editor shows the merge

        return ReviewSharing(view.book, view.guide, self.say, shown, view.window())

    def action_plan(self) -> None:
        """Show every action of every review (the reviews are read first if they were not)."""
        from guide_app.ui.review.action_plan_view import ActionPlanView  # a dialog: on use

        view = self.reviews()
        ActionPlanView(view.book, view.guide, self.open, self.say, view.window()).open()

    def show(self) -> None:
        """Show the reviews, at the review shown last."""
        self.open(review_location(self.reviews().current_id() or ""))

    def new_review(self) -> None:
        """Show the reviews and ask for a new review's details."""
        self.show()
        self.reviews().ask_new()

    def on_review_shown(self, command: Callable[[ReviewsView], object]) -> None:
        """Run a command of the reviews view on the review shown (showing the reviews first)."""
        self.show()
        if self.reviews().current_id() is None:
            self.say("There is no review yet: start one with New service review.")
            return
        command(self.reviews())
