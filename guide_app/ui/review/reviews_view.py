"""The Reviews view: saved reviews on the left, the selected review's editor on the right."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSignalBlocker, QStandardPaths, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from guide_app.common.safe_files import write_export
from guide_app.export.review_parts import PRIVACY_NOTE
from guide_app.guide.model import Guide
from guide_app.store.review_dates import uk_date
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Review, ReviewError
from guide_app.store.user_data import UserData
from guide_app.ui.autosave import AutoSaver, flush_or_ask
from guide_app.ui.plain_text import shown_as_typed, window_title
from guide_app.ui.review.flow_layout import FlowLayout
from guide_app.ui.review.new_review_dialog import NewReviewDialog
from guide_app.ui.startup import Lazy

if TYPE_CHECKING:
    from guide_app.ui.review.review_editor import ReviewEditor

FORMATS = {"pdf": "PDF report (*.pdf)", "md": "Markdown (*.md)", "csv": "Spreadsheet (*.csv)"}


class ReviewsView(QWidget):
    """Lists reviews and edits the chosen one; loads the reviews on first use and saves them.

    Signals:
        open_location(str): open a guide page from a review.
        review_chosen(str): the user chose a review (its id).
        message(str): something for the status bar.
        problems(list): messages about damaged or newer review files, after loading.
    """

    open_location = Signal(str)
    review_chosen = Signal(str)
    message = Signal(str)
    problems = Signal(list)

    def __init__(
        self,
        user_data: UserData,
        guide: Guide,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewsView")
        self.book = book = user_data.reviews
        self.guide = guide
        self.undo_stack = undo_stack  # the window's, so Ctrl+Z puts a removed action back
        self._criteria = sum(len(criteria) for _, criteria in principles(guide))
        self.saver = AutoSaver(user_data.review_saving, self)  # the user data's one saving
        self._load = user_data.load_reviews  # nothing when search read them first
        self._listed = False
        self._build()
        book.subscribe(self._book_changed)
        self.saver.failed.connect(self.message)
        self.saver.failed.connect(self._save_failed)
        self.saver.saved.connect(self.unsaved.hide)

    def _build(self) -> None:
        self.list = QListWidget()
        self.list.setObjectName("reviewList")
        self.list.setAccessibleName("Saved reviews")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_button = QPushButton("&New review…")
        self.delete_button = QPushButton("Delete…")
        self.export_button = QPushButton("E&xport")
        export_menu = QMenu(self.export_button)
        for fmt, label in FORMATS.items():
            export_menu.addAction(label.split(" (")[0] + "…", partial(self.ask_export, fmt))
        self.export_button.setMenu(export_menu)
        self.print_button = QPushButton("&Print…")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Service reviews")
        heading.setBuddy(self.list)
        left_layout.addWidget(heading)
        if self.book.shared is not None:  # say whose reviews these are
            where = QLabel(f"In the team's folder {self.book.shared}")
            where.setObjectName("sharedFolderNote")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            left_layout.addWidget(where)
        left_layout.addWidget(self.list, 1)
        buttons = FlowLayout()  # side by side, or one under another when narrow
        for button in (self.new_button, self.delete_button, self.export_button, self.print_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        self.unsaved = QLabel("⚠ Reviews not saved")  # stays until a save works
        self.unsaved.setObjectName("reviewsNotSaved")
        self.unsaved.setWordWrap(True)
        self.unsaved.hide()
        left_layout.addWidget(self.unsaved)
        self._editor = Lazy(self._make_editor)  # built when a review is first shown
        self.empty = QLabel(
            "No reviews yet.\n\nStart one with New review: the checklist holds "
            f"the {self._criteria} criteria of the five service principles.\n\n⚠ {PRIVACY_NOTE}"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.right)
        split.setStretchFactor(1, 1)
        split.setSizes([220, 1000])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.list.currentItemChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.ask_new)
        self.delete_button.clicked.connect(self.ask_delete)
        self.print_button.clicked.connect(self.print_preview)

    def _save_failed(self, message: str) -> None:
        """Keep a warning in view (the status bar's message passes) until a save works."""
        self.unsaved.setToolTip(shown_as_typed(message))
        self.unsaved.setAccessibleDescription(message)
        self.unsaved.show()

    @property
    def editor(self) -> ReviewEditor:
        """The checklist editor, built on first use (start-up does not need it)."""
        return self._editor.get()

    def _make_editor(self) -> ReviewEditor:
        from guide_app.ui.review.review_editor import ReviewEditor

        editor = ReviewEditor(self.book, self.guide, undo=self.undo_stack)
        self.right.addWidget(editor)
        editor.open_location.connect(self.open_location)
        editor.message.connect(self.message)
        return editor

    def commit_texts(self) -> None:
        """Keep what is being typed in the checklist (if it was ever shown)."""
        if self._editor.built is not None:
            self._editor.built.panel.commit_texts()

    def rescale(self) -> None:
        """Follow the interface's zoom (an editor built later starts at the current one)."""
        if self._editor.built is not None:
            self._editor.built.panel.rescale()

    # Loading and listing -----------------------------------------------------------------

    def ensure_loaded(self) -> None:
        """Read the review files the first time the view is needed."""
        if not self._listed:
            messages = self._load()  # nothing if search read them first (and said so)
            self._listed = True
            self._fill_list()
            if self.saver.dirty or self.book.dirty:
                self.saver.changed()  # what was rescued from a damaged file is not on disk yet
            if messages:
                self.problems.emit(messages)

    def _fill_list(self, select: str | None = None) -> None:
        wanted = select or self.current_id()
        blocker = QSignalBlocker(self.list)
        self.list.clear()
        for review in self.book.reviews:
            item = QListWidgetItem(self._label(review))
            item.setData(Qt.ItemDataRole.UserRole, review.id)
            self.list.addItem(item)
            if review.id == wanted:
                self.list.setCurrentItem(item)
        blocker.unblock()
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def _label(self, review: Review) -> str:
        when = uk_date(review.date) or "No date"
        lines = [
            review.name,
            f"{when} · {review.percent_assessed(self._criteria)}% assessed · {review.state.label}",
        ]
        if review.service:
            lines.insert(1, review.service)
        holder = self.book.holder(review.id)
        if holder is not None:
            lines.append(f"Open on another computer ({holder.who or 'someone'})")
        elif self.book.read_only(review.id):
            lines.append("Read-only (from a newer version)")
        return "\n".join(lines)

    def current_id(self) -> str | None:
        """The id of the review being edited."""
        item = cast(QListWidgetItem | None, self.list.currentItem())  # None when the list is empty
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def select(self, review_id: str | None) -> None:
        """Show the review with `review_id` (or the first one)."""
        self.ensure_loaded()
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == review_id:
                self.list.setCurrentRow(row)
                return
        self._show_current()

    def _chosen(self, *_args: object) -> None:
        self._show_current()

    def _show_current(self) -> None:
        review_id = self.current_id()
        shown = self._editor.built.review_id if self._editor.built is not None else None
        if review_id != shown:
            self.editor.set_review(review_id)
            if review_id is not None:
                self.review_chosen.emit(review_id)
        self.right.setCurrentWidget(self.editor if review_id else self.empty)
        for button in (self.delete_button, self.export_button, self.print_button):
            button.setEnabled(review_id is not None)

    def _book_changed(self, what: str, review_id: str) -> None:
        self.saver.changed()
        if what in ("added", "removed"):
            self._fill_list(select=review_id if what == "added" else None)
            return
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == review_id:
                item.setText(self._label(self.book.get(review_id)))

    # Commands ----------------------------------------------------------------------------

    def create_review(
        self,
        name: str,
        service: str = "",
        date: str = "",
        people: str = "",
        start_from: str = "",
        lead: str = "",
    ) -> Review:
        """Make a review and show it (the date as DD/MM/YYYY or YYYY-MM-DD)."""
        self.ensure_loaded()
        review = self.book.create(name, service, date, people, start_from or None, lead)
        self.select(review.id)
        return review

    def ask_new(self) -> None:
        """Ask for details and start a review (offering to start from the one selected)."""
        self.ensure_loaded()
        dialog = NewReviewDialog(self.book.reviews, self.current_id(), self)
        while dialog.exec() == NewReviewDialog.DialogCode.Accepted:
            try:
                self.create_review(**dialog.values())
                self.editor.focus_checklist()  # the keyboard goes on to the criteria
                return
            except ReviewError as error:
                QMessageBox.warning(self, "Review not started", shown_as_typed(str(error)))

    def delete_review(self, review_id: str) -> None:
        """Delete a review (a copy stays in the backups folder); a failure deletes nothing."""
        try:
            review = self.book.delete(review_id)
        except OSError as error:
            self.message.emit(
                f"The review was not deleted: {error.strerror or error}. It is kept as it was."
            )
            return
        self.message.emit(f"Deleted “{review.name}”. A copy is kept in the backups folder.")

    def ask_delete(self) -> None:
        """Delete the selected review after confirmation."""
        review_id = self.current_id()
        if review_id is None:
            return
        name = self.book.get(review_id).name
        answer = QMessageBox.question(
            self,
            "Delete review",
            shown_as_typed(
                f"Delete the review “{name}”? A copy is kept in the backups "
                "folder of your data folder."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_review(review_id)

    def _comparison(self, review: Review) -> tuple[Review | None, bool]:
        """What the summary compares `review` with, and whether only changes are listed.

        Without the editor on this review: the review it was started from, in full.
        """
        if self._editor.built is not None and self._editor.built.review_id == review.id:
            earlier_id, changes_only = self._editor.built.comparison()
        else:
            earlier_id, changes_only = review.started_from or None, False
        return self.book.lookup(earlier_id), changes_only

    def export(self, review_id: str, fmt: str, path: Path) -> None:
        """Write a review as PDF, Markdown or CSV (raises OSError), compared as its summary is."""
        self.commit_texts()
        review = self.book.get(review_id)
        earlier, changes_only = self._comparison(review)
        if fmt == "pdf":
            from guide_app.export.review_pdf import write_pdf

            write_pdf(
                review,
                self.guide,
                path,
                compared_with=earlier,
                changes_only=changes_only,
                data_dir=self.book.data_dir,
            )
        elif fmt == "md":
            from guide_app.export.review_markdown import review_markdown

            text = review_markdown(
                review, self.guide, compared_with=earlier, changes_only=changes_only
            )
            write_export(path, text.encode("utf-8"), self.book.data_dir)
        else:
            from guide_app.export.review_csv import review_csv_bytes

            write_export(path, review_csv_bytes(review, self.guide), self.book.data_dir)
        self.message.emit(f"Exported “{review.name}” to {path}")

    def ask_export(self, fmt: str) -> None:
        """Ask where to save the selected review in `fmt`, then save it."""
        review_id = self.current_id()
        if review_id is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = "".join(
            c if c.isalnum() or c in " -_" else "_" for c in self.book.get(review_id).name
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "Export review", str(Path(folder) / f"{stem}.{fmt}"), FORMATS[fmt]
        )
        if not name:
            return
        try:
            self.export(review_id, fmt, Path(name))
        except OSError as error:
            QMessageBox.warning(
                self,
                "Export failed",
                shown_as_typed(f"Could not write {name}: {error.strerror or error}"),
            )

    def print_preview(self) -> None:
        """Show the print preview of the selected review (always printed light)."""
        review_id = self.current_id()
        if review_id is None:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from guide_app.export.review_pdf import print_review

        self.commit_texts()
        review = self.book.get(review_id)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(window_title(f"Print “{review.name}”"))
        earlier, changes_only = self._comparison(review)
        dialog.paintRequested.connect(
            lambda p: print_review(
                review, self.guide, p, compared_with=earlier, changes_only=changes_only
            )
        )
        dialog.exec()

    def flush_before_quit(self) -> bool:
        """Save every review now; if that fails, ask. False means stay open."""
        self.commit_texts()
        where = str(self.book.folder) if self.book.folder else "disk"
        return flush_or_ask(self, self.saver, where)
