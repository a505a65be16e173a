"""Icons drawn from the SVGs in resources/, tinted with the palette so they suit light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap

from guide_app import paths
from guide_app.ui.look.icon_colours import suited_svg


@cache
def _svg(name: str) -> str:
    return (paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


class TintedSvgEngine(QIconEngine):
    """Draws one SVG in a palette's colours per mode, at the size asked for, when first asked.

    Nothing is drawn until a widget paints the icon, and each size is drawn from the vector
    (never a scaled bitmap), so the icon stays sharp at any zoom and screen scale. Without a
    `palette` the icon takes the application's each time it is drawn, so an icon kept for the
    life of the window (a review status's, say) follows a change of theme; each drawing is
    kept, so that costs nothing after the first time.
    """

    def __init__(self, name: str, palette: QPalette | None = None) -> None:
        super().__init__()
        self.name = name
        self.palette = palette
        self._drawn: dict[tuple[int, int, str], QPixmap] = {}

    def svg(self, mode: QIcon.Mode) -> str:
        """The SVG as drawn in `mode`, in the palette's colours (see icon_colours)."""
        palette = self.palette if self.palette is not None else QGuiApplication.palette()
        return suited_svg(_svg(self.name), palette, mode)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """The icon drawn at `size` device pixels in `mode`'s colours."""
        svg = self.svg(mode)
        key = (size.width(), size.height(), svg)
        drawn = self._drawn.get(key)
        if drawn is None:
            side = max(1, min(size.width(), size.height()))
            sized = svg.replace('width="24" height="24"', f'width="{side}" height="{side}"', 1)
            image = QImage.fromData(QByteArray(sized.encode("utf-8")))  # format detected
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
        return TintedSvgEngine(self.name, self.palette)

    def key(self) -> str:
        """This engine's kind, for Qt."""
        return "guide-app-tinted-svg"


def themed_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """Return resources/icons/<name>.svg drawn in the palette's colours (greyed when off).

    With no palette, or the application's own, the icon follows the application's palette
    from then on: a change of theme redraws it. Another palette's colours stay fixed.
    """
    if palette is None or palette == QGuiApplication.palette():
        return QIcon(TintedSvgEngine(name))
    return QIcon(TintedSvgEngine(name, QPalette(palette)))


def app_icon() -> QIcon:
    """Return the application's own icon, drawn for each size (16 px has its own design)."""
    icon = QIcon()
    for folder in sorted((paths.resources_dir() / "icons" / "hicolor").glob("*x*")):
        for png in (folder / "apps").glob("*.png"):
            icon.addFile(str(png))
    return icon
