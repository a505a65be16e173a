"""The main window's menus and toolbar, laid out from tables of action names."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Entry = str | None | tuple[str, tuple[str, ...]]  # an action, a separator, or a submenu

MENUS: tuple[tuple[str, tuple[Entry, ...]], ...] = (
    (
        "&File",
        (
            "print",
            "print_preview",
            "export_pdf",
            "copy_link",
            None,
            "import_bookmarks",
            "export_bookmarks",
            None,
            "quit",
        ),
    ),
    ("&Edit", ("undo", "redo", None, "find", "find_next", "find_previous")),
    (
        "&View",
        (
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            None,
            ("&Theme", ("theme_system", "theme_light", "theme_dark", "theme_contrast")),
            None,
            "focus_search",
            "focus_contents",
            "focus_reader",
            "next_pane",
            "previous_pane",
        ),
    ),
    ("&Go", ("back", "forward", "home", None, "previous_page", "next_page", None, "recent_pages")),
    ("&Bookmarks", ("toggle_bookmark", "show_bookmarks")),
    ("&Reviews", ("show_reviews", "new_review", None, "export_review_pdf", "print_review")),
    ("&Help", ("welcome", "shortcuts", None, "open_data_folder", "diagnostics", None, "about")),
)
TOOLBAR = ("back", "forward", "home", None, "toggle_bookmark", "show_reviews")


def build_menus(window: QMainWindow, commands: dict[str, QAction]) -> None:
    """Fill the menu bar from MENUS."""
    for title, entries in MENUS:
        _fill(window.menuBar().addMenu(title), entries, commands)


def _fill(menu: QMenu, entries: tuple[Entry, ...], commands: dict[str, QAction]) -> None:
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        elif isinstance(entry, tuple):
            _fill(menu.addMenu(entry[0]), entry[1], commands)
        else:
            menu.addAction(commands[entry])


def build_toolbar(window: QMainWindow, commands: dict[str, QAction]) -> QToolBar:
    """Add the toolbar from TOOLBAR; each button's accessible name follows its action's text.

    A checkable button is read as a check box: it keeps its first name and says whether it is
    checked, so the star is "Bookmark this page, checked", not "Remove bookmark, checked".
    """
    bar = window.addToolBar("Navigation")
    bar.setObjectName("navigationToolBar")
    bar.setMovable(False)  # icons only: QMainWindow's default (each has a tooltip and a name)
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
            continue
        action = commands[name]
        bar.addAction(action)
        button = bar.widgetForAction(action)
        button.setAccessibleName(action.text().replace("&", ""))
        if action.isCheckable():
            continue  # a check box keeps its name ("Bookmark this page"); its state says on/off
        action.changed.connect(
            lambda a=action, b=button: b.setAccessibleName(a.text().replace("&", ""))
        )
    return bar
