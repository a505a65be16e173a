"""The edition commands' menu places, and what they do: install from a file, list and choose."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from guide_app import paths
from guide_app.common.safe_files import DataRoot
from guide_app.guide.model import Guide
from guide_app.store.editions.installed import Editions
from guide_app.ui.window.actions import ActionSpec, Handlers, spec

SPECS: tuple[ActionSpec, ...] = (
    spec("install_edition", "Install content &update…",
         "Install a newer edition of the guide's content from a file", menu=("&File", 2),
         menu_order=10),
    spec("content_editions", "Content &editions…",
         "See which editions of the content are here, and choose one", menu=("&File", 2),
         menu_order=11),
)  # fmt: skip


class EditionCommands:
    """Opens the install dialog (after a file is chosen) and the editions dialog."""

    def __init__(
        self, guide: Guide, root: DataRoot, say: Callable[[str], None], parent: QWidget
    ) -> None:
        self.guide, self.root, self.say, self.window = guide, root, say, parent
        self.restart_requested = False  # read by shell/app.py once the window has closed

    def restart(self) -> bool:
        """Close the window, saving everything, so the app opens again on the chosen edition.

        False if the window stayed open (the user chose to stay, to deal with something not
        saved).
        """
        self.restart_requested = True
        self.restart_requested = self.window.close()
        return self.restart_requested

    def handlers(self) -> Handlers:
        """What each edition command does, by name."""
        return {"install_edition": self.choose_file, "content_editions": self.show_editions}

    def editions(self) -> Editions:
        """The editions of this data folder, beside the app's own."""
        return Editions(self.root, paths.content_dir(), paths.keys_dir())

    def choose_file(self) -> None:
        """Ask for an edition file (a dialog that does not block), then check it."""
        from PySide6.QtWidgets import QFileDialog  # dialogs: loaded when first needed

        dialog = QFileDialog(self.window, "Install content update")
        dialog.setObjectName("chooseEditionFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(["Guide editions (*.guide-edition)", "All files (*)"])
        dialog.fileSelected.connect(lambda name: self.open_file(Path(name)))
        dialog.open()

    def open_file(self, path: Path) -> None:
        """Check the edition file `path` and show what was found, to install it or not."""
        from guide_app.ui.editions.install_dialog import InstallDialog

        InstallDialog(path, self.editions(), self.guide.edition, self.restart, self.say,
                      self.window).open()  # fmt: skip

    def show_editions(self) -> None:
        """List the editions here, with the one in use, and let the user choose another."""
        from guide_app.ui.editions.editions_dialog import EditionsDialog

        EditionsDialog(self.editions(), self.guide.edition, self.restart, self.choose_file,
                       self.window).open()  # fmt: skip
