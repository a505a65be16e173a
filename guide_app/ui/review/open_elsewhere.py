"""In a shared review folder: who else has the review open, and this app's locks kept alive."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_lock import HEARTBEAT_S


class OpenElsewhereBar(QWidget):
    """A line saying who has the review open on another computer (hidden when nobody has).

    Every HEARTBEAT_S seconds it renews this app's locks, reads what colleagues saved, and
    tries again to open the review shown, which becomes editable once they close it.
    """

    message = Signal(str)

    def __init__(self, book: ReviewBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openElsewhere")
        self.book = book
        self.review_id: str | None = None
        self.note = QLabel()
        self.note.setObjectName("openElsewhereNote")
        self.note.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(HEARTBEAT_S * 1000)
        self.timer.timeout.connect(self.beat)
        if book.shared is not None:
            self.timer.start()

    def show_review(self, review_id: str | None) -> None:
        """Open `review_id` for editing here if nobody else has it; say who has it if so."""
        self.review_id = review_id
        self.book.open_review(review_id)
        self.refresh()

    def refresh(self) -> None:
        """Show who has the review open elsewhere, as last seen."""
        holder = self.book.holder(self.review_id) if self.review_id else None
        if holder is None:
            self.hide()
            return
        if holder.since:
            since = time.strftime("%H:%M", time.localtime(holder.since))
            who = f"{holder.label} has had this review open since {since}"
        else:
            who = "The shared folder cannot be reached, or another computer has this review"
        self.note.setText(f"ℹ {who}: read-only here until they close it.")
        self.note.setToolTip(f"This is checked again every {HEARTBEAT_S} seconds.")
        self.show()

    def beat(self) -> None:
        """Renew the locks, read colleagues' saves, and try again to open the review shown."""
        for text in self.book.keep_alive(self.review_id):
            self.message.emit(text)
        self.refresh()
