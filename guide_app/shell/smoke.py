"""--smoke-test and --exit-when-shown: the app checked offscreen, or timed to its first page."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from guide_app.ui.window.main_window import MainWindow


def report_shown(window: MainWindow) -> None:
    """For the start-up benchmark: the first page is painted; say so and leave at once."""
    window.repaint()
    sys.stdout.write("shown\n")
    sys.stdout.flush()
    os._exit(0)


def check(window: MainWindow) -> int:
    """Show the window offscreen, check a page rendered, and report (writing nothing)."""
    window.search.cache_dir = None
    window.show()
    QApplication.processEvents()
    text = window.reader.toPlainText()
    page = window.reader.page
    if page is None or not text.strip():
        print("smoke test failed: no page was rendered", file=sys.stderr)
        return 1
    from guide_app.guide.search.index import SearchIndex

    found = SearchIndex(window.guide).search(window.guide.home.title)
    if not found:
        print("smoke test failed: search found nothing", file=sys.stderr)
        return 1
    print(
        f"smoke test passed: {len(window.guide.nodes)} nodes; rendered '{page.title}' "
        f"({len(text)} characters); search found {len(found)} results"
    )
    return 0  # the window is not closed: a smoke test writes nothing to the data folder
