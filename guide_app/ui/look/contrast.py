"""Colour contrast as WCAG 2 measures it, and colours picked to reach a ratio against others."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

UI_MINIMUM = 3.0  # WCAG 2.1, 1.4.11: borders, indicators and focus rings against their ground


def luminance(colour: QColor) -> float:
    """The relative luminance of `colour` (0 black … 1 white), as WCAG defines it."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor, b: QColor) -> float:
    """The contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mixed(a: QColor, b: QColor, share_of_b: float) -> QColor:
    """`a` moved `share_of_b` (0 … 1) of the way towards `b`."""
    keep = 1 - share_of_b
    return QColor.fromRgbF(
        a.redF() * keep + b.redF() * share_of_b,
        a.greenF() * keep + b.greenF() * share_of_b,
        a.blueF() * keep + b.blueF() * share_of_b,
    )


def towards(ground: QColor, ink: QColor, grounds: Iterable[QColor], minimum: float) -> QColor:
    """The colour nearest `ground`, on the way to `ink`, with `minimum` contrast to `grounds`.

    `ink` itself if no colour nearer has that contrast with every one of `grounds`.
    """
    around = list(grounds)
    for step in range(21):
        colour = mixed(ground, ink, step / 20)
        if all(ratio(colour, other) >= minimum for other in around):
            return colour
    return QColor(ink)


def clearest(candidates: Iterable[QColor], ground: QColor, minimum: float = UI_MINIMUM) -> QColor:
    """The first candidate with `minimum` contrast against `ground`, else the most contrasting."""
    options = list(candidates)
    for colour in options:
        if ratio(colour, ground) >= minimum:
            return colour
    return max(options, key=lambda colour: ratio(colour, ground))
