"""The install dialog: what an edition file holds and whether it passed every check; install it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.currency import long_date
from guide_app.store.editions.install import Checked, check, install
from guide_app.store.editions.installed import Editions
from guide_app.store.editions.manifest import EditionError


class InstallDialog(QDialog):
    """Checks the file when made; shows why it is refused, or what installing it would do.

    Nothing in the data folder changes until Install is pressed, and then only if the file
    still passes every check.
    """

    def __init__(
        self,
        path: Path,
        editions: Editions,
        in_use: str,
        restart: Callable[[], bool],
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("installEdition")
        self.setWindowTitle("Install content update")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.path, self.editions, self.in_use = path, editions, in_use
        self.restart, self.say = restart, say
        self.checked: Checked | None = None
        self.heading = QLabel()
        self.heading.setObjectName("installHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.text = QLabel()
        self.text.setObjectName("installText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems = QPlainTextEdit()
        self.problems.setObjectName("installProblems")
        self.problems.setAccessibleName("Problems found in the edition")
        self.problems.setReadOnly(True)
        self.problems.hide()
        self.buttons = QDialogButtonBox()
        words = QWidget()  # scrolls when a small screen at a large zoom cannot show it all
        column = QVBoxLayout(words)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addStretch(1)
        area = QScrollArea()
        area.setObjectName("installTextArea")
        area.setWidget(words)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 2)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self._check()
        self._fit()

    def _fit(self) -> None:
        """About 70 characters wide, tall enough for the text, never larger than the screen."""
        chars = self.fontMetrics().averageCharWidth()
        screen = self.screen().availableGeometry()
        width = min(chars * 72, screen.width() - 40)
        self.text.setMinimumWidth(min(chars * 60, width - 40))
        height = self.text.heightForWidth(width - 40) + self.heading.sizeHint().height() * 2
        height += self.buttons.sizeHint().height() + (0 if self.problems.isHidden() else 200)
        self.resize(width, min(height + 60, screen.height() - 60))

    def _check(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.checked = check(self.path, self.editions)
        except EditionError as error:
            self._refused(str(error), error.problems)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._offer(self.checked)

    def _refused(self, why: str, problems: tuple[str, ...]) -> None:
        self._show(
            "This file cannot be installed",
            f"{why}\n\nNothing has been changed: the guide goes on using edition {self.in_use}.",
        )
        if problems:
            self.problems.setPlainText("\n".join(problems))
            self.problems.show()
        self._set_buttons([("Close", QDialogButtonBox.ButtonRole.RejectRole, self.reject)])
        self.say(f"The content update was not installed: {why}")

    def _offer(self, checked: Checked) -> None:
        verified = checked.verified
        key = verified.key
        self._show(
            f"Install edition {checked.edition}?",
            f"{self.path.name} holds edition {checked.edition} of the guide's content, dated "
            f"{long_date(verified.manifest.date)}.\n\n"
            f"✓ Signed by {key.name}, a key trusted here ({key.fingerprint}).\n"
            f"✓ All {len(verified.files)} files match their signed hashes.\n"
            f"✓ Its {checked.pages} pages load without problems.\n\n"
            f"Edition {checked.in_use.id}, in use now, is kept: you can go back to it from "
            "File > Content editions. Your bookmarks, notes and reviews are not changed.",
        )
        self._set_buttons(
            [
                ("Install", QDialogButtonBox.ButtonRole.AcceptRole, self._install),
                ("Cancel", QDialogButtonBox.ButtonRole.RejectRole, self.reject),
            ]
        )

    def _install(self) -> None:
        try:
            checked = check(self.path, self.editions)  # the file may have changed since
            edition = install(checked, self.editions)
        except EditionError as error:
            self._refused(str(error), error.problems)
            return
        except OSError as error:
            self._refused(f"it could not be written to the data folder: {error}", ())
            return
        self._show(
            f"Edition {edition.id} is installed",
            "The guide opens it when it next starts. Restart now? Your bookmarks, notes and "
            "reviews are saved first.",
        )
        self._set_buttons(
            [
                ("Restart now", QDialogButtonBox.ButtonRole.AcceptRole, self._restart),
                ("Later", QDialogButtonBox.ButtonRole.RejectRole, self.accept),
            ]
        )
        self.say(
            f"Edition {edition.id} of the content is installed; it is used from the next start."
        )

    def _restart(self) -> None:
        self.accept()
        self.restart()

    def _show(self, heading: str, text: str) -> None:
        self.heading.setText(heading)
        self.text.setText(text)
        self.setAccessibleDescription(f"{heading}. {text}")

    def _set_buttons(
        self, buttons: list[tuple[str, QDialogButtonBox.ButtonRole, Callable[[], object]]]
    ) -> None:
        self.buttons.clear()
        for n, (label, role, action) in enumerate(buttons):
            button = QPushButton(label)
            button.setObjectName(label.lower().replace(" ", "_"))
            self.buttons.addButton(button, role)
            button.clicked.connect(lambda _checked=False, a=action: a())
            if n == 0:
                button.setDefault(True)
                button.setFocus()
