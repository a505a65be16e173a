"""A line edit's clear button, named so a screen reader says what it does."""

from __future__ import annotations

from typing import cast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QToolButton


def add_clear_button(edit: QLineEdit, name: str) -> None:
    """Show Qt's clear button in `edit` while it holds text, with `name` spoken and as tooltip.

    Qt's button has no text, so Orca's flat and mouse review would read it as "push button".
    """
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        action = cast("QAction | None", button.defaultAction())  # None on a plain tool button
        if action is not None and action.objectName() == "_q_qlineeditclearaction":
            action.setToolTip(name)
            button.setAccessibleName(name)
            button.setToolTip(name)
