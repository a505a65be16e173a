"""The reading commands: their menu places and what they do (page order, find, recent, print)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from guide_app.guide.locations import GUIDE_SCHEME
from guide_app.guide.model import Guide
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.reading.find_bar import FindBar
from guide_app.ui.reading.link_status import link_message
from guide_app.ui.reading.reader import Reader
from guide_app.ui.reading.recent_pages import RecentPages
from guide_app.ui.window.actions import ActionSpec, Handlers, spec
from guide_app.ui.window.announcer import Announcer
from guide_app.ui.window.navigation import Navigator

if TYPE_CHECKING:
    from guide_app.ui.reading.recent_pages import RecentMenu

_Key = QKeySequence.StandardKey

GOING = (
    spec("previous_page", "&Previous page", "The page before this one in the guide's order",
         "Alt+PgUp", menu=("&Go", 2)),
    spec("next_page", "&Next page", "The page after this one in the guide's order",
         "Alt+PgDown", menu=("&Go", 2)),
    spec("recent_pages", "&Recent pages…",
         "The pages you read lately: choose one to go back to it", "Ctrl+H", menu=("&Go", 3)),
)  # fmt: skip
PAGE = (
    spec("find", "&Find in page…", "Find text in the page you are reading", _Key.Find,
         menu=("&Edit", 2)),
    spec("find_next", "Find &next", "Find the next match in the page", _Key.FindNext,
         menu=("&Edit", 2)),
    spec("find_previous", "Find pre&vious", "Find the previous match in the page",
         _Key.FindPrevious, menu=("&Edit", 2)),
    spec("copy_link", "Copy &link to this page", "Copy a guide: link that --open accepts",
         "Ctrl+Shift+L", menu=("&File", 1), menu_order=4),
    spec("print", "&Print page…", "Print the page you are reading (always light)", _Key.Print,
         menu=("&File", 1), menu_order=1),
    spec("print_preview", "Print pre&view…", "See how the page will print", menu=("&File", 1),
         menu_order=2),
    spec("export_pdf", "Save page as P&DF…", "Save the page you are reading as a PDF",
         "Ctrl+Shift+E", menu=("&File", 1), menu_order=3),
)  # fmt: skip
SPECS: tuple[ActionSpec, ...] = (*GOING, *PAGE)


class ReadingCommands:
    """Does the reading commands for the page shown; each is handed what it needs."""

    def __init__(
        self,
        guide: Guide,
        navigator: Navigator,
        reader: Reader,
        find_bar: FindBar,
        recent: RecentPages,
        announcer: Announcer,
        data_folder: Path,
        parent: QWidget,
    ) -> None:
        self.guide, self.navigator, self.reader, self.find_bar = guide, navigator, reader, find_bar
        self.recent, self.announcer, self.data_folder = recent, announcer, data_folder
        self.say = announcer.announce
        self.window = parent
        self.showing_reviews: Callable[[], bool] = lambda: False  # set by the window
        self._recent_menu: RecentMenu | None = None  # made when first shown
        self._highlight: list[str] = []

    def handlers(self) -> Handlers:
        """What each reading command does, by name."""
        return {
            "previous_page": lambda: self.step_page(-1),
            "next_page": lambda: self.step_page(1),
            "recent_pages": self.show_recent,
            "find": self.find,
            "find_next": self.find_bar.find_text,
            "find_previous": lambda: self.find_bar.find_text(backwards=True),
            "copy_link": self.copy_link,
            "print": self.print_page,
            "print_preview": self.preview_page,
            "export_pdf": self.ask_pdf,
        }

    def open_highlighted(self, target: str, words: list[str]) -> None:
        """Open a search result and mark the searched words until the next navigation."""
        self._highlight = words
        if self.navigator.open(target) and self.navigator.current is not None:
            self._mark_highlight()

    def _mark_highlight(self) -> None:
        if self._highlight and not self.showing_reviews():
            count = self.reader.highlight(self._highlight)
            self.say(
                "No matching words on this page"
                if count == 0
                else f"{count} matching word{'' if count == 1 else 's'} marked on this page"
            )
        self._highlight = []

    def link_hovered(self, url: QUrl) -> None:
        """Say where the link under the pointer or the keyboard goes, until it is left."""
        message = link_message(url, self.guide)
        if message:
            self.announcer.announce(message, 0)
        else:
            self.announcer.clear()

    def open_external(self, url: QUrl) -> None:
        """Open a web link in the system's browser (only ever on a click or Enter)."""
        self.say(f"Opening in your browser: {url.toString()}")
        QDesktopServices.openUrl(url)

    def find(self) -> None:
        """Open the find bar (on guide pages only)."""
        if self.showing_reviews():
            self.say("Find in page works on guide pages.")
            return
        self.find_bar.open_bar()

    def step_page(self, step: int) -> None:
        """Open the previous or next page in the guide's order."""
        node = self.navigator.current_node() or self.guide.home
        before, after = self.guide.neighbours(node)
        target = before if step < 0 else after
        if target is None:
            self.say("This is the first page." if step < 0 else "This is the last page.")
            return
        self.navigator.open(target.id)

    def show_recent(self) -> None:
        """Pop up the recent pages over the page, ready for the keyboard."""
        if self._recent_menu is None:
            from guide_app.ui.reading.recent_pages import RecentMenu

            self._recent_menu = RecentMenu(
                self.recent, self.guide, self.navigator.open, self.window
            )
        centre = self.reader.parentWidget() or self.reader
        place = centre.mapToGlobal(centre.rect().topLeft()) + QPoint(24, 24)
        self._recent_menu.show_at(place, self.navigator.current)

    def copy_link(self) -> None:
        """Copy guide:<id> for the page shown: `guide-app --open guide:<id>` reopens it."""
        node = self.navigator.current_node()
        if node is None:
            self.say("There is no guide page to link to here.")
            return
        page = self.guide.page_of(node)
        QGuiApplication.clipboard().setText(f"{GUIDE_SCHEME}{node.id}")
        self.say(f"Link to “{page.title}” copied: {GUIDE_SCHEME}{node.id}")

    def print_page(self, preview: bool = False) -> None:
        """Print the page shown (always light), with a print dialog or a preview first."""
        page = self.reader.page
        if page is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

        from guide_app.ui.page_print import print_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if preview:
            dialog = QPrintPreviewDialog(printer, self.window)
            dialog.paintRequested.connect(lambda p: print_page(page, p))
            dialog.exec()
        elif QPrintDialog(printer, self.window).exec() == QPrintDialog.DialogCode.Accepted:
            print_page(page, printer)

    def preview_page(self) -> None:
        """Show how the page shown will print."""
        self.print_page(preview=True)

    def save_pdf(self, path: Path) -> None:
        """Save the page shown as a PDF (raises OSError)."""
        from guide_app.ui.page_print import save_pdf

        page = self.reader.page
        if page is not None:
            save_pdf(page, path, self.data_folder)
            self.say(f"Saved “{page.title}” as {path}")

    def ask_pdf(self) -> None:
        """Ask where to save the page shown as a PDF, then save it."""
        page = self.reader.page
        if page is None or self.showing_reviews():
            self.say("Save as PDF works on guide pages; reviews have Export.")
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        from PySide6.QtWidgets import QFileDialog, QMessageBox  # dialogs: when first needed

        suggested = str(Path(folder) / f"{page.node_id}.pdf")
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Save page as PDF", suggested, "PDF (*.pdf)"
        )
        if not name:
            return
        try:
            self.save_pdf(Path(name))
        except OSError as error:
            why = f"Could not write {name}: {error.strerror or error}"
            QMessageBox.warning(self.window, "Not saved", shown_as_typed(why))
