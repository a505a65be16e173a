"""The main window's menus and toolbar, laid out from where each command's spec places it."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from guide_app.ui.window.actions import ActionSpec

MENU_BAR = ("&File", "&Edit", "&View", "&Go", "&Bookmarks", "&Reviews", "&Help")
SUBMENUS = {"&View/&Theme": 2}  # a submenu, and the group of its menu it sits in


def _ordered(specs: tuple[ActionSpec, ...], menu: str) -> list[tuple[int, str]]:
    """The (group, action name) of each command in `menu`, in menu order."""
    placed = [
        (one.menu[1], one.menu_order, n, one.name)
        for n, one in enumerate(specs)
        if one.menu is not None and one.menu[0] == menu
    ]
    return [(group, name) for group, _order, _n, name in sorted(placed)]


def build_menus(
    window: QMainWindow, specs: tuple[ActionSpec, ...], commands: dict[str, QAction]
) -> None:
    """Fill the menu bar: each command where its spec places it, a separator between groups."""
    for title in MENU_BAR:
        _fill(window.menuBar().addMenu(title), title, specs, commands)


def _fill(
    menu: QMenu, path: str, specs: tuple[ActionSpec, ...], commands: dict[str, QAction]
) -> None:
    entries: list[tuple[int, str | None]] = list(_ordered(specs, path))
    entries += [(group, sub) for sub, group in SUBMENUS.items() if sub.rpartition("/")[0] == path]
    entries.sort(key=lambda entry: entry[0])  # stable: commands keep their order in a group
    last_group = None
    for group, name in entries:
        if last_group is not None and group != last_group:
            menu.addSeparator()
        last_group = group
        if name in SUBMENUS:
            _fill(menu.addMenu(name.rpartition("/")[2]), name, specs, commands)
        elif name is not None:
            menu.addAction(commands[name])


def build_toolbar(
    window: QMainWindow, specs: tuple[ActionSpec, ...], commands: dict[str, QAction]
) -> QToolBar:
    """Add the toolbar from the specs' places; a button's accessible name follows its text.

    A checkable button is read as a check box: it keeps its first name and says whether it is
    checked, so the star is "Bookmark this page, checked", not "Remove bookmark, checked".
    """
    bar = window.addToolBar("Navigation")
    bar.setObjectName("navigationToolBar")
    bar.setMovable(False)  # icons only: QMainWindow's default (each has a tooltip and a name)
    placed = sorted((one.toolbar, one.name) for one in specs if one.toolbar is not None)
    for n, (place, name) in enumerate(placed):
        if n and place[0] != placed[n - 1][0][0]:
            bar.addSeparator()
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
