"""The local information commands and their menu places (the controller does them)."""

from __future__ import annotations

from guide_app.ui.window.actions import ActionSpec, spec

SPECS: tuple[ActionSpec, ...] = (
    spec("edit_local_info", "&Add local information…",
         "Keep your team's own notes for this page: phone numbers, the local pathway, who to call",
         "Ctrl+Shift+I", menu=("&Edit", 3)),
    spec("remove_local_info", "Re&move local information",
         "Remove your team's notes from this page (Ctrl+Z brings them back)", menu=("&Edit", 3)),
    spec("import_local_info", "Import &local information…",
         "Add local information from an exported file, after showing what it changes",
         menu=("&File", 2)),
    spec("export_local_info", "Export local &information…",
         "Save the local information of every page to one file", menu=("&File", 2)),
)  # fmt: skip
