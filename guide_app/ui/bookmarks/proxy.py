"""The Bookmarks pane's filter and sort: on title, note and page; folders first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from guide_app.ui.bookmarks.model import (
    CHANGED_ROLE,
    FILTER_ROLE,
    ORDER_ROLE,
    TITLE_ROLE,
    BookmarksModel,
)

_Index = QModelIndex | QPersistentModelIndex
SORTS = (("Guide order", ORDER_ROLE), ("Title", TITLE_ROLE), ("Last changed", CHANGED_ROLE))


class BookmarksProxy(QSortFilterProxyModel):
    """Filters on title, note and page; sorts folders first, then by the chosen key."""

    def __init__(self, model: BookmarksModel) -> None:
        super().__init__()
        self.setSourceModel(model)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.sort_role = ORDER_ROLE
        self.sort(0)

    def set_sort(self, role: int) -> None:
        """Sort by ORDER_ROLE, TITLE_ROLE or CHANGED_ROLE (newest first)."""
        self.sort_role = role
        self.invalidate()
        self.sort(0)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, BookmarksModel)
        a, b = model.sort_key(left, self.sort_role), model.sort_key(right, self.sort_role)
        if self.sort_role == CHANGED_ROLE and a[0] == b[0] == 1:
            return bool(a[1] > b[1])  # newest first
        return a < b
