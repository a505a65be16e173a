"""Problems found in the user's saved files, told in a message box that does not block."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_data_problems(parent: QWidget, messages: list[str]) -> None:
    """Open a warning listing `messages` (each names a file and quotes it, shown as typed)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "About your saved data",
        "\n\n".join(messages),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages name files and quote their text
    box.setObjectName("dataProblems")
    box.open()
