"""Every command of the main window as a QAction: text, shortcut and a tooltip naming the key."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QWidget

from guide_app.identity import APP_NAME
from guide_app.ui.icons import themed_icon
from guide_app.ui.plain_text import menu_text

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


def _spec(
    name: str,
    text: str,
    tip: str,
    *keys: QKeySequence.StandardKey | str,
    icon: str = "",
    checkable: bool = False,
) -> ActionSpec:
    return ActionSpec(name, text, tip, keys, icon, checkable)


SPECS = (
    # Going places
    _spec("back", "&Back", "Go back to the previous page", _Key.Back, icon="go-back"),
    _spec("forward", "&Forward", "Go forward again", _Key.Forward, icon="go-forward"),
    _spec("home", "&Home", "Go to the guide's home page", "Alt+Home", icon="go-home"),
    _spec(
        "previous_page",
        "&Previous page",
        "The page before this one in the guide's order",
        "Alt+PgUp",
    ),
    _spec("next_page", "&Next page", "The page after this one in the guide's order", "Alt+PgDown"),
    _spec(
        "recent_pages",
        "&Recent pages…",
        "The pages you read lately: choose one to go back to it",
        "Ctrl+H",
    ),
    # Panes and keyboard focus
    _spec("focus_search", "&Search", "Move to the search field", "Ctrl+K"),
    _spec("focus_contents", "&Contents", "Move to the contents tree", "Ctrl+Shift+C"),
    _spec("focus_reader", "The &page", "Move to the page you are reading", "Ctrl+Shift+P"),
    _spec("next_pane", "Next pa&ne", "Move to the next pane", "F6"),
    _spec("previous_pane", "Previous pan&e", "Move to the previous pane", "Shift+F6"),
    # Bookmarks and reviews
    _spec(
        "toggle_bookmark",
        "&Bookmark this page",
        "Bookmark this page, or remove its bookmark",
        "Ctrl+D",
        icon="bookmark",
        checkable=True,
    ),
    _spec("show_bookmarks", "Show &bookmarks", "Move to your bookmarks", "Ctrl+B"),
    _spec("import_bookmarks", "&Import bookmarks…", "Add bookmarks from an exported file"),
    _spec("export_bookmarks", "&Export bookmarks…", "Save your bookmarks to a file"),
    _spec(
        "show_reviews",
        "Service &reviews",
        "Review your service against the five principles",
        "Ctrl+R",
        icon="reviews",
    ),
    _spec(
        "new_review",
        "&New service review…",
        "Start a review (or one from an earlier review)",
        _Key.New,
    ),
    _spec("export_review_pdf", "Export review as &PDF…", "An A4 report for a governance meeting"),
    _spec("print_review", "P&rint review…", "Print the review, with a preview first"),
    _spec("undo", "&Undo", "Undo the last change to your bookmarks", _Key.Undo),
    _spec("redo", "&Redo", "Redo what you undid", _Key.Redo),
    # The page
    _spec("find", "&Find in page…", "Find text in the page you are reading", _Key.Find),
    _spec("find_next", "Find &next", "Find the next match in the page", _Key.FindNext),
    _spec(
        "find_previous", "Find pre&vious", "Find the previous match in the page", _Key.FindPrevious
    ),
    _spec(
        "copy_link",
        "Copy &link to this page",
        "Copy a guide: link that --open accepts",
        "Ctrl+Shift+L",
    ),
    _spec("print", "&Print page…", "Print the page you are reading (always light)", _Key.Print),
    _spec("print_preview", "Print pre&view…", "See how the page will print"),
    _spec(
        "export_pdf", "Save page as P&DF…", "Save the page you are reading as a PDF", "Ctrl+Shift+E"
    ),
    # How it looks
    _spec("zoom_in", "Zoom &in", "Make everything larger", _Key.ZoomIn, "Ctrl+="),
    _spec("zoom_out", "Zoom &out", "Make everything smaller", _Key.ZoomOut),
    _spec("zoom_reset", "&Actual size", "Back to the normal size", "Ctrl+0"),
    _spec(
        "theme_system", "Follow the &system", "Light or dark as the computer is set", checkable=True
    ),
    _spec("theme_light", "&Light", "Dark text on a light background", checkable=True),
    _spec("theme_dark", "&Dark", "Light text on a dark background", checkable=True),
    _spec(
        "theme_contrast",
        "&High contrast",
        "White on black, yellow links, strong focus",
        checkable=True,
    ),
    # Help and leaving
    _spec("shortcuts", "&Keyboard shortcuts", "Every key the guide understands", _Key.HelpContents),
    _spec("welcome", "&How to use this guide", "The guide in two minutes"),
    _spec("open_data_folder", "Open &data folder", "Show where your data is kept"),
    _spec("diagnostics", "Copy &diagnostics", "Copy versions and paths for IT support"),
    # "&&": a lone "&" in a menu marks the next letter as its key (it showed "Pain _Mental")
    _spec("about", f"&About the {menu_text(APP_NAME)}", "Version, edition and licence"),
    _spec("quit", "&Quit", "Close the guide", _Key.Quit, "Ctrl+Q"),
)

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


def retint(actions: dict[str, QAction], palette: QPalette) -> None:
    """Draw the actions' icons again in the palette's colours (after a theme change)."""
    for spec in SPECS:
        if spec.icon and spec.name != "toggle_bookmark":  # the star is drawn by its controller
            actions[spec.name].setIcon(themed_icon(spec.icon, palette))
