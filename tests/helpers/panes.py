"""What a pane shows, read the way a test compares it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from guide_app.ui.bookmarks.pane import BookmarksPane


def bookmark_rows(pane: BookmarksPane) -> list[str]:
    """The Bookmarks list as shown, each folder's bookmarks indented under it."""
    proxy = pane.proxy
    found = []

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            found.append("  " * depth + index.data())
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return found
