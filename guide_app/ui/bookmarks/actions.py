"""The bookmark commands and their menu places (the controller does them)."""

from __future__ import annotations

from guide_app.ui.window.actions import ActionSpec, spec

SPECS: tuple[ActionSpec, ...] = (
    spec("toggle_bookmark", "&Bookmark this page", "Bookmark this page, or remove its bookmark",
         "Ctrl+D", icon="bookmark", checkable=True, menu=("&Bookmarks", 1), toolbar=(2, 1)),
    spec("show_bookmarks", "Show &bookmarks", "Move to your bookmarks", "Ctrl+B",
         menu=("&Bookmarks", 1)),
    spec("import_bookmarks", "&Import bookmarks…", "Add bookmarks from an exported file",
         menu=("&File", 2)),
    spec("export_bookmarks", "&Export bookmarks…", "Save your bookmarks to a file",
         menu=("&File", 2)),
)  # fmt: skip
