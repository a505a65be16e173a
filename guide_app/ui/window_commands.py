"""What each of the main window's commands does: wiring actions to panes, dialogs and views."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QSize, QStandardPaths, QUrl
from PySide6.QtGui import QActionGroup, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from guide_app.ui.look.appearance import THEMES, Appearance
from guide_app.ui.plain_text import menu_text, shown_as_typed
from guide_app.ui.window.actions import retint
from guide_app.ui.window.announcer import STATUS_MS

if TYPE_CHECKING:
    from guide_app.ui.reading.recent_pages import RecentMenu
    from guide_app.ui.review.reviews_view import ReviewsView
    from guide_app.ui.window.main_window import MainWindow

WELCOME_PAGE = "how-to-use-this-guide"


class WindowCommands(QObject):
    """Connects every action of the window to what it does, and does it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.appearance = Appearance(window.settings, self)
        self._side_width = 300  # the side pane's width at 100%; it grows with the zoom
        self._recent_menu: RecentMenu | None = None  # made when first shown
        self.themes = QActionGroup(self)
        for name in THEMES:
            self.themes.addAction(window.commands[f"theme_{name}"])
        self._connect()

    def _connect(self) -> None:
        w, a = self.w, self.w.commands
        handlers = {
            "back": w.history.back, "forward": w.history.forward,
            "home": lambda: w.open(w.guide.home.id),
            "previous_page": partial(self.step_page, -1), "next_page": partial(self.step_page, 1),
            "recent_pages": self.show_recent,
            "focus_search": self.focus_search, "focus_contents": self.focus_contents,
            "focus_reader": self.focus_centre, "next_pane": partial(self.cycle_panes, 1),
            "previous_pane": partial(self.cycle_panes, -1),
            "show_bookmarks": self.focus_bookmarks,
            "import_bookmarks": w.bookmark_control.ask_import,
            "export_bookmarks": w.bookmark_control.ask_export,
            "show_reviews": lambda: w.open(w.REVIEW_PREFIX + (w.reviews.current_id() or "")),
            "new_review": self.new_review,
            "export_review_pdf": partial(self.in_reviews, methodcaller("ask_export", "pdf")),
            "print_review": partial(self.in_reviews, methodcaller("print_preview")),
            "undo": w.undo_stack.undo, "redo": w.undo_stack.redo, "find": self.find,
            "find_next": w.find_bar.find_text,
            "find_previous": lambda: w.find_bar.find_text(backwards=True),
            "copy_link": self.copy_link, "print": self.print_page,
            "print_preview": self.preview_page, "export_pdf": self.ask_pdf,
            "zoom_in": self.appearance.zoom_in, "zoom_out": self.appearance.zoom_out,
            "zoom_reset": lambda: self.appearance.set_zoom(1.0),  # remembered
            "shortcuts": self.show_shortcuts, "welcome": lambda: w.open(WELCOME_PAGE),
            "open_data_folder": self.open_data_folder, "diagnostics": self.copy_diagnostics,
            "about": self.about, "quit": w.close,
        }  # fmt: skip
        for name, handler in handlers.items():
            a[name].triggered.connect(lambda _checked=False, h=handler: h())
        for name in THEMES:
            a[f"theme_{name}"].triggered.connect(
                lambda _c=False, n=name: self.appearance.set_theme(n)
            )
        self.appearance.changed.connect(self._appearance_changed)
        stack = w.undo_stack
        stack.canUndoChanged.connect(a["undo"].setEnabled)
        stack.canRedoChanged.connect(a["redo"].setEnabled)
        # "&" in a title the text quotes is shown, not taken as a shortcut mark
        stack.undoTextChanged.connect(lambda t: a["undo"].setText(f"&Undo {menu_text(t)}".strip()))
        stack.redoTextChanged.connect(lambda t: a["redo"].setText(f"&Redo {menu_text(t)}".strip()))
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        a["import_bookmarks"].setEnabled(not w.bookmarks.read_only)

    # Announcing ----------------------------------------------------------------------

    def announce(self, text: str, ms: int = STATUS_MS) -> None:
        """Show `text` in the status bar and have screen readers speak it (window.announcer)."""
        self.w.announcer.announce(text, ms)

    # Panes ---------------------------------------------------------------------------

    def panes(self) -> list[tuple[str, QWidget]]:
        """The panes F6 moves between, in order, with the widget that takes the keyboard."""
        w = self.w
        found: list[tuple[str, QWidget]] = []
        if w.side_tabs.isVisible():
            side = w.side_tabs.currentWidget()
            views = {id(pane): pane.view for pane in (w.bookmarks_tab.built, w.search_tab.built)
                     if pane is not None}  # fmt: skip
            target = views.get(id(side), side)
            found.append((w.side_tabs.tabText(w.side_tabs.currentIndex()).replace("&", ""),
                          target))  # fmt: skip
        if w.showing_reviews():
            found.append(("Service reviews", w.reviews.list))
            found.append(("Review checklist", w.reviews.editor.tree))
        else:
            found.append(("Page", w.reader))
        found.append(("Search", w.search.field))
        return found

    def cycle_panes(self, step: int) -> None:
        """Move the keyboard to the next (or previous) pane and say which it is."""
        panes = self.panes()
        focus = QApplication.focusWidget()
        current = next((n for n, (_, widget) in enumerate(panes)
                        if focus is not None and (focus is widget or widget.isAncestorOf(focus))),
                       -1)  # fmt: skip
        name, widget = panes[(current + step) % len(panes)]
        widget.setFocus()
        self.announce(f"{name} pane")

    def focus_contents(self) -> None:
        self.w.side_tabs.show()
        self.w.side_tabs.setCurrentWidget(self.w.contents)
        self.w.contents.setFocus()

    def focus_bookmarks(self) -> None:
        self.w.side_tabs.show()
        self.w.side_tabs.setCurrentWidget(self.w.bookmarks_pane)
        self.w.bookmarks_pane.select_page(self.w.current_node())  # its note is the one typed
        self.w.bookmarks_pane.view.setFocus()

    def focus_search(self) -> None:
        self.w.search.field.setFocus()
        self.w.search.field.selectAll()

    def focus_centre(self) -> None:
        w = self.w
        (w.reviews.editor.tree if w.showing_reviews() else w.reader).setFocus()

    def new_review(self) -> None:
        """Show the reviews and ask for a new review's details."""
        self.w.open(self.w.REVIEW_PREFIX + (self.w.reviews.current_id() or ""))
        self.w.reviews.ask_new()

    def in_reviews(self, command: Callable[[ReviewsView], object]) -> None:
        """Run a command of the reviews view on the review shown (opening the reviews first)."""
        self.w.open(self.w.REVIEW_PREFIX + (self.w.reviews.current_id() or ""))
        if self.w.reviews.current_id() is None:
            self.announce("There is no review yet: start one with New service review.")
            return
        command(self.w.reviews)

    # The page ------------------------------------------------------------------------

    def find(self) -> None:
        if self.w.showing_reviews():
            self.announce("Find in page works on guide pages.")
            return
        self.w.find_bar.open_bar()

    def step_page(self, step: int) -> None:
        """Open the previous or next page in the guide's order."""
        node = self.w.current_node()
        if node is None:
            node = self.w.guide.home
        before, after = self.w.guide.neighbours(node)
        target = before if step < 0 else after
        if target is None:
            self.announce("This is the first page." if step < 0 else "This is the last page.")
            return
        self.w.open(target.id)

    def show_recent(self) -> None:
        """Pop up the recent pages over the centre of the window, ready for the keyboard."""
        if self._recent_menu is None:
            from guide_app.ui.reading.recent_pages import RecentMenu

            self._recent_menu = RecentMenu(self.w.recent, self.w.guide, self.w.open, self.w)
        centre = self.w.centre
        place = centre.mapToGlobal(centre.rect().topLeft()) + QPoint(24, 24)
        self._recent_menu.show_at(place, self.w.current_id)

    def copy_link(self) -> None:
        """Copy guide:<id> for the page shown: `guide-app --open guide:<id>` reopens it."""
        node = self.w.current_node()
        if node is None:
            self.announce("There is no guide page to link to here.")
            return
        page = self.w.guide.page_of(node)
        QGuiApplication.clipboard().setText(f"guide:{node.id}")
        self.announce(f"Link to “{page.title}” copied: guide:{node.id}")

    def print_page(self) -> None:
        page = self.w.reader.page
        if page is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from guide_app.ui.page_print import print_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self.w).exec() == QPrintDialog.DialogCode.Accepted:
            print_page(page, printer)

    def preview_page(self) -> None:
        page = self.w.reader.page
        if page is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from guide_app.ui.page_print import print_page

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.w)
        dialog.paintRequested.connect(lambda p: print_page(page, p))
        dialog.exec()

    def save_pdf(self, path: Path) -> None:
        """Save the page shown as a PDF (raises OSError)."""
        from guide_app.ui.page_print import save_pdf

        page = self.w.reader.page
        if page is not None:
            save_pdf(page, path, self.w.place.folder)
            self.announce(f"Saved “{page.title}” as {path}")

    def ask_pdf(self) -> None:
        page = self.w.reader.page
        if page is None or self.w.showing_reviews():
            self.announce("Save as PDF works on guide pages; reviews have Export.")
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        from PySide6.QtWidgets import QFileDialog  # dialogs: loaded when first needed

        name, _ = QFileDialog.getSaveFileName(self.w, "Save page as PDF",
                                              str(Path(folder) / f"{page.node_id}.pdf"),
                                              "PDF (*.pdf)")  # fmt: skip
        if name:
            try:
                self.save_pdf(Path(name))
            except OSError as error:
                from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when first needed

                QMessageBox.warning(self.w, "Not saved", shown_as_typed(
                    f"Could not write {name}: {error.strerror or error}"))  # fmt: skip

    # How it looks --------------------------------------------------------------------

    def _appearance_changed(self) -> None:
        w, a = self.w, self.w.commands
        a[f"theme_{self.appearance.theme}"].setChecked(True)
        palette = QApplication.palette()  # widgets may not have been told of a new one yet
        retint(a, palette)
        w.bookmark_control.retint(palette)
        sizes = w.splitter.sizes()
        # grows with the zoom, but leaves the page at least 60 % of the width
        side = min(round(self._side_width * self.appearance.zoom), round(sum(sizes) * 0.4))
        w.toolbar.setIconSize(
            QSize(round(24 * self.appearance.zoom), round(24 * self.appearance.zoom))
        )
        if sum(sizes) > side:
            w.splitter.setSizes([side, sum(sizes) - side])
        w.reader.rescale()
        if w.reviews_built is not None:
            w.reviews_built.rescale()
        a["zoom_reset"].setText(f"&Actual size (now {round(self.appearance.zoom * 100)}%)")

    # Help ----------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from guide_app.ui.help.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.w.commands, self.w).open()

    def about(self) -> None:
        p = self.w.place
        from guide_app.ui.help.about_dialog import AboutDialog

        AboutDialog(self.w.guide, p.folder, p.mode, self.diagnostics(), self.w).open()

    def diagnostics(self) -> str:
        """Versions, platform and paths for a support request (nothing personal)."""
        p = self.w.place
        from guide_app.diagnostics import diagnostics  # platform, sqlite3: not needed to start

        return diagnostics(self.w.guide, p.folder, p.mode, p.log)

    def copy_diagnostics(self) -> None:
        QGuiApplication.clipboard().setText(self.diagnostics())
        self.announce("Diagnostics copied: paste them into your message to IT support.")

    def open_data_folder(self) -> None:
        self.w.place.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.w.place.folder)))
