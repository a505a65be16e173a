"""Test set-up: offscreen Qt, and every path the app writes pointed into tmp_path."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Before any Qt import: no display needed, and nothing touches the developer's session.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_RUNTIME = Path(tempfile.mkdtemp(prefix="guide-app-runtime-"))
_RUNTIME.chmod(0o700)
atexit.register(shutil.rmtree, _RUNTIME, ignore_errors=True)  # leave nothing behind in /tmp
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data folder at tmp_path for every test."""
    data = tmp_path / "data"
    monkeypatch.setenv("GUIDE_APP_DATA_DIR", str(data))
    return data


@pytest.fixture
def data_dir(_isolated_data: Path) -> Path:
    """The data folder this test's app writes to."""
    return _isolated_data
