"""Moving the keyboard between the window's panes: F6, Shift+F6 and the focus commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QLineEdit, QTabWidget, QWidget

from guide_app.ui.window.actions import ActionSpec, Handlers, spec

SPECS: tuple[ActionSpec, ...] = (
    spec("focus_search", "&Search", "Move to the search field", "Ctrl+K", menu=("&View", 3)),
    spec("focus_contents", "&Contents", "Move to the contents tree", "Ctrl+Shift+C",
         menu=("&View", 3)),
    spec("focus_reader", "The &page", "Move to the page you are reading", "Ctrl+Shift+P",
         menu=("&View", 3)),
    spec("next_pane", "Next pa&ne", "Move to the next pane", "F6", menu=("&View", 3)),
    spec("previous_pane", "Previous pan&e", "Move to the previous pane", "Shift+F6",
         menu=("&View", 3)),
)  # fmt: skip

Pane = tuple[str, QWidget]  # its name as spoken, and the widget that takes the keyboard


class Panes:
    """Knows the panes in the order F6 visits them, and moves the keyboard there.

    `side_tabs` holds the side panes (Contents, Search, Bookmarks); `centre` gives the panes
    of the centre as shown now (the page, or the review list and checklist); `search_field`
    is the toolbar's search field; `say` tells the user where the keyboard went.
    """

    def __init__(
        self,
        side_tabs: QTabWidget,
        contents: QWidget,
        centre: Callable[[], list[Pane]],
        search_field: QLineEdit,
        say: Callable[[str], None],
    ) -> None:
        self.side_tabs, self.contents, self.centre = side_tabs, contents, centre
        self.search_field, self.say = search_field, say

    def handlers(self) -> Handlers:
        """What each pane command does, by name."""
        return {
            "focus_search": self.focus_search,
            "focus_contents": self.focus_contents,
            "focus_reader": self.focus_centre,
            "next_pane": lambda: self.cycle(1),
            "previous_pane": lambda: self.cycle(-1),
        }

    def panes(self) -> list[Pane]:
        """The panes F6 moves between, in order, with the widget that takes the keyboard."""
        found: list[Pane] = []
        if self.side_tabs.isVisible():
            side = self.side_tabs.currentWidget()
            view = getattr(side, "view", None)  # a list or tree inside the pane takes the keys
            name = self.side_tabs.tabText(self.side_tabs.currentIndex()).replace("&", "")
            found.append((name, view if isinstance(view, QWidget) else side))
        found += self.centre()
        found.append(("Search", self.search_field))
        return found

    def cycle(self, step: int) -> None:
        """Move the keyboard to the next (or previous) pane and say which it is."""
        panes = self.panes()
        focus = QApplication.focusWidget()
        current = next(
            (
                n
                for n, (_, widget) in enumerate(panes)
                if focus is not None and (focus is widget or widget.isAncestorOf(focus))
            ),
            -1,
        )
        name, widget = panes[(current + step) % len(panes)]
        widget.setFocus()
        self.say(f"{name} pane")

    def focus_centre(self) -> None:
        """Move the keyboard to the page, or to the review checklist."""
        self.centre()[-1][1].setFocus()

    def focus_contents(self) -> None:
        """Show the contents and move the keyboard there."""
        self.side_tabs.show()
        self.side_tabs.setCurrentWidget(self.contents)
        self.contents.setFocus()

    def focus_search(self) -> None:
        """Move the keyboard to the search field, its text selected to type over."""
        self.search_field.setFocus()
        self.search_field.selectAll()
