"""The panel for one criterion: status, reason, notes, evidence, actions, and what helps."""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.model import Guide, Kind, Node
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Assessment, ReviewError, Status
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.review.action_list import ActionList
from guide_app.ui.review.action_table import ACTION_COLUMNS
from guide_app.ui.review.criterion_text import criterion_html, helps_html
from guide_app.ui.review.flow_layout import FlowLayout
from guide_app.ui.review.sample_risk import SampleAndRisk
from guide_app.ui.review.status_look import status_icon, status_text
from guide_app.ui.text_limit import LimitedLine, LimitedTextEdit

__all__ = ["ACTION_COLUMNS", "CriterionPanel"]

_TEXT_SAVE_MS = 400
_BUTTON_ORDER = (
    Status.NOT_MET,
    Status.PARTLY_MET,
    Status.MET,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
)
_BOX_LINES = 4  # notes and evidence show at least this many lines, then grow or scroll


class CriterionPanel(QWidget):
    """Edits the current criterion of the current review.

    When a principle is chosen instead, shows its summary and what helps meet it. Everything
    takes the room it needs at any zoom (the editor scrolls the panel, never squeezes it).

    Signals:
        open_location(str): a link to a solution or example was clicked.
        message(str): something to tell the user (shown and announced).
    """

    open_location = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        book: ReviewBook,
        guide: Guide,
        parent: QWidget | None = None,
        undo: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("criterionPanel")
        self.book = book
        self.guide = guide
        self.review_id: str | None = None
        self.node: Node | None = None
        self.read_only = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.commit_texts)
        self._edited: set[str] = set()  # text fields typed in since they were last filled
        self.action_list = ActionList(book, undo if undo is not None else QUndoStack(self))
        self.sample_risk = SampleAndRisk(book)
        self.sample_risk.message.connect(self.message)
        self._build()
        book.subscribe(self._book_changed)
        self.show_node(None, None)

    # Layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("criterionHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self._heading_font()
        self.prompts = QLabel()
        self.prompts.setWordWrap(True)
        self.prompts.setTextFormat(Qt.TextFormat.RichText)
        self.status_box = QWidget()
        self.status_box.setObjectName("statusButtons")
        flow = FlowLayout(self.status_box)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[Status, QRadioButton] = {}
        for status in _BUTTON_ORDER:
            button = QRadioButton(status_text(status))
            button.setObjectName(f"status-{status.value}")
            button.setAccessibleName(f"Status: {status.label}")
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            flow.addWidget(button)
            button.toggled.connect(partial(self._status_toggled, status))
        self.reason = QLineEdit()
        self.reason.setObjectName("naReason")
        self.reason.setPlaceholderText("Why this does not apply to your service")
        self.reason.setAccessibleName("Reason it is not applicable")
        self.reason_needed = QLabel("⚠ Give the reason this does not apply to your service.")
        self.reason_needed.setObjectName("reasonNeeded")
        self.reason_needed.setWordWrap(True)
        self.notes = self._text_box(
            "reviewNotes", "Notes", "What the team found. No patient-identifiable information."
        )
        self.evidence = self._text_box(
            "reviewEvidence", "Evidence", "What shows it, e.g. an audit of 10 records"
        )
        self.reason_limit = LimitedLine(self.reason, "The reason")
        for limit in (self.notes, self.evidence, self.reason_limit):
            limit.refused.connect(self.message)
        self.action_list.message.connect(self.message)
        # Older names, kept for the tests and callers that use them.
        self.action_table = self.action_list.table
        self.new_action, self.new_owner = self.action_list.new_action, self.action_list.new_owner
        self.new_due = self.action_list.new_due
        self.action_limit = self.action_list.action_limit
        self.add_action_button = self.action_list.add_button
        self.remove_action_button = self.action_list.remove_button
        self.helps = QLabel()
        self.helps.setObjectName("criterionHelps")
        self.helps.setWordWrap(True)
        self.helps.setTextFormat(Qt.TextFormat.RichText)
        self.helps.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.helps.linkActivated.connect(
            lambda url: self.open_location.emit(url.removeprefix("guide:"))
        )
        self.editors = QWidget()
        form = QVBoxLayout(self.editors)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.status_box)
        form.addWidget(self.reason)
        form.addWidget(self.reason_needed)
        form.addWidget(self.reason_limit.message)
        for label, widget in (("N&otes", self.notes), ("Ev&idence", self.evidence)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addWidget(caption)
            form.addWidget(widget, 1)
            form.addWidget(widget.message)  # hidden unless the text is too long
        form.addWidget(self.sample_risk)
        actions_caption = QLabel("Actions")
        actions_caption.setBuddy(self.action_list.table)
        form.addWidget(actions_caption)
        form.addWidget(self.action_list)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompts)
        layout.addWidget(self.editors, 1)
        layout.addWidget(self.helps)
        self.reason.textChanged.connect(lambda _: self._typed("reason"))
        self.reason.textChanged.connect(lambda _: self._reason_hint())
        self._follow_font()

    def tab_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them: status, reason, notes, evidence, actions."""
        checked = [b for b in self.status_buttons.values() if b.isChecked()]
        others = [b for b in self.status_buttons.values() if not b.isChecked()]
        boxes = [self.reason, self.notes, self.evidence]
        boxes += self.sample_risk.tab_chain()
        return [*checked, *others, *boxes, *self.action_list.tab_chain(), self.helps]

    def rescale(self) -> None:
        """Follow the interface's zoom."""
        self._heading_font()
        self._follow_font()

    def _heading_font(self) -> None:
        font = QFont(QApplication.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

    def _follow_font(self) -> None:
        """Icons and the text boxes' least height follow the font (and so the zoom)."""
        side = self.fontMetrics().height()
        for status, button in self.status_buttons.items():
            button.setIcon(status_icon(status))
            button.setIconSize(QSize(side, side))
        for box in (self.notes, self.evidence):
            lines = box.fontMetrics().lineSpacing() * _BOX_LINES
            box.setMinimumHeight(lines + 2 * box.frameWidth() + 8)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the window's zoom and theme."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._heading_font()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self._follow_font()
        if event.type() == QEvent.Type.PaletteChange:  # links drawn again in the new colour
            links = self.helps.text()
            self.helps.clear()
            self.helps.setText(links)

    def _text_box(self, name: str, label: str, hint: str) -> LimitedTextEdit:
        box = LimitedTextEdit(label)
        box.setObjectName(name)
        box.setAccessibleName(label)
        box.setPlaceholderText(hint)
        box.setTabChangesFocus(True)
        field = "notes" if name == "reviewNotes" else "evidence"
        box.textChanged.connect(lambda: self._typed(field))
        return box

    # Showing -----------------------------------------------------------------------------

    def show_node(self, review_id: str | None, node: Node | None) -> None:
        """Show `node` (a criterion to edit, or a principle) of the review `review_id`."""
        self.commit_texts()
        self.review_id, self.node = review_id, node
        criterion = node is not None and node.kind is Kind.CRITERION and review_id is not None
        self.editors.setVisible(criterion)
        if node is None:
            self.heading.setText("Choose a principle or a criterion.")
            self.heading.setToolTip("")
            self.prompts.setText("")
            self.helps.setText("")
            return
        self.heading.setText(node.title)
        self.heading.setToolTip(shown_as_typed(node.title))
        if node.kind is Kind.PRINCIPLE:
            self.prompts.setText(html.escape(" ".join(node.summary.split())))
            self.helps.setText(
                "<b>Solutions and examples that help meet this principle</b><br>"
                + helps_html(self.guide, node.related)
            )
            return
        self.prompts.setText(criterion_html(node))
        self.helps.setText("<b>What helps</b><br>" + helps_html(self.guide, node.related))
        self._fill()

    def _assessment(self) -> Assessment:
        if self.review_id is None or self.node is None or self.review_id not in self.book:
            return Assessment()
        return self.book.get(self.review_id).assessment(self.node.id, *self.node.aliases)

    def _locked(self) -> bool:
        """Whether the review may not be changed: final, or saved by a newer version."""
        review = self.book.lookup(self.review_id)
        return review is not None and (review.final or self.book.read_only(review.id))

    def _fill(self) -> None:
        found = self._assessment()
        self.read_only = read_only = self._locked()
        with QSignalBlocker(self.status_group):
            for status, button in self.status_buttons.items():
                with QSignalBlocker(button):
                    button.setChecked(status is found.status)
                button.setEnabled(not read_only)
                # One Tab stop for the group, on the status it has; arrow keys move within.
                button.setFocusPolicy(
                    Qt.FocusPolicy.StrongFocus
                    if status is found.status
                    else Qt.FocusPolicy.ClickFocus
                )
        for box, text in ((self.notes, found.notes), (self.evidence, found.evidence)):
            box.fill(text, read_only=read_only)  # however long, shown whole (maybe read-only)
        self.reason_limit.fill(found.reason, read_only=read_only)
        not_applicable = found.status is Status.NOT_APPLICABLE
        self.reason.setEnabled(not_applicable and not read_only)
        self.reason.setVisible(not_applicable or bool(found.reason.strip()))  # kept if given
        self._reason_hint()
        if self.review_id is not None and self.node is not None:
            self.sample_risk.show_assessment(self.review_id, self.node.id, found, read_only)
            self.action_list.show_actions(self.review_id, self.node.id, found.actions, read_only)

    def _reason_hint(self) -> None:
        """Ask for the reason beside its box while not applicable has none."""
        wanted = self.reason.isEnabled() and not self.reason.text().strip()
        self.reason_needed.setVisible(wanted)

    def _book_changed(self, what: str, review_id: str) -> None:
        if (
            review_id == self.review_id
            and what in ("assessment", "details", "reloaded")
            and self.node is not None
            and self.node.kind is Kind.CRITERION
            and review_id in self.book
        ):
            self.commit_texts()  # typing not yet stored is kept, not overwritten
            self._fill()

    # Editing -----------------------------------------------------------------------------

    def _edit(self, change: Any) -> bool:
        if self.review_id is None or self.node is None or self.node.kind is not Kind.CRITERION:
            return False
        try:
            change(self.review_id, self.node.id)
        except ReviewError as error:
            self.message.emit(str(error))
            return False
        return True

    def _status_toggled(self, status: Status, on: bool) -> None:
        if on:
            self.set_status(status)

    def set_status(self, status: Status) -> None:
        """Set the current criterion's status; not applicable asks for a reason beside it."""
        self.commit_texts()
        if self.read_only:
            review = self.book.lookup(self.review_id)
            self.message.emit(
                "This review is final: reopen it for editing to change it."
                if review is not None and review.final
                else "This review was saved by a newer version of the guide: it is read-only."
            )
            self._fill()
            return
        if self._edit(lambda r, c: self.book.set_status(r, c, status)):
            title = self.node.title if self.node else ""
            if status is Status.NOT_APPLICABLE and not self.reason.text().strip():
                self.reason.setFocus()
                self.message.emit(f"{title}: {status.label}. Give the reason below.")
            else:
                self.message.emit(f"{title}: {status.label}.")

    def _typed(self, name: str) -> None:
        self._edited.add(name)
        self._timer.start(_TEXT_SAVE_MS)

    def commit_texts(self) -> None:
        """Store what the user typed in notes, evidence and reason now (else after a pause).

        Only fields typed in are stored, so a change made elsewhere is never overwritten.
        """
        self._timer.stop()
        self.sample_risk.commit()
        edited, self._edited = self._edited, set()
        if self.node is None or self.node.kind is not Kind.CRITERION or self.review_id is None:
            return
        if self.review_id not in self.book or self._locked():
            return
        found = self._assessment()
        typed = {
            "notes": self.notes.toPlainText(),
            "evidence": self.evidence.toPlainText(),
            "reason": self.reason.text(),
        }
        for name in sorted(edited):
            if getattr(found, name) != typed[name]:
                self._edit(lambda r, c, n=name, t=typed[name]: self.book.set_text(r, c, n, t))

    def add_action(self) -> None:
        """Add the action typed in the row below the table."""
        self.commit_texts()
        self.action_list.add()

    def remove_action(self) -> None:
        """Remove the selected action (it can be put back)."""
        self.action_list.remove()
