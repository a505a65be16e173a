"""The pages read lately, newest first, kept in the settings between starts (Go > Recent pages)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QSettings
from PySide6.QtWidgets import QMenu, QWidget

from guide_app.guide.model import Guide
from guide_app.ui.plain_text import menu_text

LIMIT = 20  # pages remembered
_KEY = "reader/recent_pages"


class RecentPages(QObject):
    """The ids of the guide pages shown lately, newest first, at most LIMIT of them.

    Pages that are not in this edition of the guide are left out of the list but kept in
    the settings, after the others, so they come back with an edition that has them; a former
    id is read as the page's id now.
    """

    def __init__(self, settings: QSettings, guide: Guide, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._guide = guide
        stored = settings.value(_KEY)
        # QSettings gives a list, a single string for a list of one, or None
        listed = stored if isinstance(stored, list) else [stored] if stored else []
        self._ids: list[str] = []
        self._elsewhere: list[str] = []  # in another edition: kept, not shown
        for value in listed:
            node = guide.resolve(str(value))
            if node is not None and node.id not in self._ids:
                self._ids.append(node.id)
            elif node is None and str(value) not in self._elsewhere:
                self._elsewhere.append(str(value))
        del self._ids[LIMIT:]
        del self._elsewhere[LIMIT:]

    def ids(self) -> list[str]:
        """The pages' ids, newest first."""
        return list(self._ids)

    def visit(self, node_id: str, *, instead_of: str | None = None) -> None:
        """Put `node_id` first; `instead_of`, if it was the newest, is dropped (passed over)."""
        if instead_of is not None and self._ids[:1] == [instead_of]:
            del self._ids[0]
        if node_id in self._ids:
            self._ids.remove(node_id)
        self._ids.insert(0, node_id)
        del self._ids[LIMIT:]
        self._settings.setValue(_KEY, self._ids + self._elsewhere)


class RecentMenu(QMenu):
    """The recent pages as a menu: "&1 Title" … ; choosing one opens it."""

    def __init__(
        self,
        recent: RecentPages,
        guide: Guide,
        open_page: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("&Recent pages", parent)
        self.setObjectName("recentPagesMenu")
        self.setAccessibleName("Recent pages")
        self._recent = recent
        self._guide = guide
        self._open = open_page

    def fill(self, current: str | None) -> None:
        """List the recent pages, leaving out `current` (the page shown now)."""
        self.clear()
        shown = [i for i in self._recent.ids() if i != current and i in self._guide.nodes]
        for number, node_id in enumerate(shown, 1):
            node = self._guide.nodes[node_id]
            mark = f"&{number} " if number < 10 else f"{number} "
            action = self.addAction(mark + menu_text(node.title))
            action.setStatusTip(node.kind.label)
            action.triggered.connect(lambda _checked=False, n=node_id: self._open(n))
        if not shown:
            self.addAction("No other pages read yet").setEnabled(False)

    def show_at(self, place: QPoint, current: str | None) -> None:
        """Fill the menu and pop it up at `place` (global), the newest page ready for Enter."""
        self.fill(current)
        self.popup(place)
        first = self.actions()[0]
        if first.isEnabled():
            self.setActiveAction(first)
