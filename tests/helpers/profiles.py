"""Hypothesis profiles (loaded when tests/conftest.py imports this) and examples(n)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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


def describe() -> str:
    """Which Hypothesis profile runs, in words (--hypothesis-profile can pick another)."""
    name = settings.get_current_profile_name()
    about = _PROFILES.get(name.split("-with-")[0], "chosen with --hypothesis-profile")
    return f"hypothesis profile {name!r}: {about}"
