"""A second floor: the guide's window shape in PySide6 with no app code; prints "shown", exits.

The same widgets as the guide's first frame (a contents tree of 142 rows, a text browser
showing a page as long as the first one, a toolbar, menus with 40 actions, a status bar),
filled by Qt alone. It shows what the stack costs for a window like ours, before any of
our own code runs: the guide is measured against the bare window, and against this.
Like `bare_window.py` it imports nothing but PySide6 (so its few lines that report the
first paint repeat that file's, on purpose). It never touches PySide6's `Qt` namespace,
whose ~100 enums cost 20 % of a bare window to build the first time anything names one (an
orientation, an item role, a key).
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

SECTIONS, ROWS = 6, 22  # 6 + 6 x 22 = 138 rows, about the guide's 142
PARAGRAPH = (
    "A paragraph of plain reading text, with words of the usual length, set in the "
    "reader's font so that laying it out costs what a page of the guide costs. "
) * 4


def main() -> int:
    """Show the window; report when its first frame has been painted."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = QStandardItemModel()
    for section in range(SECTIONS):
        parent = QStandardItem(f"Part {section + 1}")
        for row in range(ROWS):
            parent.appendRow(QStandardItem(f"A page title of a typical length {row + 1}"))
        model.appendRow(parent)
    tree = QTreeView()
    tree.setHeaderHidden(True)
    tree.setModel(model)
    tree.expandAll()
    page = QTextBrowser()
    page.setHtml("<h1>A page</h1>" + f"<p>{PARAGRAPH}</p>" * 10)  # ~5,700 characters
    splitter = QSplitter()  # horizontal; naming Qt.Orientation would build the Qt namespace
    splitter.addWidget(tree)
    splitter.addWidget(page)
    splitter.setSizes([300, 700])
    window.setCentralWidget(splitter)
    toolbar = window.addToolBar("Navigation")
    for menu_number in range(5):
        menu = window.menuBar().addMenu(f"Menu {menu_number + 1}")
        for item in range(8):
            action = QAction(f"Command {item + 1}", window)
            menu.addAction(action)
            if item < 2:
                toolbar.addAction(action)
    window.statusBar().showMessage("Ready")
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
