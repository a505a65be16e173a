"""Reviews > Send to a colleague… and Import review…: a review as one file, and merged back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from guide_app.common.safe_files import write_export
from guide_app.guide.model import Guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_exchange import SUFFIX, read_shared, shared_bytes, with_revision
from guide_app.store.review_import import apply_import, plan_import
from guide_app.store.reviews import ReviewError
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.review.import_dialog import ImportReviewDialog

_FILTER = f"Shared reviews (*{SUFFIX})"


class ReviewSharing:
    """Sends the review shown to a file, and imports one (adding it, or merging it in)."""

    def __init__(
        self,
        book: ReviewBook,
        guide: Guide,
        say: Callable[[str], None],
        shown: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        self.book, self.guide, self.say, self.shown, self.window = book, guide, say, shown, parent

    def send_to(self, review_id: str, path: Path) -> None:
        """Write the review for a colleague, recording this state as a revision (OSError)."""
        review = self.book.get(review_id)
        sent = with_revision(review)
        if sent is not review:
            self.book.put(sent, "details")
        write_export(
            path, shared_bytes(sent, self.guide.edition, self.guide.date), self.book.data_dir
        )
        self.say(f"Saved “{sent.name}” to {path.name}: send it to your colleague to import.")

    def ask_send(self, review_id: str) -> None:
        """Ask where, then write the review there."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = "".join(
            c if c.isalnum() or c in " -_" else "_" for c in self.book.get(review_id).name
        )
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Send to a colleague", str(Path(folder) / f"{stem}{SUFFIX}"), _FILTER
        )
        if name:
            try:
                self.send_to(review_id, Path(name))
            except (OSError, ReviewError) as error:
                self._warn("Not saved", f"Could not write {name}: {error}")

    def ask_import(self) -> None:
        """Ask for a shared review file, then show what importing it does."""
        name, _ = QFileDialog.getOpenFileName(self.window, "Import review", "", _FILTER)
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> ImportReviewDialog | None:
        """Read `path` and show the import dialog (window-modal); None if refused or nothing new."""
        try:
            incoming = plan_import(self.book, read_shared(path).review)
        except ReviewError as error:
            self._warn("Nothing imported", f"{error}. Your reviews have not been changed.")
            return None
        if incoming.changes_nothing:
            self.say(f"Nothing new in {path.name}: “{incoming.theirs.name}” is up to date here.")
            return None
        dialog = ImportReviewDialog(incoming, path.name, self.guide, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(
            lambda result: (
                self._apply(dialog, path) if result == QDialog.DialogCode.Accepted else None
            )
        )
        dialog.open()
        return dialog

    def _apply(self, dialog: ImportReviewDialog, path: Path) -> None:
        try:
            result = apply_import(self.book, dialog.incoming, dialog.choice)
        except ReviewError as error:
            self._warn("Nothing imported", f"{error}. Your reviews have not been changed.")
            return
        if result is not None:
            self.shown(result.id)
            self.say(f"Imported “{result.name}” from {path.name}.")

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, shown_as_typed(text))
