"""A review's details: name, service, date, people, lead, next review date, draft or final."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import ReviewError, ReviewState
from guide_app.ui.review.date_field import DateField

_LINES = (
    ("name", "Review na&me", "e.g. Spring 2027 review"),
    ("service", "&Service", "e.g. Community MSK physiotherapy"),
    ("date", "Da&te", ""),
    ("people", "Peop&le present", "Roles or initials, e.g. physio lead, GP, peer worker"),
    ("lead", "Lead", "Who leads the review: a role or initials"),
    ("next_review", "Next review &on", ""),
)
_DATES = {"date": "Review date", "next_review": "Next review date"}


class ReviewDetails(QWidget):
    """Edits a review's details; each is stored when the user leaves its field.

    A date that is not a date stays as typed with the reason under it; a name left empty is
    put back, and the line under the form says why.

    Signals:
        message(str): something to tell the user (shown and announced).
    """

    message = Signal(str)

    def __init__(self, book: ReviewBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDetails")
        self.book = book
        self.review_id: str | None = None
        self.fields: dict[str, QLineEdit] = {}  # every detail's line, dates included
        self.dates: dict[str, DateField] = {}
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, label, hint in _LINES:
            caption = QLabel(label)
            if key in _DATES:
                field = DateField(_DATES[key])
                field.setObjectName(f"review{key.title().replace('_', '')}")
                field.committed.connect(lambda _iso, k=key: self._commit(k))
                field.refused.connect(self.message)
                self.dates[key] = field
                self.fields[key] = field.edit
                caption.setBuddy(field.edit)
                form.addRow(caption, field)
                continue
            edit = QLineEdit()
            edit.setObjectName(f"review{key.capitalize()}")
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", ""))
            edit.editingFinished.connect(lambda k=key: self._commit(k))
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.fields[key] = edit
        self.state = QLabel()
        self.state.setObjectName("reviewState")
        self.state.setWordWrap(True)
        self.finish = QPushButton("Mark as final")
        self.finish.setObjectName("markFinal")
        self.finish.setToolTip("A final review is read-only until it is reopened")
        self.finish.clicked.connect(self.mark_final)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state, 1)
        state_row.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow("State", state_row)
        self.problem = QLabel()
        self.problem.setObjectName("detailsProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        form.addRow(self.problem)

    def tab_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [*self.fields.values(), self.finish]

    def set_review(self, review_id: str | None) -> None:
        """Show another review's details (or none)."""
        if review_id != self.review_id:
            for field in self.dates.values():
                field.reset()
            self.problem.hide()
        self.review_id = review_id
        self.fill()

    def fill(self) -> None:
        """Show the details as stored; a wrong date still being corrected is kept."""
        review = self.book.lookup(self.review_id)
        locked = review is None or review.final or self.book.read_only(review.id)
        for key, edit in self.fields.items():
            value = str(getattr(review, key)) if review is not None else ""
            if key in self.dates:
                self.dates[key].set_date(value)
                self.dates[key].set_read_only(locked)
                continue
            if edit.text() != value:
                with QSignalBlocker(edit):
                    edit.setText(value)
            edit.setReadOnly(locked)
        final = review is not None and review.final
        if review is None:
            self.state.setText("")
        elif final:
            self.state.setText("Final: read-only until it is reopened (use the button above).")
        else:
            self.state.setText("Draft: still being filled in.")
        self.finish.setVisible(review is not None and not final)
        self.finish.setEnabled(review is not None and not self.book.read_only(review.id))

    def _commit(self, key: str) -> None:
        review = self.book.lookup(self.review_id)
        if review is None or review.final or self.book.read_only(review.id):
            return
        if key in self.dates:
            text = self.dates[key].date()
            if text is None:
                return  # said beside the field; the text waits there to be corrected
        else:
            text = self.fields[key].text()
        try:
            self.book.update_details(review.id, **{key: text})
        except ReviewError as error:
            said = f"Not changed: {error}. The detail is as it was."
            self.problem.setText(f"⚠ {said}")
            self.problem.show()
            self.message.emit(said)
            self.fill()
            return
        self.problem.hide()

    def mark_final(self) -> None:
        """Make the review final: read-only until reopened."""
        self.set_state(ReviewState.FINAL)

    def set_state(self, state: ReviewState) -> None:
        """Mark the review final or reopen it, and say so."""
        review = self.book.lookup(self.review_id)
        if review is None:
            return
        try:
            self.book.set_state(review.id, state)
        except ReviewError as error:
            self.message.emit(f"Not changed: {error}.")
            return
        if state is ReviewState.FINAL:
            self.message.emit(f"“{review.name}” is final: read-only until it is reopened.")
        else:
            self.message.emit(f"“{review.name}” is open for editing again.")
