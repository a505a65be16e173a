"""What a screenshot cannot say by itself: controls past the screen's edge, or squeezed in height.

`make screenshots` prints these beside each picture, so that what is clipped or off-screen is
named, not only seen.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

# What a user reads or works: each should be on screen whole, at no less than its own height.
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QTabBar,
)


def describe(widget: QWidget) -> str:
    """A control as a person would point at it: its accessible name or text, and its kind."""
    name = widget.accessibleName()
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text().replace("&", "")
    name = name or widget.objectName() or "(no name)"
    return f"{type(widget).__name__} {name!r}"


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: scrolling brings it into view, so it is not clipped."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False


def _part_of_another(widget: QWidget) -> bool:
    """A field's clear button or a tab bar's scroll arrow: sized by its owner, not a layout."""
    return isinstance(widget.parentWidget(), (QLineEdit, QTabBar, QComboBox))


def layout_problems(window: QMainWindow, screen: QScreen) -> list[str]:
    """Everything on `screen` that is cut off: the window, or visible controls, past its edge."""
    problems = []
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.height() > area.height() or frame.width() > area.width():
        problems.append(
            f"the window is {frame.width()}x{frame.height()}, the screen's area "
            f"{area.width()}x{area.height()} (minimum {window.minimumSizeHint().width()}x"
            f"{window.minimumSizeHint().height()})"
        )
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible() or _part_of_another(widget):
            continue
        place = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
        if not area.contains(place) and not _scrolled(widget):
            problems.append(f"{describe(widget)} is past the screen's edge at {_xywh(place)}")
        if isinstance(widget, (QAbstractButton, QLineEdit, QComboBox)):
            wanted = widget.sizeHint().height()
            if 0 < widget.height() < wanted:
                problems.append(
                    f"{describe(widget)} is cut to {widget.height()} of its {wanted} pixels' height"
                )
    return problems


def _xywh(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"
