"""The dialog that starts a review: name, service, date, people, and an optional earlier review."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from guide_app.store.reviews import Review


class NewReviewDialog(QDialog):
    """Asks for a new review's details; `start_from` may copy an earlier review's statuses."""

    def __init__(
        self, reviews: list[Review], start_from: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newReviewDialog")
        self.setWindowTitle("New service review")
        self.name = QLineEdit()
        self.name.setAccessibleName("Review name")
        self.service = QLineEdit()
        self.service.setAccessibleName("Service")
        self.date = QLineEdit(dt.date.today().isoformat())
        self.date.setAccessibleName("Date, YYYY-MM-DD")
        self.people = QLineEdit()
        self.people.setAccessibleName("People present")
        self.people.setPlaceholderText("Roles or initials; no patient details")
        self.earlier = QComboBox()
        self.earlier.setAccessibleName("Start from an earlier review")
        self.earlier.addItem("A blank checklist", "")
        for review in reviews:
            self.earlier.addItem(
                f"{review.name} ({review.date or 'no date'}): copy its statuses and open actions",
                review.id,
            )
        if start_from:
            self.earlier.setCurrentIndex(max(self.earlier.findData(start_from), 0))
            chosen = next((r for r in reviews if r.id == start_from), None)
            if chosen is not None:
                self.service.setText(chosen.service)
                self.people.setText(chosen.people)
        form = QFormLayout(self)
        for label, widget in (
            ("&Name", self.name),
            ("&Service", self.service),
            ("&Date", self.date),
            ("&People present", self.people),
            ("Start &from", self.earlier),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> dict[str, str]:
        """The details typed, as ReviewBook.create takes them."""
        return {
            "name": self.name.text().strip(),
            "service": self.service.text().strip(),
            "date": self.date.text().strip(),
            "people": self.people.text().strip(),
            "start_from": self.earlier.currentData() or "",
        }
