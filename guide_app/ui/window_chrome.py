"""The main window's menus and toolbar, laid out from tables of action names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QToolBar

MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    ("&File", ("import_bookmarks", "export_bookmarks", None, "quit")),
    ("&Edit", ("undo", "redo", None, "find", "find_next", "find_previous", None, "focus_search")),
    ("&Go", ("back", "forward", "home", None, "focus_contents", "focus_reader")),
    ("&Bookmarks", ("toggle_bookmark", "show_bookmarks")),
    ("&Reviews", ("show_reviews",)),
    ("&Help", ("open_data_folder", "diagnostics", None, "about")),
)
TOOLBAR = ("back", "forward", "home", None, "toggle_bookmark", "show_reviews")


def build_menus(window: QMainWindow, commands: dict[str, QAction]) -> None:
    """Fill the menu bar from MENUS."""
    for title, names in MENUS:
        menu = window.menuBar().addMenu(title)
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(commands[name])


def build_toolbar(window: QMainWindow, commands: dict[str, QAction]) -> QToolBar:
    """Add the toolbar from TOOLBAR; each button's accessible name follows its action's text."""
    bar = window.addToolBar("Navigation")
    bar.setObjectName("navigationToolBar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
            continue
        action = commands[name]
        bar.addAction(action)
        button = bar.widgetForAction(action)
        button.setAccessibleName(action.text().replace("&", ""))
        action.changed.connect(
            lambda a=action, b=button: b.setAccessibleName(a.text().replace("&", ""))
        )
    return bar
