"""Start the real app at a signal; if it owns the data folder, save bookmarks until told to stop.

Run as `python instance_driver.py DATA_DIR GO_FILE STOP_FILE SAVES`. It prints "ready", waits
for GO_FILE (so two of these start at the same moment), then runs `guide-app --data-dir
DATA_DIR --verbose`. A process that gets the window saves SAVES bookmarks one by one (each
written through the app's own saver, events served in between), then keeps the window open
until STOP_FILE appears. A Python audit hook, installed first, records every file and folder
the process creates, changes or removes in DATA_DIR, so the report shows who wrote what.
"""

from __future__ import annotations

import os
import sys

DATA = os.path.abspath(sys.argv[1])  # noqa: PTH100  (before pathlib is imported)
WRITES: set[str] = set()
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _record_writes(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and len(args) == 3:
        path, mode, flags = args
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writing:
            _note(path)
    elif event in ("os.rename", "os.remove", "os.mkdir", "os.rmdir", "os.chmod", "sqlite3.connect"):
        _note(args[0])
        if event == "os.rename":
            _note(args[1])


def _note(path: object) -> None:
    if isinstance(path, str | bytes | os.PathLike):
        full = os.path.abspath(os.fsdecode(path))  # noqa: PTH100
        if full == DATA or full.startswith(DATA + os.sep):
            WRITES.add(os.path.relpath(full, DATA))


sys.addaudithook(_record_writes)

import json  # noqa: E402  (everything after the hook)
import time  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from guide_app.cli import main as guide_app_main  # noqa: E402
from guide_app.ui.window.main_window import MainWindow  # noqa: E402

REPORT: dict[str, object] = {"pid": os.getpid(), "owner": False, "saves": 0}


def save_until_stopped(stop: Path, saves: int) -> None:
    """Bookmark page after page, saving each time; then wait for `stop` and close."""
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    REPORT["owner"] = True
    print("owner", flush=True)
    nodes = list(window.guide.nodes.values())
    for _ in range(saves):
        node = nodes[len(window.bookmarks)]
        window.bookmarks.add(node.id, node.title, note=f"saved by {os.getpid()}")
        assert window.bookmark_control.saver.flush()
        REPORT["saves"] = int(str(REPORT["saves"])) + 1
        QTest.qWait(40)  # the event loop runs: a later start's request can be served
    REPORT["bookmarks"] = len(window.bookmarks)
    deadline = time.monotonic() + 60
    while not stop.exists() and time.monotonic() < deadline:
        QTest.qWait(20)
    window.close()


def main() -> int:
    """Wait for the go file, start the app, report as JSON."""
    go, stop, saves = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    _app = QApplication(sys.argv[:1])  # run() uses this one
    QTimer.singleShot(0, lambda: save_until_stopped(stop, saves))  # runs only in app.exec()
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.001)
    REPORT["status"] = guide_app_main(["--data-dir", DATA, "--verbose"])
    REPORT["writes"] = sorted(WRITES)
    print("REPORT " + json.dumps(REPORT), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
