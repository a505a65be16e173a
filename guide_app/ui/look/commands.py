"""The View menu's zoom and theme commands: their menu places, and the menus kept in step."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from guide_app.ui.look.appearance import THEMES, Appearance
from guide_app.ui.window.actions import ActionSpec, Handlers, spec

_Key = QKeySequence.StandardKey

SPECS: tuple[ActionSpec, ...] = (
    spec("zoom_in", "Zoom &in", "Make everything larger", _Key.ZoomIn, "Ctrl+=", menu=("&View", 1)),
    spec("zoom_out", "Zoom &out", "Make everything smaller", _Key.ZoomOut, menu=("&View", 1)),
    spec("zoom_reset", "&Actual size", "Back to the normal size", "Ctrl+0", menu=("&View", 1)),
    spec("theme_system", "Follow the &system", "Light or dark as the computer is set",
         checkable=True, menu=("&View/&Theme", 1)),
    spec("theme_light", "&Light", "Dark text on a light background", checkable=True,
         menu=("&View/&Theme", 1)),
    spec("theme_dark", "&Dark", "Light text on a dark background", checkable=True,
         menu=("&View/&Theme", 1)),
    spec("theme_contrast", "&High contrast", "White on black, yellow links, strong focus",
         checkable=True, menu=("&View/&Theme", 1)),
)  # fmt: skip


class LookCommands:
    """Zooms and changes theme, and keeps the View menu saying which theme and zoom are on."""

    def __init__(
        self, appearance: Appearance, actions: dict[str, QAction], parent: QObject
    ) -> None:
        self.appearance, self.actions = appearance, actions
        self.themes = QActionGroup(parent)  # the window keeps it
        for name in THEMES:
            self.themes.addAction(actions[f"theme_{name}"])
        appearance.changed.connect(self.show_state)

    def handlers(self) -> Handlers:
        """What each zoom and theme command does, by name."""
        found: Handlers = {
            "zoom_in": self.appearance.zoom_in,
            "zoom_out": self.appearance.zoom_out,
            "zoom_reset": lambda: self.appearance.set_zoom(1.0),  # remembered
        }
        for name in THEMES:
            found[f"theme_{name}"] = partial(self.appearance.set_theme, name)
        return found

    def show_state(self) -> None:
        """Tick the theme in use and say the zoom beside Actual size."""
        self.actions[f"theme_{self.appearance.theme}"].setChecked(True)
        percent = round(self.appearance.zoom * 100)
        self.actions["zoom_reset"].setText(f"&Actual size (now {percent}%)")
