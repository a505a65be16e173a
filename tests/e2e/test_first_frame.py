"""The first frame loads what it shows and nothing more: the rest waits until it is used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.processes import TIMEOUT, env

pytestmark = pytest.mark.e2e

# Build the window as `guide-app` does, paint it once, then list every module loaded.
FIRST_FRAME = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from guide_app.app import create_main_window, _set_identity
_set_identity()
app = QApplication(sys.argv[:1])
window = create_main_window(None, Path(sys.argv[1]), "local-knowledge")
window.show()
window.repaint()
assert window.reader.toPlainText().strip(), "no page was painted"
import PySide6.QtCore
if "Qt" in vars(PySide6.QtCore):  # built on first use of any Qt.<enum>
    print("PySide6.QtCore.Qt")
print("\\n".join(sorted(sys.modules)))
"""

# Each is needed only once its feature is used (or, for the loader, on a first start).
LATER = (
    "guide_app.guide.loader",  # YAML and the checks: the compiled guide is used instead
    "yaml",
    "guide_app.guide.search",  # the index: built after the first paint
    "sqlite3",
    "hashlib",  # with OpenSSL, ~3 MB resident
    "pickle",  # the compiled guide is plain JSON: nothing at start-up unpickles
    "datetime",
    "guide_app.ui.bookmarks_pane",
    "guide_app.ui.search_pane",
    "guide_app.store.review_book",  # the reviews are read after the first paint
    "guide_app.store.reviews",
    "guide_app.ui.review.reviews_view",
    "guide_app.ui.review.review_editor",
    "guide_app.ui.about_dialog",
    "guide_app.ui.shortcuts_dialog",
    "guide_app.ui.content_problems",
    "guide_app.diagnostics",
    "guide_app.export.review_pdf",
    "PySide6.QtPrintSupport",
    "PySide6.QtNetwork",
    "PySide6.QtCore.Qt",  # the Qt namespace: ~100 enums, a fifth of a bare window's start-up
)


def first_frame_modules(data_dir: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(data_dir)],
        capture_output=True,
        text=True,
        env=env(data_dir),
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_the_first_frame_loads_nothing_it_does_not_show(data_dir: Path) -> None:
    first_start = first_frame_modules(data_dir)
    assert "guide_app.guide.loader" in first_start  # nothing compiled yet: the YAML is read
    assert "guide_app.ui.reader" in first_start
    later_start = first_frame_modules(data_dir)
    assert "guide_app.ui.reader" in later_start
    assert sorted(later_start.intersection(LATER)) == []
