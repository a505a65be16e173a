"""The Help menu's commands: their menu places and what they do (shortcuts, About, diagnostics)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from guide_app.guide.model import CHANGES_ID, Guide
from guide_app.identity import APP_NAME
from guide_app.paths import DataPlace
from guide_app.ui.plain_text import menu_text
from guide_app.ui.window.actions import ActionSpec, Handlers, spec

SPECS: tuple[ActionSpec, ...] = (
    spec("shortcuts", "&Keyboard shortcuts", "Every key the guide understands",
         QKeySequence.StandardKey.HelpContents, menu=("&Help", 1), menu_order=2),
    spec("welcome", "&How to use this guide", "The guide in two minutes", menu=("&Help", 1),
         menu_order=1),
    spec("whats_changed", "What's &changed in this edition",
         "What was added, updated or removed in this edition, and why", menu=("&Help", 1),
         menu_order=3),
    spec("open_data_folder", "Open &data folder", "Show where your data is kept",
         menu=("&Help", 2)),
    spec("diagnostics", "Copy &diagnostics", "Copy versions and paths for IT support",
         menu=("&Help", 2)),
    # "&&": a lone "&" in a menu marks the next letter as its key (it showed "Pain _Mental")
    spec("about", f"&About the {menu_text(APP_NAME)}", "Version, edition and licence",
         menu=("&Help", 3)),
)  # fmt: skip


class HelpCommands:
    """Shows the shortcuts and About, copies diagnostics and opens the data folder."""

    def __init__(
        self,
        guide: Guide,
        place: DataPlace,
        actions: dict[str, QAction],
        specs: tuple[ActionSpec, ...],
        say: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        self.guide, self.place, self.actions, self.specs = guide, place, actions, specs
        self.say, self.window = say, parent
        # "whats_changed" opens a page (the window's): there is none without content/changes.yaml
        actions["whats_changed"].setEnabled(CHANGES_ID in guide.nodes)

    def handlers(self) -> Handlers:
        """What each help command does ("welcome" and "whats_changed" open pages: the window's)."""
        return {
            "shortcuts": self.show_shortcuts,
            "open_data_folder": self.open_data_folder,
            "diagnostics": self.copy_diagnostics,
            "about": self.about,
        }

    def show_shortcuts(self) -> None:
        """Show every command's keys and each pane's own."""
        from guide_app.ui.help.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions, self.specs, self.window).open()

    def about(self) -> None:
        """Show the version, edition, data folder and licence."""
        from guide_app.ui.help.about_dialog import AboutDialog

        place = self.place
        AboutDialog(self.guide, place.folder, place.mode, self.diagnostics(), self.window).open()

    def diagnostics(self) -> str:
        """Versions, platform and paths for a support request (nothing personal)."""
        from guide_app.ui.help.diagnostics import (
            diagnostics,  # platform, sqlite3: not needed to start
        )

        place = self.place
        return diagnostics(self.guide, place.folder, place.mode, place.log)

    def copy_diagnostics(self) -> None:
        """Copy the diagnostics for IT support."""
        QGuiApplication.clipboard().setText(self.diagnostics())
        self.say("Diagnostics copied: paste them into your message to IT support.")

    def open_data_folder(self) -> None:
        """Show the data folder in the file manager."""
        self.place.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.place.folder)))
