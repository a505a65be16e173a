"""Long text in an edit box: a generous limit, said beside the box, and wrapping that stays fast.

Text the user already has (a review file, an import) is never cut: longer than the limit, it
is shown whole and read-only, with a message. Typing or pasting past the limit is refused
(what fits of a paste goes in), and the message says so beside the box. A run of characters
with no space (a pasted address, a key held down) is wrapped anywhere: Qt's word wrap searches
the whole run again for every line it lays out, so 1,000,000 such characters took minutes
(100,000: about a second for each change).
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextOption
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

TEXT_LIMIT = 100_000  # characters in one field: a long report is ~20,000
_LONG_RUN = re.compile(r"(?<!\S)\S{400}")  # no line of a text box is this wide


def wrap_mode(text: str) -> QTextOption.WrapMode:
    """Wrap at word boundaries, or anywhere when `text` holds a run too long to break at one."""
    if _LONG_RUN.search(text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def too_long_message(what: str, length: int, limit: int = TEXT_LIMIT) -> str:
    """What a field says when the text it was given is longer than it edits."""
    return (
        f"{what}: {length:,} characters, more than the {limit:,} this box edits. "
        "Kept as saved and shown in full, read-only."
    )


def refused_message(what: str, refused: int, limit: int = TEXT_LIMIT) -> str:
    """What a field says when typing or pasting went past its limit."""
    if refused <= 0:
        return f"{what} can hold up to {limit:,} characters; what went past that was not added."
    were = "character was" if refused == 1 else "characters were"
    return f"{what} can hold up to {limit:,} characters; {refused:,} more {were} not added."


def _label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class LimitedTextEdit(QPlainTextEdit):
    """A plain text box that holds `limit` characters and says why beside it, in `message`.

    Typing, pasting or dropping past the limit is refused before it reaches the text (what
    fits of a paste goes in), so undo and redo never meet a cut. `fill` shows stored text.

    Signals:
        refused(str): typing or pasting went past the limit (the message, to announce).
    """

    refused = Signal(str)

    def __init__(self, what: str, limit: int = TEXT_LIMIT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what, self.limit = what, limit
        self.message = _label("textLimitMessage")
        self.too_long = False  # the text filled in is longer than the limit: read-only
        self.textChanged.connect(self._typed)

    def fill(self, text: str, *, read_only: bool = False) -> None:
        """Show `text` as stored: in full however long, read-only past the limit."""
        self.too_long = len(text) > self.limit
        mode = wrap_mode(text)
        if mode == QTextOption.WrapMode.WrapAnywhere:
            self.setWordWrapMode(mode)  # before the new text, so it is laid out once, quickly
        if self.toPlainText() != text:
            with QSignalBlocker(self):
                self.setPlainText(text)
        self.setWordWrapMode(mode)  # after it: the old text is never laid out again
        self.setReadOnly(read_only or self.too_long)
        self.message.setText(too_long_message(self.what, len(text), self.limit))
        self.message.setVisible(self.too_long)

    def _room(self) -> int:
        """How many characters may still go in, in place of the selection."""
        return self.limit - len(self.toPlainText()) + len(self.textCursor().selectedText())

    def _refuse(self, refused: int) -> None:
        self.message.setText(refused_message(self.what, refused, self.limit))
        self.message.show()
        self.refused.emit(self.message.text())

    def _typed(self) -> None:
        text = self.toPlainText()
        mode = wrap_mode(text)
        if self.wordWrapMode() != mode:  # before Qt lays out what was typed or pasted
            self.setWordWrapMode(mode)
        if len(text) < self.limit and not self.too_long:
            self.message.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Refuse a character that does not fit."""
        typed = event.text()
        if typed and (typed.isprintable() or typed == "\r") and not self.isReadOnly():
            room = self._room()
            if len(typed) > room:
                self._refuse(len(typed) - max(room, 0))
                event.accept()
                return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste or drop what fits; say how much did not."""
        room = self._room()
        if self.isReadOnly() or not source.hasText() or len(source.text()) <= room:
            super().insertFromMimeData(source)
            return
        text = source.text()
        if room > 0:
            self.insertPlainText(text[:room])
        self._refuse(len(text) - max(room, 0))

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Keep what an input method writes within the limit too."""
        committed = event.commitString()
        room = self._room()
        if len(committed) > room:
            event.setCommitString(
                committed[: max(room, 0)], event.replacementStart(), event.replacementLength()
            )
            self._refuse(len(committed) - max(room, 0))
        super().inputMethodEvent(event)


class LimitedLine(QObject):
    """Keeps a QLineEdit under `limit` characters (Qt's own default cuts at 32,767, silently).

    Signals:
        refused(str): typing or pasting went past the limit (the message, to announce).
    """

    refused = Signal(str)

    def __init__(self, edit: QLineEdit, what: str, limit: int = TEXT_LIMIT) -> None:
        super().__init__(edit)
        self.edit, self.what, self.limit = edit, what, limit
        self.message = _label(f"{edit.objectName() or 'line'}Limit")
        self.too_long = False
        edit.setMaxLength(limit)
        edit.inputRejected.connect(self._rejected)
        edit.textChanged.connect(self._typed)

    def fill(self, text: str, *, read_only: bool = False) -> None:
        """Show `text` as stored: in full however long, read-only past the limit."""
        self.too_long = len(text) > self.limit
        self.edit.setMaxLength(max(self.limit, len(text)))  # a shorter maximum would cut it
        if self.edit.text() != text:
            with QSignalBlocker(self.edit):
                self.edit.setText(text)
        self.edit.setReadOnly(read_only or self.too_long)
        self.message.setText(too_long_message(self.what, len(text), self.limit))
        self.message.setVisible(self.too_long)

    def _rejected(self) -> None:
        if self.edit.isReadOnly():
            return
        self.message.setText(refused_message(self.what, 0, self.limit))
        self.message.show()
        self.refused.emit(self.message.text())

    def _typed(self, text: str) -> None:
        if len(text) < self.limit and not self.too_long:
            self.message.hide()


class LimitedCells(QStyledItemDelegate):
    """Edits table cells in line edits that hold `limit` characters, or all of a longer text.

    Signals:
        refused(str): typing or pasting in a cell went past the limit.
    """

    refused = Signal(str)

    def __init__(self, what: str, limit: int = TEXT_LIMIT, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.what, self.limit = what, limit

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.inputRejected.connect(
                lambda: self.refused.emit(refused_message(self.what, 0, self.limit))
            )
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            value: Any = index.data()
            editor.setMaxLength(max(self.limit, len(value) if isinstance(value, str) else 0))
        super().setEditorData(editor, index)
