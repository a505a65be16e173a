"""A criterion's actions: the table, the row that adds one, and removal that can be undone."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide_app.store.review_book import ReviewBook
from guide_app.store.review_dates import DateError, iso_date, uk_date
from guide_app.store.reviews import Action, ReviewError
from guide_app.ui.review.action_table import DUE as _DUE
from guide_app.ui.review.action_table import ActionTable
from guide_app.ui.review.date_field import DateField
from guide_app.ui.review.flow_layout import FlowLayout
from guide_app.ui.text_limit import LimitedCells, LimitedLine


class RemoveAction(QUndoCommand):
    """Remove one action; undo puts it back where it was."""

    def __init__(
        self, owner: ActionList, review_id: str, criterion_id: str, action: Action
    ) -> None:
        super().__init__(f"Remove action “{action.what}”")
        self.owner, self.action = owner, action
        self.review_id, self.criterion_id = review_id, criterion_id
        actions = owner.book.get(review_id).assessment(criterion_id).actions
        self.position = next(n for n, a in enumerate(actions) if a.id == action.id)

    def redo(self) -> None:
        try:
            self.owner.book.remove_action(self.review_id, self.criterion_id, self.action.id)
        except ReviewError as error:
            self.owner.message.emit(str(error))
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self.owner.book.restore_action(
                self.review_id, self.criterion_id, self.action, self.position
            )
        except ReviewError as error:
            self.owner.message.emit(f"The action could not be put back: {error}")
            return
        self.owner.message.emit(f"Action “{self.action.what}” put back.")


class ActionList(QWidget):
    """Shows and edits the actions of one criterion of one review.

    Half-typed new actions are kept per criterion, so they are never added to another one.
    A due date that is not a date stays in its cell, marked, until it is corrected.

    Signals:
        message(str): something to tell the user (shown and announced).
    """

    message = Signal(str)

    def __init__(self, book: ReviewBook, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.book, self.undo = book, undo
        self.review_id: str | None = None
        self.criterion_id: str | None = None
        self.read_only = False
        self._drafts: dict[tuple[str, str], tuple[str, str, str]] = {}
        self._typed_due: dict[str, str] = {}  # action id -> a due date typed that is no date
        self._removed: RemoveAction | None = None
        self._build()

    def _build(self) -> None:
        self.table = ActionTable()
        cells = LimitedCells("An action", parent=self.table)
        self.table.setItemDelegate(cells)
        cells.refused.connect(self.message)
        self.table_error = QLabel()
        self.table_error.setObjectName("actionDueError")
        self.table_error.setWordWrap(True)
        self.table_error.setTextFormat(Qt.TextFormat.PlainText)
        self.table_error.hide()
        self.new_action = QLineEdit()
        self.new_action.setObjectName("newAction")
        self.new_action.setPlaceholderText("New action: what will be done")
        self.new_action.setAccessibleName("New action")
        self.action_limit = LimitedLine(self.new_action, "An action")
        self.action_limit.refused.connect(self.message)
        self.new_owner = QLineEdit()
        self.new_owner.setObjectName("newActionOwner")
        self.new_owner.setPlaceholderText("Owner")
        self.new_owner.setAccessibleName("New action owner")
        self.due_field = DateField("Due date")
        self.due_field.setObjectName("newActionDue")
        self.new_due = self.due_field.edit
        self.due_field.set_placeholder("Due DD/MM/YYYY")
        self.new_due.setAccessibleName("New action due date")
        self.due_field.refused.connect(self.message)
        self.add_button = QPushButton("&Add action")
        self.remove_button = QPushButton("Remove action")
        self.removed_note = QLabel()
        self.removed_note.setObjectName("actionRemoved")
        self.removed_note.setTextFormat(Qt.TextFormat.PlainText)
        self.removed_note.setWordWrap(True)
        self.undo_button = QPushButton("Un&do")
        self.undo_button.setAccessibleName("Undo removing the action")
        self.removed_bar = QWidget()
        bar = QHBoxLayout(self.removed_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.removed_note, 1)
        bar.addWidget(self.undo_button)
        self.removed_bar.hide()
        adder = QGridLayout()
        adder.setContentsMargins(0, 0, 0, 0)
        adder.addWidget(self.new_action, 0, 0, 1, 2)
        adder.addWidget(self.new_owner, 1, 0, Qt.AlignmentFlag.AlignTop)
        adder.addWidget(self.due_field, 1, 1, Qt.AlignmentFlag.AlignTop)
        buttons = FlowLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addWidget(self.table_error)
        column.addWidget(self.removed_bar)
        column.addLayout(adder)
        column.addLayout(buttons)
        column.addWidget(self.action_limit.message)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.undo_button.clicked.connect(self._undo_removal)
        self.undo.indexChanged.connect(self._undo_moved)
        self.table.itemChanged.connect(self._edited)
        for line in (self.new_action, self.new_owner, self.new_due):
            line.returnPressed.connect(self.add)

    def tab_chain(self) -> list[QWidget]:
        """The controls in the order Tab visits them."""
        return [
            self.table,
            self.undo_button,
            self.new_action,
            self.new_owner,
            self.new_due,
            self.add_button,
            self.remove_button,
        ]

    # Showing -----------------------------------------------------------------------------

    def show_actions(
        self, review_id: str, criterion_id: str, actions: tuple[Action, ...], read_only: bool
    ) -> None:
        """Show a criterion's actions; keep what was typed for another criterion for later."""
        place = (review_id, criterion_id)
        if place != (self.review_id, self.criterion_id):
            self._keep_draft()
            what, owner, due = self._drafts.pop(place, ("", "", ""))
            self.new_action.setText(what)
            self.new_owner.setText(owner)
            self.due_field.reset(due)
            if due:
                self.due_field.commit()  # says again why a draft's date was not a date
            self.removed_bar.hide()
        self.review_id, self.criterion_id = place
        self.read_only = read_only
        for widget in (self.new_action, self.new_owner):
            widget.setReadOnly(read_only)
        self.due_field.set_read_only(read_only)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self._fill(actions)

    def _keep_draft(self) -> None:
        if self.review_id is None or self.criterion_id is None:
            return
        typed = (self.new_action.text(), self.new_owner.text(), self.new_due.text())
        if any(t.strip() for t in typed):
            self._drafts[(self.review_id, self.criterion_id)] = typed

    def _fill(self, actions: tuple[Action, ...]) -> None:
        wrong = []
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(actions))
            for row, action in enumerate(actions):
                done = QTableWidgetItem()
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if not self.read_only:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                done.setFlags(flags)
                done.setCheckState(
                    Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
                )
                done.setData(Qt.ItemDataRole.UserRole, action.id)
                done.setData(Qt.ItemDataRole.AccessibleTextRole, "Done" if action.done else "Open")
                self.table.setItem(row, 0, done)
                typed_due = self._typed_due.get(action.id)
                due = uk_date(action.due) if typed_due is None else typed_due
                for column, value in enumerate((action.what, action.owner, due), start=1):
                    self.table.setItem(row, column, QTableWidgetItem(value))
                if typed_due is not None:
                    wrong.append(action)
                    self._mark_due(row, typed_due)
        self.table.fit_owner()
        self.table.fit_rows()
        self._say_wrong_dues(wrong)

    def _mark_due(self, row: int, typed: str) -> None:
        cell = self.table.item(row, _DUE)
        if cell is not None:
            cell.setText(f"⚠ {typed}")
            cell.setToolTip("Not a date, so not saved: write it as DD/MM/YYYY")
            cell.setData(Qt.ItemDataRole.AccessibleTextRole, f"{typed}, not a date, not saved")

    def _say_wrong_dues(self, wrong: list[Action]) -> None:
        if not wrong:
            self.table_error.hide()
            return
        names = "; ".join(f"“{a.what}”: “{self._typed_due[a.id]}”" for a in wrong)
        self.table_error.setText(
            f"⚠ Due date not saved, not a date ({names}). Write it as DD/MM/YYYY, "
            "for example 31/01/2027; the stored date stays until then."
        )
        self.table_error.show()

    # Editing -----------------------------------------------------------------------------

    def add(self) -> None:
        """Add the action typed below the table (its due date must be a date or blank)."""
        if self.review_id is None or self.criterion_id is None or self.read_only:
            return
        what = self.new_action.text().strip()
        if not what:
            self.message.emit("Type what will be done first.")
            self.new_action.setFocus()
            return
        if not self.due_field.commit():
            self.new_due.setFocus()
            return
        due = self.due_field.date() or ""
        try:
            self.book.add_action(
                self.review_id, self.criterion_id, what, self.new_owner.text().strip(), due
            )
        except ReviewError as error:
            self.message.emit(str(error))
            return
        for line in (self.new_action, self.new_owner):
            line.clear()
        self.due_field.reset()
        self.new_action.setFocus()
        self.message.emit(f"Action “{what}” added.")

    def remove(self) -> None:
        """Remove the selected action (Undo, or Ctrl+Z, puts it back)."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None or self.review_id is None or self.criterion_id is None:
            self.message.emit("Choose the action to remove in the table first.")
            return
        action_id = item.data(Qt.ItemDataRole.UserRole)
        found = self.book.get(self.review_id).assessment(self.criterion_id).actions
        action = next((a for a in found if a.id == action_id), None)
        if action is None or self.read_only:
            return
        command = RemoveAction(self, self.review_id, self.criterion_id, action)
        self.undo.push(command)
        if command.isObsolete():
            return
        self._typed_due.pop(action.id, None)
        self._removed = command
        self.removed_note.setText(f"Action “{action.what}” removed.")
        self.removed_bar.show()
        self.undo_button.setFocus()
        self.message.emit(f"Action “{action.what}” removed. Undo puts it back.")

    def _undo_removal(self) -> None:
        if self._removed is not None and self._is_last(self._removed):
            self.undo.undo()
        self.removed_bar.hide()
        self.new_action.setFocus()

    def _is_last(self, command: QUndoCommand) -> bool:
        index = self.undo.index()
        return index > 0 and self.undo.command(index - 1) is command

    def _undo_moved(self, _index: int) -> None:
        if self._removed is None or not self._is_last(self._removed):
            self._removed = None
            self.removed_bar.hide()

    def _edited(self, item: QTableWidgetItem) -> None:
        if self.review_id is None or self.criterion_id is None:
            return
        row = item.row()
        first = self.table.item(row, 0)
        if first is None:
            return
        action_id = str(first.data(Qt.ItemDataRole.UserRole))
        fields: dict[str, object] = {"done": first.checkState() == Qt.CheckState.Checked}
        for column, name in ((1, "what"), (2, "owner"), (_DUE, "due")):
            cell = self.table.item(row, column)
            fields[name] = cell.text().strip() if cell is not None else ""
        typed_due = str(fields["due"]).removeprefix("⚠").strip()
        try:
            fields["due"] = iso_date(typed_due)
        except DateError as error:
            del fields["due"]  # the rest is saved; the wrong date waits in its cell
            self._typed_due[action_id] = typed_due
            self.message.emit(f"Due date not saved: {error}.")
        else:
            self._typed_due.pop(action_id, None)
        try:
            self.book.update_action(self.review_id, self.criterion_id, action_id, **fields)
        except ReviewError as error:
            self.message.emit(str(error))
        self._fill(self.book.get(self.review_id).assessment(self.criterion_id).actions)
