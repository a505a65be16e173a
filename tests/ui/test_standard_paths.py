"""The data folder Qt's standard locations give when nothing names one (needs Qt)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths

from guide_app import paths


def test_blank_environment_variable_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    QStandardPaths.setTestModeEnabled(True)  # resolve into Qt's test folders, not the real home
    try:
        monkeypatch.setenv(paths.DATA_DIR_ENV, "  ")
        found = paths.data_dir()
    finally:
        QStandardPaths.setTestModeEnabled(False)
    assert found.name == "guide-app"
    assert found.parent.name == "PainMentalHealthGuide"
