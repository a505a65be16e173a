"""Icons drawn from the SVGs in resources/, tinted with the palette so they suit light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap

from guide_app import paths


@cache
def _svg(name: str) -> str:
    return (paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


class TintedSvgEngine(QIconEngine):
    """Draws one SVG in a colour per mode, at the size asked for, when first asked for it.

    Nothing is drawn until a widget paints the icon, and each size is drawn from the vector
    (never a scaled bitmap), so the icon stays sharp at any zoom and screen scale.
    """

    def __init__(self, name: str, colours: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self.name = name
        self.colours = colours
        self._drawn: dict[tuple[int, int, str], QPixmap] = {}

    def _colour(self, mode: QIcon.Mode) -> str:
        return self.colours.get(mode, self.colours[QIcon.Mode.Normal])

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """The icon drawn at `size` device pixels in `mode`'s colour."""
        colour = self._colour(mode)
        key = (size.width(), size.height(), colour)
        drawn = self._drawn.get(key)
        if drawn is None:
            side = max(1, min(size.width(), size.height()))
            svg = (
                _svg(self.name)
                .replace("currentColor", colour)
                .replace('width="24" height="24"', f'width="{side}" height="{side}"', 1)
            )
            image = QImage.fromData(QByteArray(svg.encode("utf-8")))  # format detected
            drawn = QPixmap.fromImage(image) if not image.isNull() else QPixmap()
            self._drawn[key] = drawn
        return drawn

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """The icon for `size` logical pixels on a screen of `scale` device pixels per pixel."""
        drawn = QPixmap(self.pixmap(size * scale, mode, state))
        drawn.setDevicePixelRatio(scale)
        return drawn

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Draw the icon into `rect` at the painter's device pixel ratio."""
        scale = painter.device().devicePixelRatioF()
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        """A copy (Qt copies an engine when an icon is detached)."""
        return TintedSvgEngine(self.name, dict(self.colours))

    def key(self) -> str:
        """This engine's kind, for Qt."""
        return "guide-app-tinted-svg"


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """Return resources/icons/<name>.svg drawn in the palette's text colour (greyed when off)."""
    colours = {
        QIcon.Mode.Normal: palette.color(
            QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText
        ).name(),
        QIcon.Mode.Disabled: palette.color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText
        ).name(),
    }
    return QIcon(TintedSvgEngine(name, colours))


def app_icon() -> QIcon:
    """Return the application's own icon, drawn for each size (16 px has its own design)."""
    icon = QIcon()
    for folder in sorted((paths.resources_dir() / "icons" / "hicolor").glob("*x*")):
        for png in (folder / "apps").glob("*.png"):
            icon.addFile(str(png))
    return icon
