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

from guide_app.store.review_dates import uk_date
from guide_app.store.reviews import Review
from guide_app.ui.review.date_field import DateField


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
        self.date_field = DateField("Review date")
        self.date_field.set_date(dt.date.today().isoformat())
        self.date = self.date_field.edit
        self.people = QLineEdit()
        self.people.setAccessibleName("People present")
        self.people.setPlaceholderText("Roles or initials; no patient details")
        self.lead = QLineEdit()
        self.lead.setAccessibleName("Lead")
        self.lead.setPlaceholderText("Who leads the review: a role or initials")
        self.earlier = QComboBox()
        self.earlier.setAccessibleName("Start from an earlier review")
        self.earlier.addItem("A blank checklist", "")
        for review in reviews:
            when = uk_date(review.date) or "no date"
            self.earlier.addItem(
                f"{review.name} ({when}): copy its statuses and open actions", review.id
            )
        if start_from:
            self.earlier.setCurrentIndex(max(self.earlier.findData(start_from), 0))
            chosen = next((r for r in reviews if r.id == start_from), None)
            if chosen is not None:
                self.service.setText(chosen.service)
                self.people.setText(chosen.people)
                self.lead.setText(chosen.lead)
        form = QFormLayout(self)
        for label, widget in (
            ("&Name", self.name),
            ("&Service", self.service),
            ("&Date", self.date_field),
            ("&People present", self.people),
            ("&Lead", self.lead),
            ("Start &from", self.earlier),
        ):
            caption = QLabel(label)
            caption.setBuddy(self.date if widget is self.date_field else widget)
            form.addRow(caption, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        """Close only with a date that is a date (or none); else say why beside it."""
        if self.date_field.commit():
            super().accept()
        else:
            self.date.setFocus()

    def values(self) -> dict[str, str]:
        """The details typed, as ReviewBook.create takes them (the date as YYYY-MM-DD)."""
        return {
            "name": self.name.text().strip(),
            "service": self.service.text().strip(),
            "date": self.date_field.date() or "",
            "people": self.people.text().strip(),
            "start_from": self.earlier.currentData() or "",
            "lead": self.lead.text().strip(),
        }
