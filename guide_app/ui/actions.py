"""Every command of the main window as a QAction: text, shortcut and a tooltip naming the key."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from guide_app.ui.icons import themed_icon

_Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """How one command looks: menu text with mnemonic, keys, tip, and a standard icon if any."""

    name: str
    text: str
    tip: str
    keys: tuple[QKeySequence.StandardKey | str, ...] = ()
    icon: str = ""  # name of an SVG in resources/icons
    checkable: bool = False


SPECS = (
    ActionSpec(
        "back",
        "&Back",
        "Go back to the previous page",
        (_Key.Back,),
        "go-back",
    ),
    ActionSpec(
        "forward",
        "&Forward",
        "Go forward again",
        (_Key.Forward,),
        "go-forward",
    ),
    ActionSpec(
        "home",
        "&Home",
        "Go to the guide's home page",
        ("Alt+Home",),
        "go-home",
    ),
    ActionSpec(
        "toggle_bookmark",
        "&Bookmark this page",
        "Bookmark this page, or remove its bookmark",
        ("Ctrl+D",),
        "bookmark",
        checkable=True,
    ),
    ActionSpec("show_bookmarks", "Show &bookmarks", "Move to your bookmarks", ("Ctrl+B",)),
    ActionSpec("import_bookmarks", "&Import bookmarks…", "Add bookmarks from an exported file"),
    ActionSpec("export_bookmarks", "&Export bookmarks…", "Save your bookmarks to a file"),
    ActionSpec(
        "show_reviews",
        "Service &reviews",
        "Review your service against the five principles",
        ("Ctrl+R",),
        "reviews",
    ),
    ActionSpec("undo", "&Undo", "Undo the last change to your bookmarks", (_Key.Undo,)),
    ActionSpec("redo", "&Redo", "Redo what you undid", (_Key.Redo,)),
    ActionSpec("focus_search", "&Search", "Move to the search field", ("Ctrl+K",)),
    ActionSpec("find", "&Find in page…", "Find text in the page you are reading", (_Key.Find,)),
    ActionSpec("find_next", "Find &next", "Find the next match in the page", (_Key.FindNext,)),
    ActionSpec(
        "find_previous",
        "Find pre&vious",
        "Find the previous match in the page",
        (_Key.FindPrevious,),
    ),
    ActionSpec("focus_contents", "&Contents", "Move to the contents tree", ("Ctrl+Shift+C",)),
    ActionSpec("focus_reader", "&Page", "Move to the page you are reading", ("Ctrl+Shift+P",)),
    ActionSpec("quit", "&Quit", "Close the guide", (_Key.Quit, "Ctrl+Q")),
    ActionSpec("open_data_folder", "Open &data folder", "Show where your data is kept"),
    ActionSpec("diagnostics", "Copy &diagnostics", "Copy versions and paths for IT support"),
    ActionSpec("about", "&About the Pain & Mental Health Guide", "Version, edition and licence"),
)


def _keys(spec: ActionSpec) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for key in spec.keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, _Key) else [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def create_actions(parent: QWidget) -> dict[str, QAction]:
    """Create every action, parented to `parent`, keyed by its name."""
    actions: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(spec.text, parent)
        action.setObjectName("action" + "".join(w.capitalize() for w in spec.name.split("_")))
        keys = _keys(spec)
        action.setShortcuts(keys)
        shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"{spec.tip} ({shown})" if shown else spec.tip)
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.icon:
            action.setIcon(themed_icon(spec.icon, parent.palette()))
        actions[spec.name] = action
    return actions
