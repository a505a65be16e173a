"""Guard against a Qt binding that corrupts Python's reference counts (seen in PySide6 6.12.0)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_calls_returning_nothing_leave_none_alone(qtbot: QtBot) -> None:
    # PySide6 6.12.0 released None once per call of any method returning void. On Python 3.11,
    # where None is not immortal, the app then crashed after a few thousand calls (painting the
    # search results did it in seconds). The pinned version must not do this.
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("x")
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 10
