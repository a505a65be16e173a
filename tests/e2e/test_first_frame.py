"""The first frame loads what it shows and nothing more: the rest waits until it is used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from guide_app.ui.startup import FIRST_FRAME, LATER
from tests.helpers.processes import TIMEOUT, env

pytestmark = pytest.mark.e2e

# Build the window as `guide-app` does, paint it once, then list every module loaded.
SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from guide_app.shell.app import create_main_window, _set_identity
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


def first_frame_modules(data_dir: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir)],
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
    assert "guide_app.guide.load.loader" in first_start  # nothing compiled yet: the YAML is read
    assert "guide_app.ui.reading.reader" in first_start
    later_start = first_frame_modules(data_dir)
    assert "guide_app.ui.reading.reader" in later_start
    assert sorted(later_start.intersection(LATER)) == []
    assert "guide_app.guide.load.loader" not in later_start  # the compiled guide is used instead
    # a first start also loads the YAML loader: the later one is held to the list
    ours = {name for name in later_start if name.startswith("guide_app")}
    assert sorted(ours - FIRST_FRAME) == [], "add to ui/startup.FIRST_FRAME only if measured"
