"""An unhandled error is logged, pending work is saved, and the user is told where the log is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.repo import REPO

pytestmark = pytest.mark.e2e


def test_a_crash_saves_pending_bookmarks_and_names_the_log(data_dir: Path) -> None:
    driver = Path(__file__).with_name("crash_driver.py")
    result = subprocess.run(
        [sys.executable, str(driver), str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert result.returncode == 0, result.stderr
    saved = json.loads((data_dir / "bookmarks.json").read_text())
    assert [b["note"] for b in saved["bookmarks"]] == ["not saved yet"]
    log_text = (data_dir / "logs" / "guide-app.log").read_text()
    assert "unhandled error" in log_text
    assert "RuntimeError: a deliberate test failure" in log_text
    assert "have been saved" in result.stdout
    assert str(data_dir / "logs" / "guide-app.log") in result.stdout
