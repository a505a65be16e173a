"""The box where a team types its local information for one page (loaded on first use)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide_app.ui.text_limit import LimitedTextEdit


class LocalInfoEditor(QDialog):
    """Plain text for one page, kept by the team; Save keeps it, Cancel changes nothing."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("localInfoEditor")
        self.setWindowTitle("Local information")
        self.setAccessibleName(f"Local information for {title}")
        intro = QLabel(
            f"Your team's own notes for “{title}”: phone numbers, the local pathway, who to "
            "call. They are shown at the top of this page, marked as yours, not the guide's, "
            "and saved on this computer. Do not write anything that identifies a patient."
        )
        intro.setObjectName("localInfoIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)  # the title is shown as written
        intro.setWordWrap(True)
        self.text = LimitedTextEdit("Local information", parent=self)
        self.text.setObjectName("localInfoText")
        self.text.setAccessibleName("Local information")
        self.text.setAccessibleDescription(intro.text())
        self.text.fill(text)
        self.text.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("localInfoButtons")
        self.buttons.setAccessibleName("Save or cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.message.setAccessibleName("Text limit")
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addWidget(self.text, 1)
        column.addWidget(self.text.message)
        column.addWidget(self.buttons)
        self.resize(560, 380)
        self.text.setFocus()

    def typed(self) -> str:
        """The text as typed."""
        return self.text.toPlainText()
