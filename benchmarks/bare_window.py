"""The floor: a bare PySide6 window with a line of text; prints "shown" once painted, exits."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


def main() -> int:
    """Show an empty main window; report when its first frame has been painted."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    window.resize(1100, 760)
    window.show()

    def shown() -> None:
        window.repaint()
        sys.stdout.write("shown\n")
        sys.stdout.flush()
        os._exit(0)

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
