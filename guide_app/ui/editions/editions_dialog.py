"""The editions dialog: the content editions here, which is in use, and choosing another."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.currency import long_date
from guide_app.store.editions.installed import Edition, Editions
from guide_app.store.editions.manifest import EditionError
from guide_app.store.editions.trust import find, trusted_keys

COLUMNS = ("Edition", "Dated", "From", "Use")


class EditionsDialog(QDialog):
    """Lists the shipped edition and the installed ones; "Use this edition" from the next start."""

    def __init__(
        self,
        editions: Editions,
        in_use: str,
        restart: Callable[[], bool],
        install: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contentEditions")
        self.setWindowTitle("Content editions")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editions, self.in_use, self.restart, self.install = editions, in_use, restart, install
        intro = QLabel(
            "The guide's content comes in editions. The one shipped with the app is always "
            "kept; newer ones can be installed from a signed file."
        )
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("editionsTable")
        self.table.setAccessibleName("Content editions")
        self.table.setHeaderLabels(COLUMNS)
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.header().setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("editionsStatus")
        self.status.setWordWrap(True)
        self.use = QPushButton("&Use this edition")
        self.use.setObjectName("useEdition")
        self.restart_button = QPushButton("&Restart now")
        self.restart_button.setObjectName("restartNow")
        install_button = QPushButton("&Install from a file…")
        install_button.setObjectName("installFromFile")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.use, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(install_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restart_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restart_button.hide()  # after addButton, which shows it: until there is a change
        buttons.rejected.connect(self.reject)
        self.use.clicked.connect(self.use_selected)
        install_button.clicked.connect(self._install)
        self.restart_button.clicked.connect(self._restart)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.fill()

    def fill(self) -> None:
        """List the editions, newest first, saying which is in use and which opens next."""
        self.table.clear()
        keys = trusted_keys(self.editions.root, self.editions.shipped_keys)[0]
        chosen = self.editions.active().edition
        for edition in reversed(self.editions.all()):
            signer = find(keys, edition.signer)
            source = (
                "Shipped with the app"
                if edition.shipped
                else f"Installed from a file, signed by {signer.name if signer else edition.signer}"
            )
            use = "In use now" if edition.id == self.in_use else ""
            if edition == chosen and edition.id != self.in_use:
                use = "Used from the next start"
            day = long_date(edition.date) if edition.date else ""
            item = QTreeWidgetItem([edition.id, day, source, use])
            item.setData(0, Qt.ItemDataRole.UserRole, edition.id)
            self.table.addTopLevelItem(item)
            if edition.id == self.in_use:
                self.table.setCurrentItem(item)
        self._enable()

    def selected(self) -> Edition | None:
        """The edition of the selected row."""
        item = self.table.currentItem()
        return self.editions.get(item.data(0, Qt.ItemDataRole.UserRole)) if item else None

    def use_selected(self) -> None:
        """Use the selected edition from the next start (and offer to restart now)."""
        edition = self.selected()
        if edition is None:
            return
        try:
            self.editions.choose(edition.id, pinned=True)
        except (EditionError, OSError) as error:
            self.status.setText(f"Not changed: {error}")
            return
        self.fill()
        if edition.id == self.in_use:
            self.status.setText(f"Edition {edition.id} stays in use.")
            self.restart_button.hide()
        else:
            self.status.setText(
                f"Edition {edition.id} is used from the next start. Restart now to use it; "
                "your bookmarks, notes and reviews are saved first."
            )
            self.restart_button.show()
            self.restart_button.setFocus()

    def _enable(self) -> None:
        edition = self.selected()
        self.use.setEnabled(edition is not None and edition != self.editions.active().edition)

    def _install(self) -> None:
        self.accept()
        self.install()

    def _restart(self) -> None:
        self.accept()
        self.restart()
