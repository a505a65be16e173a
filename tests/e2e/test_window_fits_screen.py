"""On a 1024x600 screen the window opens inside the free area, and the find bar is on screen."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.processes import TIMEOUT, env

pytestmark = pytest.mark.e2e

# Build the window as `guide-app` does, on a screen of the given size; open a review, go back to
# a page, open the find bar; print where the window and the find bar are.
SHOW = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from guide_app.shell.app import create_main_window, _set_identity
_set_identity()
app = QApplication(sys.argv[:1])
window = create_main_window(None, Path(sys.argv[1]))
window.show()
app.processEvents()
if sys.argv[2] == "review":
    window.commands["show_reviews"].trigger()
    if window.reviews.current_id() is None:
        window.reviews.create_review("Spring review", "MSK physio", "2026-03-02", "AB")
    app.processEvents()
    window.close()
    sys.exit(0)
window.commands["home"].trigger()
window.commands["find"].trigger()
for _ in range(3):
    app.processEvents()
bar = window.find_bar
corner = bar.mapToGlobal(bar.rect().bottomRight())
frame, room = window.frameGeometry(), window.screen().availableGeometry()
print(json.dumps({
    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
    "room": [room.x(), room.y(), room.width(), room.height()],
    "find_bar": [corner.x(), corner.y(), bar.isVisible()],
}))
"""


def show(data_dir: Path, screen: Path, step: str) -> dict[str, list[int]]:
    result = subprocess.run(
        [sys.executable, "-c", SHOW, str(data_dir), step],
        capture_output=True,
        text=True,
        env={**env(data_dir), "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"},
        timeout=TIMEOUT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1]) if step == "page" else {}


def inside(room: list[int], x: int, y: int) -> bool:
    left, top, width, height = room
    return left <= x < left + width and top <= y < top + height


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)])
def test_the_window_and_its_find_bar_fit_the_screen(
    data_dir: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    screen = tmp_path / "screen.json"
    width, height = size
    screen.write_text(
        json.dumps({"screens": [{"name": "small", "width": width, "height": height}]}),
        encoding="utf-8",
    )
    first = show(data_dir, screen, "page")  # a first start: the window's own size
    show(data_dir, screen, "review")  # a review shown and the window closed on it
    again = show(data_dir, screen, "page")  # restarted on the review, then a page
    for placed in (first, again):
        room, (left, top, frame_width, frame_height) = placed["room"], placed["frame"]
        assert inside(room, left, top), placed
        assert inside(room, left + frame_width - 1, top + frame_height - 1), placed
        x, y, visible = placed["find_bar"]
        assert visible
        assert inside(room, x, y), placed
