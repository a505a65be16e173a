"""Find in page: a bar under the reader (Ctrl+F) that finds text forwards and backwards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QWidget

from guide_app.ui.clear_button import add_clear_button
from guide_app.ui.startup import qt

if TYPE_CHECKING:  # only in annotations
    from PySide6.QtGui import QKeyEvent


class FindBar(QWidget):
    """Finds text in a QTextBrowser; Enter finds the next match, Shift+Enter the previous."""

    def __init__(self, reader: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.reader = reader
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setAccessibleName("Find in page")
        self.field.setPlaceholderText("Find in page")
        add_clear_button(self.field, "Clear what to find")
        self.status = QLabel()
        self.status.setObjectName("findStatus")
        previous = QPushButton("&Previous")
        following = QPushButton("Ne&xt")
        close = QPushButton("Close")
        close.setAccessibleName("Close find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        caption = QLabel("Find:")
        caption.setBuddy(self.field)
        for widget in (caption, self.field, previous, following, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.textChanged.connect(lambda _: self.find_text(from_start=True))
        self.field.returnPressed.connect(self.find_text)
        previous.clicked.connect(lambda: self.find_text(backwards=True))
        following.clicked.connect(lambda: self.find_text())  # noqa: PLW0108 (drop "checked")
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the field selected, ready to type."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and give the keyboard back to the page."""
        self.hide()
        self.reader.setFocus()

    def find_text(self, *, backwards: bool = False, from_start: bool = False) -> bool:
        """Find the next (or previous) match; wrap around once. Return whether one was found."""
        text = self.field.text()
        if not text:
            self.status.setText("")
            return False
        flags = QTextDocument.FindFlag.FindBackward if backwards else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self.reader.textCursor()
            cursor.setPosition(cursor.selectionStart())
            self.reader.setTextCursor(cursor)
        found = self.reader.find(text, flags)
        if not found:  # wrap around
            cursor = self.reader.textCursor()
            cursor.movePosition(
                cursor.MoveOperation.End if backwards else cursor.MoveOperation.Start
            )
            self.reader.setTextCursor(cursor)
            found = self.reader.find(text, flags)
        self.status.setText("" if found else "Not found")
        return found

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes; Shift+Enter finds backwards; F3 and Shift+F3 too."""
        Qt = qt()  # noqa: N806 (the namespace, built on the first key press, not at start)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_text(backwards=True)
        elif event.matches(QKeySequence.StandardKey.FindNext):
            self.find_text()
        elif event.matches(QKeySequence.StandardKey.FindPrevious):
            self.find_text(backwards=True)
        else:
            super().keyPressEvent(event)
