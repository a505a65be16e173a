"""Icons drawn from the SVGs in resources/, tinted with the palette so they suit light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QIcon, QImage, QPalette, QPixmap

from guide_app import paths

_SIZES = (16, 20, 24, 32, 48)


@cache
def _svg(name: str) -> str:
    return (paths.resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def themed_icon(name: str, palette: QPalette) -> QIcon:
    """Return resources/icons/<name>.svg drawn in the palette's text colour (greyed when off)."""
    icon = QIcon()
    states = (
        (
            QIcon.Mode.Normal,
            palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
        ),
        (
            QIcon.Mode.Disabled,
            palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
        ),
    )
    for mode, colour in states:
        svg = _svg(name).replace("currentColor", colour.name())
        for size in _SIZES:  # draw each size from the vector, never scale a bitmap
            sized = svg.replace('width="24" height="24"', f'width="{size}" height="{size}"', 1)
            image = QImage.fromData(QByteArray(sized.encode("utf-8")))  # format detected
            if not image.isNull():
                icon.addPixmap(QPixmap.fromImage(image), mode)
    return icon


def app_icon() -> QIcon:
    """Return the application's own icon, drawn for each size (16 px has its own design)."""
    icon = QIcon()
    for folder in sorted((paths.resources_dir() / "icons" / "hicolor").glob("*x*")):
        for png in (folder / "apps").glob("*.png"):
            icon.addFile(str(png))
    return icon
