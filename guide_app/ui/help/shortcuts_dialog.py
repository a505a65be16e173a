"""Help > Keyboard shortcuts: every command's keys and each pane's own keys, from one registry."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from guide_app.ui.window.actions import PANE_KEYS, ActionSpec


def shortcuts_html(commands: dict[str, QAction], specs: tuple[ActionSpec, ...]) -> str:
    """A table of every command with keys, then the keys each pane understands."""
    rows = []
    for spec in specs:
        action = commands[spec.name]
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        if keys:
            name = action.text().replace("&", "")
            rows.append(
                f"<tr><td>{html.escape(name)}</td><td><b>{html.escape(keys)}</b></td>"
                f"<td>{html.escape(spec.tip)}</td></tr>"
            )
    panes = "".join(
        f"<tr><td>{html.escape(where)}</td><td><b>{html.escape(keys)}</b></td>"
        f"<td>{html.escape(what)}</td></tr>"
        for where, keys, what in PANE_KEYS
    )
    return (
        "<h2>Keyboard shortcuts</h2><p>Every command is also in the menus (Alt and the "
        "underlined letter opens them).</p>"
        '<table cellpadding="4"><tr><th align="left">Command</th><th align="left">Keys</th>'
        f'<th align="left">What it does</th></tr>{"".join(rows)}</table>'
        "<h3>In a pane</h3>"
        '<table cellpadding="4"><tr><th align="left">Where</th><th align="left">Keys</th>'
        f'<th align="left">What it does</th></tr>{panes}</table>'
    )


class ShortcutsDialog(QDialog):
    """Shows shortcuts_html in a readable, searchable (Ctrl+F-free, selectable) page."""

    def __init__(
        self,
        commands: dict[str, QAction],
        specs: tuple[ActionSpec, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.page = QTextBrowser()
        self.page.setObjectName("shortcutsPage")
        self.page.setAccessibleName("Keyboard shortcuts")
        self.page.setHtml(shortcuts_html(commands, specs))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        self.resize(720, 640)
