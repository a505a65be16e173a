"""Running the app and the offline driver as subprocesses, for the reliability tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import REPO
from tests.e2e.test_app_process import GUIDE_APP

TIMEOUT = 60
DRIVER = Path(__file__).with_name("offline_driver.py")


def clean_env(**extra: str) -> dict[str, str]:
    """This environment, offscreen, without the data folder variable the suite sets."""
    env = {k: v for k, v in os.environ.items() if k != "GUIDE_APP_DATA_DIR"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO), **extra}


def guide_app(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `guide-app ARGS` to the end."""
    return subprocess.run(
        [str(GUIDE_APP), *args],
        capture_output=True,
        text=True,
        env=env or clean_env(),
        cwd=cwd,
        timeout=TIMEOUT,
        check=False,
    )


def run_offline_driver(data: Path, out: Path) -> dict[str, Any]:
    """Drive the real app (start, search, bookmark, review, export, quit) with sockets refused."""
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(data), str(out)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=TIMEOUT * 2,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, result.stdout + result.stderr
    report: dict[str, Any] = json.loads(lines[-1].removeprefix("REPORT "))
    assert report["failure"] == [], result.stderr
    assert report["status"] == 0, result.stderr
    return report
