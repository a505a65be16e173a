"""Before an import changes anything: what it adds, and what it replaces, old beside new."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from guide_app.store.local_info_exchange import ImportPlan, describe, pages


class ImportPreview(QDialog):
    """Shows what an import would change; Import goes ahead, Cancel changes nothing."""

    def __init__(
        self, name: str, plan: ImportPlan, title: Callable[[str], str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("localInfoImportPreview")
        self.setWindowTitle("Import local information")
        self.plan = plan
        have = "has" if plan.unchanged == 1 else "have"
        same = f" {pages(plan.unchanged)} already {have} the same text." if plan.unchanged else ""
        summary = QLabel(
            f"{name} would add local information to {pages(len(plan.added))} and replace it "
            f"on {pages(len(plan.replaced))}.{same} Nothing changes until you choose Import; "
            "Edit > Undo takes an import back."
        )
        summary.setObjectName("localInfoImportSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)  # a file name is shown as written
        summary.setWordWrap(True)
        self.details = QPlainTextEdit(describe(plan, title))
        self.details.setObjectName("localInfoImportDetails")
        self.details.setReadOnly(True)
        self.details.setAccessibleName("What the import adds and replaces")
        self.details.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("localInfoImportButtons")
        self.buttons.setAccessibleName("Import or cancel")
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(summary)
        column.addWidget(self.details, 1)
        column.addWidget(self.buttons)
        self.resize(640, 480)
