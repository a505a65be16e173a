"""The panel for one criterion: status, reason, notes, evidence, actions, and what helps."""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.model import Guide, Kind, Node
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Assessment, ReviewError, Status
from guide_app.ui.review.criterion_text import criterion_html, helps_html
from guide_app.ui.review.status_look import status_icon, status_text
from guide_app.ui.text_limit import LimitedCells, LimitedLine, LimitedTextEdit

_TEXT_SAVE_MS = 400
_BUTTON_ORDER = (
    Status.NOT_MET,
    Status.PARTLY_MET,
    Status.MET,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
)
ACTION_COLUMNS = ("Done", "What", "Owner", "Due")


class CriterionPanel(QWidget):
    """Edits the current criterion of the current review.

    When a principle is chosen instead, shows its summary and what helps meet it.

    Signals:
        open_node(str): a link to a solution or example was clicked.
        message(str): something to tell the user in the status bar.
    """

    open_node = Signal(str)
    message = Signal(str)

    def __init__(self, book: ReviewBook, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("criterionPanel")
        self.book = book
        self.guide = guide
        self.review_id: str | None = None
        self.node: Node | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.commit_texts)
        self._edited: set[str] = set()  # text fields typed in since they were last filled
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
        grid = QGridLayout(self.status_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[Status, QRadioButton] = {}
        for n, status in enumerate(_BUTTON_ORDER):
            button = QRadioButton(status_text(status))
            button.setIcon(status_icon(status))
            button.setObjectName(f"status-{status.value}")
            button.setAccessibleName(f"Status: {status.label}")
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            grid.addWidget(button, n // 3, n % 3)
            button.toggled.connect(partial(self._status_toggled, status))
        self.reason = QLineEdit()
        self.reason.setObjectName("naReason")
        self.reason.setPlaceholderText("Why this does not apply to your service")
        self.reason.setAccessibleName("Reason it is not applicable")
        self.notes = self._text_box(
            "reviewNotes", "Notes", "What the team found. No patient-identifiable information."
        )
        self.evidence = self._text_box(
            "reviewEvidence", "Evidence", "What shows it, e.g. an audit of 10 records"
        )
        self.action_table = QTableWidget(0, len(ACTION_COLUMNS))
        self.action_table.setObjectName("reviewActions")
        self.action_table.setAccessibleName("Actions")
        self.action_table.setHorizontalHeaderLabels(ACTION_COLUMNS)
        due_header = self.action_table.horizontalHeaderItem(3)
        if due_header is not None:
            due_header.setToolTip("Due date, written YYYY-MM-DD")
        self.action_table.verticalHeader().hide()
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.setTabKeyNavigation(False)
        self.new_action = QLineEdit()
        self.new_action.setObjectName("newAction")
        self.new_action.setPlaceholderText("New action: what will be done")
        self.new_action.setAccessibleName("New action")
        self.new_owner = QLineEdit()
        self.new_owner.setPlaceholderText("Owner")
        self.new_owner.setAccessibleName("New action owner")
        self.new_due = QLineEdit()
        self.new_due.setPlaceholderText("Due YYYY-MM-DD")
        self.new_due.setAccessibleName("New action due date")
        self.reason_limit = LimitedLine(self.reason, "The reason")
        cells = LimitedCells("An action", parent=self.action_table)
        self.action_table.setItemDelegate(cells)
        for limit in (self.notes, self.evidence, self.reason_limit, cells):
            limit.refused.connect(self.message)
        self.action_limit = LimitedLine(self.new_action, "An action")
        self.action_limit.refused.connect(self.message)
        self.add_action_button = QPushButton("&Add action")
        self.remove_action_button = QPushButton("Remove action")
        self.helps = QLabel()
        self.helps.setObjectName("criterionHelps")
        self.helps.setWordWrap(True)
        self.helps.setTextFormat(Qt.TextFormat.RichText)
        self.helps.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.helps.linkActivated.connect(
            lambda url: self.open_node.emit(url.removeprefix("guide:"))
        )
        self.editors = QWidget()
        form = QVBoxLayout(self.editors)
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self.status_box)
        form.addWidget(self.reason)
        form.addWidget(self.reason_limit.message)
        for label, widget in (("N&otes", self.notes), ("Ev&idence", self.evidence)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addWidget(caption)
            form.addWidget(widget, 1)
            form.addWidget(widget.message)  # hidden unless the text is too long
        form.addWidget(QLabel("Actions"))
        form.addWidget(self.action_table, 1)
        adder = QHBoxLayout()
        adder.addWidget(self.new_action, 3)
        adder.addWidget(self.new_owner, 1)
        adder.addWidget(self.new_due, 1)
        adder.addWidget(self.add_action_button)
        adder.addWidget(self.remove_action_button)
        form.addLayout(adder)
        form.addWidget(self.action_limit.message)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.prompts)
        layout.addWidget(self.editors, 1)
        layout.addWidget(self.helps)
        self.reason.textChanged.connect(lambda _: self._typed("reason"))
        self.add_action_button.clicked.connect(self.add_action)
        self.new_action.returnPressed.connect(self.add_action)
        self.remove_action_button.clicked.connect(self.remove_action)
        self.action_table.itemChanged.connect(self._action_edited)
        self.new_owner.returnPressed.connect(self.add_action)
        self.new_due.returnPressed.connect(self.add_action)
        self.setTabOrder(self.notes, self.evidence)
        self.setTabOrder(self.evidence, self.reason)

    def rescale(self) -> None:
        """Follow the interface's zoom."""
        self._heading_font()

    def _heading_font(self) -> None:
        font = QFont(QApplication.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the window's zoom."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._heading_font()

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
            self.prompts.setText("")
            self.helps.setText("")
            return
        self.heading.setText(node.title)
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

    def _fill(self) -> None:
        found = self._assessment()
        read_only = self.review_id is not None and self.book.read_only(self.review_id)
        with QSignalBlocker(self.status_group):
            for status, button in self.status_buttons.items():
                with QSignalBlocker(button):
                    button.setChecked(status is found.status)
                button.setEnabled(not read_only)
        for box, text in ((self.notes, found.notes), (self.evidence, found.evidence)):
            box.fill(text, read_only=read_only)  # however long, shown whole (maybe read-only)
        self.reason_limit.fill(found.reason, read_only=read_only)
        self.reason.setEnabled(found.status is Status.NOT_APPLICABLE and not read_only)
        self._fill_actions(found)

    def _fill_actions(self, found: Assessment) -> None:
        with QSignalBlocker(self.action_table):
            self.action_table.setRowCount(len(found.actions))
            for row, action in enumerate(found.actions):
                done = QTableWidgetItem()
                done.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsSelectable
                )
                done.setCheckState(
                    Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
                )
                done.setData(Qt.ItemDataRole.UserRole, action.id)
                done.setData(Qt.ItemDataRole.AccessibleTextRole, "Done" if action.done else "Open")
                self.action_table.setItem(row, 0, done)
                for column, value in enumerate((action.what, action.owner, action.due), start=1):
                    self.action_table.setItem(row, column, QTableWidgetItem(value))
            self.action_table.resizeColumnToContents(0)

    def _book_changed(self, review_id: str, what: str) -> None:
        if (
            review_id == self.review_id
            and what == "assessment"
            and self.node is not None
            and self.node.kind is Kind.CRITERION
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
        """Set the current criterion's status; not applicable asks for a reason."""
        self.commit_texts()
        if self._edit(lambda r, c: self.book.set_status(r, c, status)):
            self.message.emit(f"{self.node.title if self.node else ''} — {status.label}")
            if status is Status.NOT_APPLICABLE and not self.reason.text().strip():
                self.reason.setFocus()
                self.message.emit("Not applicable: please give the reason.")

    def _typed(self, name: str) -> None:
        self._edited.add(name)
        self._timer.start(_TEXT_SAVE_MS)

    def commit_texts(self) -> None:
        """Store what the user typed in notes, evidence and reason now (else after a pause).

        Only fields typed in are stored, so a change made elsewhere is never overwritten.
        """
        self._timer.stop()
        edited, self._edited = self._edited, set()
        if self.node is None or self.node.kind is not Kind.CRITERION or self.review_id is None:
            return
        if self.review_id not in self.book or self.book.read_only(self.review_id):
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
        what = self.new_action.text().strip()
        if not what:
            self.message.emit("Type what will be done first.")
            self.new_action.setFocus()
            return
        owner, due = self.new_owner.text().strip(), self.new_due.text().strip()
        self.commit_texts()
        if self._edit(lambda r, c: self.book.add_action(r, c, what, owner, due)):
            for box in (self.new_action, self.new_owner, self.new_due):
                box.clear()
            self.new_action.setFocus()

    def remove_action(self) -> None:
        """Remove the selected action."""
        row = self.action_table.currentRow()
        item = self.action_table.item(row, 0) if row >= 0 else None
        if item is not None:
            action_id = item.data(Qt.ItemDataRole.UserRole)
            self._edit(lambda r, c: self.book.remove_action(r, c, action_id))

    def _action_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        first = self.action_table.item(row, 0)
        if first is None:
            return
        action_id = first.data(Qt.ItemDataRole.UserRole)
        fields: dict[str, Any] = {"done": first.checkState() == Qt.CheckState.Checked}
        for column, name in ((1, "what"), (2, "owner"), (3, "due")):
            cell = self.action_table.item(row, column)
            fields[name] = cell.text().strip() if cell is not None else ""
        if not self._edit(lambda r, c: self.book.update_action(r, c, action_id, **fields)):
            self._fill()  # put the table back as stored
