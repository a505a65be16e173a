"""Test set-up: offscreen Qt, and every path the app writes pointed into tmp_path."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Before any Qt import: no display needed, and nothing touches the developer's session.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
_RUNTIME = Path(tempfile.mkdtemp(prefix="guide-app-runtime-"))
_RUNTIME.chmod(0o700)
atexit.register(shutil.rmtree, _RUNTIME, ignore_errors=True)  # leave nothing behind in /tmp
os.environ["XDG_RUNTIME_DIR"] = str(_RUNTIME)

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"

# Hypothesis profiles (docs/reliability.md). `make test` and CI are derandomized: every run
# draws the same examples and keeps no example database, so the suite never goes red by chance
# and a failure prints its reproduction blob. GUIDE_APP_LONG=1 draws new random examples, ten
# times as many (see examples()), and keeps failures in .hypothesis/ to replay them first.
# Tests that set their own @settings(max_examples=examples(n)) inherit the rest from the profile.
LONG_FACTOR = 10
settings.register_profile(
    "derandomized",
    max_examples=100,  # Hypothesis's own default; examples(n) scales by this profile's value
    derandomize=True,
    database=None,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],  # timing on a busy machine is not a failure
)
settings.register_profile(
    "long",
    max_examples=100 * LONG_FACTOR,
    derandomize=False,
    print_blob=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("long" if os.environ.get("GUIDE_APP_LONG") == "1" else "derandomized")
_PROFILES = {
    "derandomized": "the same examples every run, no example database (GUIDE_APP_LONG=1: random)",
    "long": f"new random examples, {LONG_FACTOR} times as many, failures kept in .hypothesis/",
}


def examples(default: int) -> int:
    """How many examples a property test runs: `default` scaled as the profile's max_examples is
    to Hypothesis's 100 (ten times as many in the long profile)."""
    return default * settings.default.max_examples // 100


def pytest_report_header(config: pytest.Config) -> str:
    """Say which Hypothesis profile runs (the option --hypothesis-profile can pick another)."""
    name = settings.get_current_profile_name()
    about = _PROFILES.get(name.split("-with-")[0], "chosen with --hypothesis-profile")
    return f"hypothesis profile {name!r}: {about}"


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
