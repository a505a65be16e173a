"""Reviews > Review folder…: keep the reviews on this computer or in a folder the team shares."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from guide_app.common.safe_files import DataRoot
from guide_app.store.review_lock import user_name
from guide_app.store.review_place import (
    PlaceError,
    ReviewPlace,
    checked_folder,
    read_place,
    write_place,
)


class ReviewFolderDialog(QDialog):
    """Chooses where reviews are kept and the name colleagues see; used from the next start."""

    def __init__(
        self,
        data: Path,
        restart: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewFolder")
        self.setWindowTitle("Where reviews are kept")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data, self.restart = data, restart
        self.place, problem = read_place(data, DataRoot(data))
        intro = QLabel(
            "Keep the team's reviews in a folder everyone reaches, such as a network drive. "
            "A review open on one computer is read-only on the others, which say who has it."
        )
        intro.setWordWrap(True)
        self.local = QRadioButton("On this &computer only (in the guide's own data folder)")
        self.local.setObjectName("reviewsLocal")
        self.shared = QRadioButton("In a &folder the team shares:")
        self.shared.setObjectName("reviewsShared")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.shared)
        self.folder = QLineEdit(str(self.place.shared or ""))
        self.folder.setObjectName("sharedFolder")
        self.folder.setAccessibleName("The shared folder")
        self.browse = QPushButton("&Browse…")
        self.browse.setObjectName("browseFolder")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.name = QLineEdit(self.place.name)
        self.name.setObjectName("colleagueName")
        self.name.setPlaceholderText(user_name())
        self.name.setMaxLength(100)
        form = QFormLayout()
        form.addRow("Your &name, as colleagues see it:", self.name)
        note = QLabel(
            "Reviews on this computer stay here. To copy one across, use Send to a "
            "colleague… now and Import review… after the change."
        )
        note.setWordWrap(True)
        self.status = QLabel(problem)
        self.status.setObjectName("reviewFolderStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.restart_button = QPushButton("&Restart now")
        self.restart_button.setObjectName("restartNow")
        self.buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restart_button.hide()  # after addButton, which shows it: until there is a change
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)
        column.addWidget(self.local)
        column.addWidget(self.shared)
        column.addLayout(folder_row)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(self.status)
        column.addStretch(1)
        area = QScrollArea()  # at 200 % on a small screen the text scrolls, the buttons stay
        area.setWidget(body)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.buttons)
        (self.shared if self.place.shared else self.local).setChecked(True)
        self._enable()
        self.shared.toggled.connect(lambda _on: self._enable())
        self.browse.clicked.connect(self.choose_folder)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.restart_button.clicked.connect(self._restart)
        self.setMinimumWidth(min(self.fontMetrics().averageCharWidth() * 70, 900))

    def _enable(self) -> None:
        for widget in (self.folder, self.browse):
            widget.setEnabled(self.shared.isChecked())

    def choose_folder(self) -> None:
        """Ask for the shared folder (a dialog that does not block)."""
        dialog = QFileDialog(self, "The shared review folder", self.folder.text())
        dialog.setObjectName("chooseSharedFolder")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    def chosen(self) -> ReviewPlace:
        """The place as chosen in the dialog (the folder checked); raises PlaceError."""
        name = self.name.text().strip()
        if not self.shared.isChecked():
            return ReviewPlace(None, name)
        return ReviewPlace(checked_folder(self.folder.text(), self.data), name)

    def save(self) -> None:
        """Keep the choice for the next start, and offer to restart now if it changed."""
        try:
            place = self.chosen()
            if place != self.place:
                write_place(self.data, place, DataRoot(self.data))
        except (PlaceError, OSError) as error:
            self.status.setText(f"⚠ Not changed: {getattr(error, 'strerror', None) or error}.")
            return
        if place.shared == self.place.shared:
            self.accept()
            return
        self.place = place
        where = place.shared or "this computer"
        self.status.setText(
            f"Reviews will be kept in {where} from the next start. Restart now to use it; "
            "everything is saved first."
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Later")
        self.restart_button.show()
        self.restart_button.setFocus()

    def _restart(self) -> None:
        self.accept()
        self.restart()
