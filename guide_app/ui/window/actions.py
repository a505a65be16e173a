"""Commands as QActions: how one is declared (keys, tip, menu place) and made; the window's own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QWidget

from guide_app.ui.icons import themed_icon
from guide_app.ui.plain_text import menu_text

_Key = QKeySequence.StandardKey


Handlers = dict[str, Callable[[], object]]  # what each command does, by its name
MenuPlace = tuple[str, int]  # a menu ("&View", or "&View/&Theme" for a submenu) and a group


@dataclass(frozen=True)
class ActionSpec:
    """One command, declared once: text with mnemonic, tip, keys, icon and its menu place.

    Menus list their commands by group (a separator between groups), then `menu_order`, then
    the order the specs are declared in; `toolbar` is a place on the toolbar (group, order).
    """

    name: str
    text: str
    tip: str
    keys: tuple[QKeySequence.StandardKey | str, ...] = ()
    icon: str = ""  # name of an SVG in resources/icons
    checkable: bool = False
    menu: MenuPlace | None = None
    menu_order: int = 0
    toolbar: tuple[int, int] | None = None


def spec(
    name: str,
    text: str,
    tip: str,
    *keys: QKeySequence.StandardKey | str,
    icon: str = "",
    checkable: bool = False,
    menu: MenuPlace | None = None,
    menu_order: int = 0,
    toolbar: tuple[int, int] | None = None,
) -> ActionSpec:
    """An ActionSpec, with the keys given one after another."""
    return ActionSpec(name, text, tip, keys, icon, checkable, menu, menu_order, toolbar)


# The window's own commands: going back and forth, undo, and leaving.
NAVIGATION = (
    spec("back", "&Back", "Go back to the previous page", _Key.Back, icon="go-back",
         menu=("&Go", 1), toolbar=(1, 1)),
    spec("forward", "&Forward", "Go forward again", _Key.Forward, icon="go-forward",
         menu=("&Go", 1), toolbar=(1, 2)),
    spec("home", "&Home", "Go to the guide's home page", "Alt+Home", icon="go-home",
         menu=("&Go", 1), toolbar=(1, 3)),
)  # fmt: skip
EDIT = (
    spec("undo", "&Undo", "Undo the last change to your bookmarks", _Key.Undo,
         menu=("&Edit", 1)),
    spec("redo", "&Redo", "Redo what you undid", _Key.Redo, menu=("&Edit", 1)),
)  # fmt: skip
LEAVING = (spec("quit", "&Quit", "Close the guide", _Key.Quit, "Ctrl+Q", menu=("&File", 3)),)

# Keys that belong to one pane: listed on the shortcuts page beside the commands above.
PANE_KEYS = (
    ("Search field", "Down", "Move into the results"),
    ("Search field", "Enter", "Open the best result"),
    ("Search field", "Esc", "Clear the search"),
    ("Contents, bookmarks, results", "Enter", "Open the page"),
    ("Contents", "Up / Down, then a pause", "Show the page (pages passed over are not kept)"),
    ("Contents", "Right / Left", "Unfold / fold a part"),
    ("Bookmarks", "Delete", "Delete the bookmark or folder (Undo brings it back)"),
    ("Bookmarks", "F2", "Rename the bookmark or folder"),
    ("Review checklist", "Up / Down", "Move between criteria"),
    ("Review checklist", "1, 2, 3, 4, 0", "Not met, partly met, met, not applicable, not assessed"),
    ("Review checklist", "Tab", "Move into the notes"),
    ("Find bar", "Enter / Shift+Enter", "Next / previous match"),
    ("Find bar", "Esc", "Close the find bar"),
)


def _keys(one: ActionSpec) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for key in one.keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, _Key) else [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def create_actions(specs: tuple[ActionSpec, ...], parent: QWidget) -> dict[str, QAction]:
    """Create an action for each spec, parented to `parent`, keyed by its name."""
    actions: dict[str, QAction] = {}
    for one in specs:
        action = QAction(one.text, parent)
        action.setObjectName("action" + "".join(w.capitalize() for w in one.name.split("_")))
        keys = _keys(one)
        action.setShortcuts(keys)
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"{one.tip} ({shown})" if shown else one.tip)
        action.setStatusTip(one.tip)
        action.setCheckable(one.checkable)
        if one.icon:
            action.setIcon(themed_icon(one.icon, parent.palette()))
        actions[one.name] = action
    return actions


def retint(specs: tuple[ActionSpec, ...], actions: dict[str, QAction], palette: QPalette) -> None:
    """Draw the actions' icons again in the palette's colours (after a theme change)."""
    for one in specs:
        if one.icon and one.name != "toggle_bookmark":  # the star is drawn by its controller
            actions[one.name].setIcon(themed_icon(one.icon, palette))


def bind_undo(stack: QUndoStack, undo: QAction, redo: QAction) -> None:
    """Keep Undo and Redo enabled and named after what they would undo or redo."""
    stack.canUndoChanged.connect(undo.setEnabled)
    stack.canRedoChanged.connect(redo.setEnabled)
    # "&" in a title the text quotes is shown, not taken as a shortcut mark
    stack.undoTextChanged.connect(lambda t: undo.setText(f"&Undo {menu_text(t)}".strip()))
    stack.redoTextChanged.connect(lambda t: redo.setText(f"&Redo {menu_text(t)}".strip()))
    undo.setEnabled(False)
    redo.setEnabled(False)
