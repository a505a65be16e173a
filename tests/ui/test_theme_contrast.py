"""Every theme draws field borders, radio marks and focus rings that can be seen (3:1), and
icons kept for the window's life follow a change of theme."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QRadioButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from guide_app.store.reviews import Status
from guide_app.ui.review.status_look import status_icon
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.fixtures import show_active

THEMES = ("light", "dark", "contrast")
NEEDED = 3.0  # WCAG 2.1, 1.4.11: user interface parts against what is next to them


@pytest.fixture(autouse=True)
def _plain_look_afterwards(qapp: QApplication) -> Iterator[None]:
    """Leave the application's font and palette as they were for the next test."""
    font, palette = qapp.font(), qapp.palette()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def best_against(image: QImage, points: list[QPoint], ground: QColor) -> float:
    """The strongest contrast any of `points` has against `ground`."""
    return max(contrast(image.pixelColor(point), ground) for point in points)


def a_form(qtbot: QtBot) -> tuple[QWidget, QLineEdit, QRadioButton]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(12, 12, 12, 12)
    field = QLineEdit()
    field.setAccessibleName("Empty field")
    choice = QRadioButton("Not chosen")
    layout.addWidget(field)
    layout.addWidget(choice)
    box.resize(320, box.sizeHint().height())
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box, field, choice


@pytest.mark.parametrize("zoom", [1.0, 2.0])
@pytest.mark.parametrize("theme", THEMES)
def test_text_fields_have_borders_that_stand_out(
    qtbot: QtBot, window: MainWindow, theme: str, zoom: float
) -> None:
    window.appearance.set_theme(theme, remember=False)
    window.appearance.set_zoom(zoom, remember=False)
    box, field, _choice = a_form(qtbot)
    image = box.grab().toImage()

    middle = field.geometry().center().y()
    outside = image.pixelColor(field.x() - 4, middle)
    inside = image.pixelColor(field.geometry().center())
    assert outside == QApplication.palette().color(QPalette.ColorRole.Window)
    left_edge = [QPoint(field.x() + dx, middle) for dx in range(3)]
    assert best_against(image, left_edge, outside) >= NEEDED, f"{theme}: field border vs window"
    assert best_against(image, left_edge, inside) >= NEEDED, f"{theme}: field border vs inside"


@pytest.mark.parametrize("zoom", [1.0, 2.0])
@pytest.mark.parametrize("theme", THEMES)
def test_an_unchosen_radio_button_stands_out(
    qtbot: QtBot, window: MainWindow, theme: str, zoom: float
) -> None:
    window.appearance.set_theme(theme, remember=False)
    window.appearance.set_zoom(zoom, remember=False)
    box, _field, choice = a_form(qtbot)
    image = box.grab().toImage()

    mark = choice.style().pixelMetric(choice.style().PixelMetric.PM_ExclusiveIndicatorWidth)
    centre = choice.geometry().center().y()
    across = [QPoint(choice.x() + dx, centre) for dx in range(mark + 2)]
    ground = image.pixelColor(choice.x() - 4, centre)
    assert ground == QApplication.palette().color(QPalette.ColorRole.Window)
    assert best_against(image, across, ground) >= NEEDED, f"{theme}: empty radio mark vs window"


@pytest.mark.parametrize("theme", THEMES)
def test_the_keyboard_focus_in_the_contents_is_a_ring_seen_on_its_row(
    qtbot: QtBot, window: MainWindow, theme: str
) -> None:
    window.appearance.set_theme(theme, remember=False)
    show_active(qtbot, window)
    tree = window.contents
    highlight = QApplication.palette().color(QPalette.ColorRole.Highlight)
    qtbot.waitUntil(lambda: tree.palette().color(QPalette.ColorRole.Highlight) == highlight)
    window.commands["focus_contents"].trigger()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # a keyboard move: the ring is for the keyboard
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    row = tree.visualRect(tree.currentIndex())
    image = tree.viewport().grab().toImage()

    inside = Counter(
        image.pixelColor(x, row.center().y()).rgb() for x in range(row.left() + 4, row.right() - 4)
    )
    row_colour = QColor.fromRgb(inside.most_common(1)[0][0])
    palette = QApplication.palette()
    assert contrast(row_colour, highlight) < 1.1  # the current row, highlighted
    x = row.center().x()
    ring = [QPoint(x, row.top() + dy) for dy in range(4)] + [
        QPoint(x, row.bottom() - dy) for dy in range(4)
    ]
    assert best_against(image, ring, row_colour) >= NEEDED, f"{theme}: ring vs its row"
    list_colour = palette.color(QPalette.ColorRole.Base)
    assert best_against(image, ring, list_colour) >= NEEDED, f"{theme}: ring vs the list"


def commonest(image: QImage) -> QColor:
    """The colour most of an icon is drawn in (its fully drawn pixels)."""
    drawn = Counter(
        image.pixelColor(x, y).rgb()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    )
    return QColor.fromRgb(drawn.most_common(1)[0][0])


def test_status_icons_follow_a_change_of_theme(qtbot: QtBot, window: MainWindow) -> None:
    appearance = window.appearance
    size = QSize(24, 24)
    appearance.set_theme("light", remember=False)
    met = status_icon(Status.MET)  # kept for the window's life, as the review views keep it
    light = met.pixmap(size).toImage()
    appearance.set_theme("dark", remember=False)
    dark = met.pixmap(size).toImage()
    assert light != dark
    ground = QApplication.palette().color(QPalette.ColorRole.Base)
    assert contrast(commonest(dark), ground) >= 4.5  # a green that shows on the dark list
    assert contrast(commonest(light), ground) < 4.5
    appearance.set_theme("contrast", remember=False)
    assert commonest(met.pixmap(size).toImage()).name() == "#ffffff"  # the shape, in white
    selected = met.pixmap(size, QIcon.Mode.Selected).toImage()
    assert commonest(selected).name() == "#000000"  # black on a selected row's yellow
