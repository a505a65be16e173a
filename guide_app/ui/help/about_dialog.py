"""Help > About: version, content edition, licence, disclaimer, and where the data lives."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from guide_app import __version__
from guide_app.guide.currency import long_date, overdue_summary, today
from guide_app.guide.model import Guide

MODES = {
    "portable": "Portable: everything is kept in the data folder beside the program",
    "given": "A data folder chosen when the guide was started",
    "environment": "A data folder set by the GUIDE_APP_DATA_DIR environment variable",
    "standard": "Your own application data folder",
}


class AboutDialog(QDialog):
    """What this is, whose words, and where your bookmarks and reviews are kept."""

    def __init__(
        self,
        guide: Guide,
        data_dir: Path,
        mode: str,
        diagnostics: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle("About the Pain & Mental Health Guide")
        self.data_dir = data_dir
        self.diagnostics = diagnostics
        text = QLabel(
            f"<h2>Pain &amp; Mental Health Guide</h2>"
            f"<p>Version {__version__}. Content edition {html.escape(guide.edition)} "
            f"({html.escape(long_date(guide.date))}), {guide.counts().total()} pages and "
            f"{len(guide.sources)} sources. {html.escape(overdue_summary(guide, today()))}</p>"
            "<p>An independent offline guide built from the public outputs of the 2018/19 Q Lab "
            "(The Health Foundation) and Mind project and from national guidance. It is not "
            "produced or endorsed by The Health Foundation, Q Lab or Mind.</p>"
            "<p><b>It supports, and does not replace, professional judgement.</b> Check current "
            "national guidance and local policy before acting on anything in it.</p>"
            f"<p>{html.escape(guide.licence)}</p>"
            "<p>Nothing you do in the guide is sent anywhere: it works without a network.</p>"
            f"<p><b>Your data:</b> {html.escape(MODES.get(mode, mode))}:<br>"
            f"<code>{html.escape(str(data_dir))}</code></p>"
        )
        text.setObjectName("aboutText")
        text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_folder = buttons.addButton("Open data &folder", QDialogButtonBox.ButtonRole.ActionRole)
        copy = buttons.addButton("&Copy diagnostics", QDialogButtonBox.ButtonRole.ActionRole)
        open_folder.clicked.connect(self.open_data_folder)
        copy.clicked.connect(self.copy_diagnostics)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def open_data_folder(self) -> bool:
        """Show the data folder in the system's file manager."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))

    def copy_diagnostics(self) -> None:
        """Put the diagnostics (versions, platform, paths; nothing personal) on the clipboard."""
        QGuiApplication.clipboard().setText(self.diagnostics)
