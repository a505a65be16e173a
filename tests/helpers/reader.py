"""Helpers that act on real widgets the way a user does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from guide_app.ui.reading.reader import Reader


def link_position(reader: Reader, href: str) -> QPoint:
    """Return a point in the reader's viewport over the first link to `href`."""
    document = reader.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position() + max(fragment.length() // 2, 0))
                reader.setTextCursor(cursor)
                reader.ensureCursorVisible()
                return reader.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href!r} on the page")


def click_link(qtbot: QtBot, reader: Reader, href: str) -> None:
    """Click the first link to `href` on the page with the mouse."""
    point = link_position(reader, href)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
