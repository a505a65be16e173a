"""Build the QApplication and the main window from the guide and the user's data folder."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from guide_app import identity, logs, paths
from guide_app.guide.loader import load_guide
from guide_app.guide.problems import ContentError
from guide_app.quit_on_signal import SignalQuitter
from guide_app.ui.content_problems import ContentProblemsDialog
from guide_app.ui.icons import app_icon
from guide_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _set_identity() -> None:
    """Name the app before any path is resolved (QStandardPaths builds folders from these)."""
    QApplication.setOrganizationName(identity.ORG_NAME)
    QApplication.setOrganizationDomain(identity.ORG_DOMAIN)
    QApplication.setApplicationName(identity.DATA_FOLDER_NAME)
    QApplication.setApplicationDisplayName(identity.APP_NAME)
    QGuiApplication.setDesktopFileName(identity.APP_ID)


def open_settings(data_dir: Path) -> QSettings:
    """Return the preferences store inside `data_dir` (an INI file, so --data-dir holds it all)."""
    return QSettings(str(paths.settings_file(data_dir)), QSettings.Format.IniFormat)


def create_main_window(
    content_dir: Path | None = None,
    data_dir: Path | None = None,
    open_id: str | None = None,
) -> MainWindow:
    """Load the guide and return its main window, restored, for a running QApplication.

    Raises ContentError when the content has errors: the app never shows half a guide.
    """
    _set_identity()
    content = content_dir or paths.content_dir()
    data = paths.data_dir(data_dir)
    data.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    guide = load_guide(content)
    log.info(
        "loaded %d nodes from %s in %.1f ms",
        len(guide.nodes),
        content,
        (time.perf_counter() - started) * 1000,
    )
    for warning in guide.warnings:
        log.warning("%s", warning)
    window = MainWindow(guide, open_settings(data))
    window.setWindowIcon(app_icon())
    window.restore_state(open_id)
    return window


def run(args: argparse.Namespace) -> int:
    """Start the app from parsed command-line arguments; return the exit status."""
    logs.setup(verbose=args.verbose)
    if args.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _set_identity()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    content = Path(args.content) if args.content else paths.content_dir()
    data = Path(args.data_dir) if args.data_dir else None
    try:
        window = create_main_window(content, data, args.open_id)
    except ContentError as error:
        for problem in error.problems:
            log.error("%s", problem)
        if args.smoke_test:
            print(f"smoke test failed: {error}", file=sys.stderr)
            return 1
        ContentProblemsDialog(str(content), error.problems).exec()
        return 1
    if args.smoke_test:
        return _smoke_test(window)
    quitter = SignalQuitter(app, on_signal=window.close)
    app.aboutToQuit.connect(window.save_state)
    window.show()
    log.info("main window shown: %s", window.current_id)
    status = app.exec()
    quitter.uninstall()
    return status


def _smoke_test(window: MainWindow) -> int:
    """Show the window offscreen, check a page rendered, and report."""
    window.show()
    QApplication.processEvents()
    text = window.reader.toPlainText()
    page = window.reader.page
    if page is None or not text.strip():
        print("smoke test failed: no page was rendered", file=sys.stderr)
        return 1
    print(
        f"smoke test passed: {len(window.guide.nodes)} nodes; rendered '{page.title}' "
        f"({len(text)} characters)"
    )
    window.close()
    return 0
