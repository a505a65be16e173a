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

from guide_app.store.local_info_exchange import Change, ImportPlan


def _indented(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.strip().splitlines())


def describe(plan: ImportPlan, title: Callable[[str], str]) -> str:
    """The plan in plain words: each page added, then each page replaced with old and new."""
    lines: list[str] = []

    def page(change: Change) -> None:
        lines.append(f"  {title(change.node_id)}")

    if plan.added:
        lines.append(f"ADDED ({len(plan.added)} page{'' if len(plan.added) == 1 else 's'})")
        for change in plan.added:
            page(change)
            lines += ["    New:", _indented(change.new.text), ""]
    if plan.replaced:
        count = len(plan.replaced)
        lines.append(f"REPLACED ({count} page{'' if count == 1 else 's'})")
        for change in plan.replaced:
            page(change)
            old = change.old.text if change.old is not None else ""
            lines += ["    Now (will be replaced):", _indented(old)]
            lines += ["    From the file:", _indented(change.new.text), ""]
    return "\n".join(lines).rstrip() + "\n"


class ImportPreview(QDialog):
    """Shows what an import would change; Import goes ahead, Cancel changes nothing."""

    def __init__(
        self, name: str, plan: ImportPlan, title: Callable[[str], str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("localInfoImportPreview")
        self.setWindowTitle("Import local information")
        self.plan = plan
        same = f" {plan.unchanged} already here, unchanged." if plan.unchanged else ""
        summary = QLabel(
            f"{name} would add local information to {len(plan.added)} page(s) and replace it "
            f"on {len(plan.replaced)}.{same} Nothing changes until you choose Import; "
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
