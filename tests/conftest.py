"""Test set-up: offscreen Qt, and every path the app writes pointed into tmp_path."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.helpers import profiles

# Before any Qt import: no display needed, and nothing touches the developer's session.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_RUNTIME = Path(tempfile.mkdtemp(prefix="guide-app-runtime-"))
_RUNTIME.chmod(0o700)
atexit.register(shutil.rmtree, _RUNTIME, ignore_errors=True)  # leave nothing behind in /tmp
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)

# The fixtures every folder shares (make_window, kit_content ...), as qutebrowser's conftest
# pulls in its helpers.fixtures; registered here, imported after the environment above is set.
pytest_plugins = ["tests.helpers.fixtures"]


def pytest_report_header(config: pytest.Config) -> str:
    """Say which Hypothesis profile runs (tests/helpers/profiles.py)."""
    return profiles.describe()


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
