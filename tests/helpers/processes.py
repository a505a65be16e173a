"""Start `guide-app` as a subprocess, as a user or a script does, on a given data folder.

GUIDE_APP is the console script next to the Python running the tests; it imports guide_app
as PYTHONPATH finds it, so a worktree put first on PYTHONPATH is the code that runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers.repo import REPO

GUIDE_APP = Path(sys.executable).parent / "guide-app"
TIMEOUT = 60  # seconds: a bound on waiting for the app, never a measure of its speed


def env(data_dir: Path) -> dict[str, str]:
    """This environment, offscreen, with GUIDE_APP_DATA_DIR set to `data_dir`."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GUIDE_APP_DATA_DIR": str(data_dir)}


def run(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `guide-app ARGS` to the end with GUIDE_APP_DATA_DIR set to `data_dir`."""
    return subprocess.run(
        [str(GUIDE_APP), *args],
        capture_output=True,
        text=True,
        env=env(data_dir),
        timeout=TIMEOUT,
        check=False,
    )


def export(
    wanted: str, fmt: str, output: Path, *more: str, data_dir: Path
) -> subprocess.CompletedProcess[str]:
    """Run `guide-app export-review WANTED --format FMT --output OUTPUT [MORE...]`."""
    args = ("export-review", wanted, "--format", fmt, "--output", str(output), *more)
    return run(*args, data_dir=data_dir)


def clean_env(**extra: str) -> dict[str, str]:
    """This environment, offscreen, without the data folder variable the suite sets."""
    env = {k: v for k, v in os.environ.items() if k != "GUIDE_APP_DATA_DIR"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO), **extra}


def guide_app(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `guide-app ARGS` to the end in `env` (clean_env() if None)."""
    return subprocess.run(
        [str(GUIDE_APP), *args],
        capture_output=True,
        text=True,
        env=env or clean_env(),
        cwd=cwd,
        timeout=TIMEOUT,
        check=False,
    )
