"""Zoom and theme (System, Light, Dark, High contrast) for the whole window, remembered."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from guide_app.ui.startup import qt

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
THEMES = ("system", "light", "dark", "contrast")
_ZOOM_KEY = "view/zoom"
_BASE_SIZE: list[float] = []  # the application's own font size, before any zoom
_THEME_KEY = "view/theme"


def contrast_palette() -> QPalette:
    """White on black, yellow links and highlights: for people who need the most contrast."""
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    roles = {
        QPalette.ColorRole.Window: black,
        QPalette.ColorRole.WindowText: white,
        QPalette.ColorRole.Base: black,
        QPalette.ColorRole.AlternateBase: QColor("#1a1a1a"),
        QPalette.ColorRole.Text: white,
        QPalette.ColorRole.Button: black,
        QPalette.ColorRole.ButtonText: white,
        QPalette.ColorRole.BrightText: yellow,
        QPalette.ColorRole.Highlight: yellow,
        QPalette.ColorRole.HighlightedText: black,
        QPalette.ColorRole.Link: yellow,
        QPalette.ColorRole.LinkVisited: yellow,
        QPalette.ColorRole.ToolTipBase: black,
        QPalette.ColorRole.ToolTipText: white,
        QPalette.ColorRole.PlaceholderText: QColor("#c0c0c0"),
        QPalette.ColorRole.Mid: white,
        QPalette.ColorRole.Dark: white,
        QPalette.ColorRole.Light: white,
    }
    return _palette(roles, disabled_text="#a0a0a0")


class Appearance(QObject):
    """Applies and remembers the zoom factor and the theme.

    Signals:
        changed(): the zoom or the theme changed (icons and page styles follow).
    """

    changed = Signal()
    _palette_set = False  # whether any Appearance has set the (process-wide) app palette
    _scheme_set = False  # whether one has asked the platform for light or dark

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        if not _BASE_SIZE:
            _BASE_SIZE.append(app.font().pointSizeF())
        self._base_size = _BASE_SIZE[0]
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        self.zoom = self._stored_zoom()
        self.theme = str(settings.value(_THEME_KEY, "system"))
        if self.theme not in THEMES:
            self.theme = "system"

    def _stored_zoom(self) -> float:
        try:
            value = float(str(self.settings.value(_ZOOM_KEY, 1.0)))
        except ValueError:
            return 1.0
        return min(ZOOM_STEPS, key=lambda step: abs(step - value))

    def apply(self) -> None:
        """Apply the remembered zoom and theme at start: writes nothing, tells listeners once.

        The palette and font are only set when they differ from what the app has already:
        setting either makes every widget restyle, which start-up need not pay for. Under
        System, the first frame uses Qt's own palette, which follows the computer wherever
        the style can; `follow_system`, just after that frame, checks whether the computer is
        dark (asking makes PySide6 build its `Qt` namespace, a fifth of a bare window's
        start-up) and gives a dark palette where the style has none.
        """
        if self.theme != "system" or Appearance._scheme_set:
            self._use_scheme()
        if self.theme == "contrast":
            self._set_palette(contrast_palette())
        elif self.theme != "system" or Appearance._palette_set:
            self._set_palette(self._scheme_palette())
        if abs(self._app.font().pointSizeF() - self._base_size * self.zoom) > 1e-6:
            font = QFont(self._app.font())
            font.setPointSizeF(self._base_size * self.zoom)
            self._app.setFont(font)
        self.changed.emit()

    def follow_system(self) -> None:
        """After the first frame: clear outlines; under System, go dark if the computer is."""
        self._use_clear_style()
        if self.theme == "system":
            palette = self._scheme_palette()
            if palette != self._app.palette():
                self._set_palette(palette)
                self.changed.emit()

    def _set_palette(self, palette: QPalette) -> None:
        """Give the app `palette`, unless it has it already (every widget would restyle)."""
        if palette != self._app.palette():
            self._app.setPalette(palette)
            Appearance._palette_set = True

    def _use_clear_style(self) -> None:
        """Draw field borders, check and radio marks and focus rings to be seen in any theme.

        Not for the first frame: it loads QStyle, and restyles every widget once.
        """
        from guide_app.ui.look.clear_style import ClearStyle

        style = self._app.style()
        if not isinstance(style, ClearStyle):
            self._app.setStyle(ClearStyle(style.name()))

    def _wants_dark(self) -> bool:
        Qt = qt()  # noqa: N806 (the namespace, built after the first frame)
        system_dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return self.theme == "dark" or (self.theme == "system" and system_dark)

    def _use_scheme(self) -> None:
        """Ask the platform for light or dark, or for its own choice under System."""
        Qt = qt()  # noqa: N806 (the namespace, built after the first frame)
        Appearance._scheme_set = self.theme in ("light", "dark")
        schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
        QGuiApplication.styleHints().setColorScheme(schemes.get(self.theme, Qt.ColorScheme.Unknown))

    def set_zoom(self, factor: float, *, remember: bool = True) -> None:
        """Scale every font in the window by `factor` (one of ZOOM_STEPS)."""
        self.zoom = min(ZOOM_STEPS, key=lambda step: abs(step - factor))
        font = QFont(self._app.font())
        font.setPointSizeF(self._base_size * self.zoom)
        self._app.setFont(font)
        if remember:
            self.settings.setValue(_ZOOM_KEY, self.zoom)
        self.changed.emit()

    def zoom_in(self) -> None:
        """One step larger."""
        steps = [s for s in ZOOM_STEPS if s > self.zoom + 1e-6]
        self.set_zoom(steps[0] if steps else self.zoom)

    def zoom_out(self) -> None:
        """One step smaller."""
        steps = [s for s in ZOOM_STEPS if s < self.zoom - 1e-6]
        self.set_zoom(steps[-1] if steps else self.zoom)

    def set_theme(self, theme: str, *, remember: bool = True) -> None:
        """Use one of THEMES. System follows the computer's light/dark live."""
        self.theme = theme if theme in THEMES else "system"
        self._use_clear_style()
        self._use_scheme()
        contrast = self.theme == "contrast"
        self._set_palette(contrast_palette() if contrast else self._scheme_palette())
        if remember:
            self.settings.setValue(_THEME_KEY, self.theme)
        self.changed.emit()

    def _scheme_changed(self, _scheme: object) -> None:  # a Qt.ColorScheme
        """The computer switched between light and dark: follow it when set to System."""
        if self.theme == "system":
            self._set_palette(self._scheme_palette())
            self.changed.emit()

    def _scheme_palette(self) -> QPalette:
        """The style's palette for the chosen scheme (a dark one built if the style has none)."""
        palette = self._app.style().standardPalette()
        looks_dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        if self._wants_dark() and not looks_dark:
            return dark_palette()
        return palette


def dark_palette() -> QPalette:
    """A calm dark palette, for styles that do not provide one themselves."""
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#4f8fd9",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.LinkVisited: "#c58af9",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#5f6368",
        QPalette.ColorRole.Dark: "#101112",
        QPalette.ColorRole.Light: "#3c4043",
        QPalette.ColorRole.Midlight: "#35363a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
    }
    return _palette(roles, disabled_text="#80868b")


def _palette(roles: Mapping[QPalette.ColorRole, QColor | str], *, disabled_text: str) -> QPalette:
    """A palette with these colours in every group, and greyed text where a control is off."""
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette
