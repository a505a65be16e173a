"""Import a colleague's review: what it adds or merges, and a choice for every clash."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.model import Guide
from guide_app.store.review_import import Incoming
from guide_app.store.review_merge import Conflict

_FIELDS = {
    "name": "Name", "service": "Service", "date": "Date", "people": "People present",
    "lead": "Lead", "next_review": "Next review", "state": "Review status", "status": "Status",
    "reason": "Reason not applicable", "notes": "Notes", "evidence": "Evidence",
    "sample_size": "Sample size", "sample_how": "Sample chosen how", "risk": "Risk",
    "what": "Action", "owner": "Owner", "due": "Due", "done": "Done",
}  # fmt: skip


def where(conflict: Conflict, guide: Guide) -> str:
    """The field in words: "Notes of “<criterion>”", or a review detail's name."""
    key = conflict.key
    field = _FIELDS.get(key[-1], key[-1])
    if key[0] == "details":
        return field
    node = guide.resolve(key[1])
    title = node.title if node is not None else f"{key[1]} (not in this edition)"
    return f"{field} of {'an action of ' if key[0] == 'action' else ''}“{title}”"


def shown(value: Any) -> str:
    """A value as the user reads it ("(empty)" for nothing)."""
    if value in (None, ""):
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


class ImportReviewDialog(QDialog):
    """Says what importing does, with a choice for every field both copies changed.

    Each clash offers "Keep mine" and "Take theirs"; Import is offered once each has an answer.
    """

    def __init__(
        self, incoming: Incoming, file_name: str, guide: Guide, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importReview")
        self.setWindowTitle("Import review")
        self.incoming = incoming
        self.groups: dict[tuple[str, ...], QButtonGroup] = {}
        theirs = incoming.theirs
        merged = incoming.merged
        if merged is None:
            summary = f"{file_name} holds the review “{theirs.name}”, which is not here yet. "
            summary += "Importing adds it."
        else:
            summary = (
                f"{file_name} holds a copy of “{theirs.name}”, which is here too. Importing "
                f"takes {merged.taken} change(s) made only in that copy and keeps yours."
            )
            if merged.conflicts:
                summary += (
                    f" {len(merged.conflicts)} field(s) were changed in both copies: "
                    "choose which to keep for each."
                )
        text = QLabel(summary + " The review as it is now is kept among its backups.")
        text.setObjectName("importSummary")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        rows = QWidget()
        column = QVBoxLayout(rows)
        for conflict in incoming.conflicts:
            column.addWidget(self._choice(conflict, guide))
        column.addStretch(1)
        area = QScrollArea()
        area.setWidget(rows)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setVisible(bool(incoming.conflicts))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(area, 1)
        layout.addWidget(self.buttons)
        self._enable()
        screen = self.screen().availableGeometry()
        width = min(720, screen.width() - 40)
        if incoming.conflicts:
            self.resize(width, min(480, screen.height() - 60))
        else:  # nothing to choose: just the sentence and the buttons
            self.resize(
                width, text.heightForWidth(width - 40) + self.buttons.sizeHint().height() + 40
            )

    def _choice(self, conflict: Conflict, guide: Guide) -> QWidget:
        box = QWidget()
        box.setObjectName("conflict")
        column = QVBoxLayout(box)
        heading = QLabel(where(conflict, guide))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        group = QButtonGroup(box)
        for side, value in (("mine", conflict.mine), ("theirs", conflict.theirs)):
            label = "Keep mine" if side == "mine" else "Take theirs"
            button = QRadioButton(label)  # a radio button's text cannot wrap: the value can
            button.setObjectName(side)
            button.setAccessibleName(f"{where(conflict, guide)}: {label}: {shown(value)}")
            words = QLabel(shown(value))
            words.setObjectName(f"{side}Value")
            words.setWordWrap(True)
            words.setTextFormat(Qt.TextFormat.PlainText)
            words.setIndent(button.sizeHint().height())
            group.addButton(button)
            column.addWidget(button)
            column.addWidget(words)
        group.buttonToggled.connect(lambda *_: self._enable())
        self.groups[conflict.key] = group
        return box

    def _enable(self) -> None:
        """Import only once every clash has an answer."""
        answered = all(group.checkedButton() is not None for group in self.groups.values())
        self.import_button.setEnabled(answered)

    def choice(self, conflict: Conflict) -> str:
        """What the user chose for `conflict`: "mine" or "theirs"."""
        button = self.groups[conflict.key].checkedButton()
        return button.objectName() if button is not None else "mine"
