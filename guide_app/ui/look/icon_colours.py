"""An icon's SVG in a palette's colours: its text colour, and fixed colours suited to the theme.

Our SVGs draw in `currentColor` (the text's colour) or, for the review statuses and the filled
bookmark star, in fixed colours designed for a light window, with white as the ground a mark
is drawn on (the tick in a green circle). On a dark window the fixed colours are lightened until
they stand out from it and the ground becomes the list's own colour; on a stark one (white on
black or black on white, as high contrast is) every mark is drawn in the text's colour, since
the shapes alone tell the statuses apart; greyed when off, as any icon is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QColor, QIcon, QPalette

from guide_app.ui.look.contrast import luminance, ratio, towards

GROUND = "#ffffff"  # in our SVGs: the ground a mark is drawn on
MARK_MINIMUM = 4.5  # a mark against a dark window: as clear as text
STARK = 19.0  # the contrast of text on window at which a palette counts as high contrast
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
_suited: dict[tuple[str, int, tuple[int, ...]], str] = {}


def ink(palette: QPalette, mode: QIcon.Mode) -> QColor:
    """An icon's colour in `mode`: the text's, greyed when off, light on a selection."""
    group, role = QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText
    if mode == QIcon.Mode.Disabled:
        group = QPalette.ColorGroup.Disabled
    elif mode == QIcon.Mode.Selected:
        role = QPalette.ColorRole.HighlightedText
    return palette.color(group, role)


def suited_svg(svg: str, palette: QPalette, mode: QIcon.Mode) -> str:
    """`svg` with `currentColor` and its fixed colours set for `palette` and `mode`."""
    role = QPalette.ColorRole
    colours = (
        ink(palette, mode),
        palette.color(role.Window),
        palette.color(role.WindowText),
        palette.color(role.Base),
        palette.color(role.Highlight),
    )
    key = (svg, mode.value, tuple(colour.rgba() for colour in colours))
    found = _suited.get(key)
    if found is None:
        found = _suited[key] = _recoloured(svg, mode, *colours)
    return found


def _recoloured(
    svg: str,
    mode: QIcon.Mode,
    pen: QColor,
    window: QColor,
    text: QColor,
    base: QColor,
    highlight: QColor,
) -> str:
    return _recoloured_marks(svg, mode, pen, window, text, base, highlight).replace(
        "currentColor", pen.name()
    )


def _recoloured_marks(
    svg: str,
    mode: QIcon.Mode,
    pen: QColor,
    window: QColor,
    text: QColor,
    base: QColor,
    highlight: QColor,
) -> str:
    """`svg` with its fixed colours suited to the palette (`currentColor` is left as it is)."""
    if mode == QIcon.Mode.Disabled:
        return _swapped(svg, lambda _colour: pen, base)
    if ratio(window, text) >= STARK:
        ground = highlight if mode == QIcon.Mode.Selected else window
        return _swapped(svg, lambda _colour: pen, ground)
    if luminance(window) < luminance(text):  # a dark theme
        return _swapped(
            svg, lambda colour: towards(colour, text, (window, base), MARK_MINIMUM), base
        )
    return svg  # drawn for a light window already


def _swapped(svg: str, mark: Callable[[QColor], QColor], ground: QColor) -> str:
    """`svg` with the ground colour replaced by `ground` and every other by `mark` of it."""

    def swap(found: re.Match[str]) -> str:
        colour = QColor(found.group())
        return (ground if colour.name() == GROUND else mark(colour)).name()

    return _HEX.sub(swap, svg)
