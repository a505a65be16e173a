"""A dialog listing problems in the guide's content, shown instead of half a guide."""

from __future__ import annotations

import html

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.problems import Problem, Severity


class ContentProblemsDialog(QDialog):
    """Explains that the guide cannot open, and lists every problem as file:line: message."""

    def __init__(
        self, content_dir: str, problems: list[Problem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contentProblemsDialog")
        self.setWindowTitle("The guide's content has problems")
        errors = sum(1 for p in problems if p.severity is Severity.ERROR)
        heading = QLabel(
            f"<p><b>The guide cannot open because its content has {errors} "
            f"problem{'s' if errors != 1 else ''}.</b></p>"
            f"<p>Content folder: {html.escape(content_dir)}</p>"
            "<p>Nothing you saved has been changed. Please send this list to whoever supplied "
            "the guide.</p>"
        )
        heading.setWordWrap(True)
        self.listing = QPlainTextEdit("\n".join(str(p) for p in problems))
        self.listing.setObjectName("problemList")
        self.listing.setReadOnly(True)
        self.listing.setAccessibleName("Problems found")
        self.listing.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        heading.setBuddy(self.listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("&Copy list", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.listing)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def copy_to_clipboard(self) -> None:
        """Put the list of problems on the clipboard."""
        QGuiApplication.clipboard().setText(self.listing.toPlainText())
