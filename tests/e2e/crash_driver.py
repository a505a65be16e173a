"""Start the real window, leave a bookmark unsaved, then raise an unhandled error in a slot."""

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from guide_app import paths
from guide_app.shell import logs
from guide_app.shell.app import create_main_window
from guide_app.shell.crash import CrashHandler


def main() -> None:
    data = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    log_file = logs.setup(verbose=False, log_file=paths.log_file(data))
    window = create_main_window(None, data, "local-knowledge")
    told: list[str] = []
    CrashHandler(log_file, window.flush_saves, told.append).install()
    window.bookmarks.add("local-knowledge", "Local knowledge", note="not saved yet")

    def fail() -> None:
        raise RuntimeError("a deliberate test failure")

    def finish() -> None:
        print("told:", told[0] if told else "nothing")
        app.quit()

    QTimer.singleShot(0, fail)  # the autosave pause (0.8 s) has not passed yet
    QTimer.singleShot(100, finish)
    app.exec()
    os._exit(0)  # leave without closing the window: only the crash handler may have saved


if __name__ == "__main__":
    main()
