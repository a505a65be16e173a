"""Instructions executed by one start of each program, counted by valgrind: steady figures.

Wall-clock start-up on a shared virtual machine varies by up to ±30 % from run to run;
the number of instructions a start executes hardly varies at all, so it shows what a
change saves, and how far the guide is from the floors, without that noise. Each program
runs once to warm up (bytecode, compiled guide), then once under valgrind's cachegrind
(no cache simulation), offscreen. Needs valgrind (`apt-get install valgrind`).
Run: `.venv/bin/python -m benchmarks.instructions [--other PATH/TO/guide-app]`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.startup import commands

_REFS = re.compile(rb"I\s+refs:\s+([\d,]+)")


def count(command: list[str], env: dict[str, str]) -> int:
    """Instructions executed by one run of `command` (and what it starts) until "shown"."""
    subprocess.run(command, env=env, capture_output=True, check=True, timeout=120)  # warm-up
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes"]
    result = subprocess.run(
        [*valgrind, "--cachegrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        check=False,
        timeout=900,
    )
    found = _REFS.findall(result.stderr)  # one per process: the bundle's loader starts two
    if result.stdout.strip() != b"shown" or not found:
        raise RuntimeError(f"{command[0]} did not run under valgrind: {result.stderr[-400:]!r}")
    return sum(int(n.replace(b",", b"")) for n in found)


def main() -> int:
    """Count each program's instructions and print them with ratios to the bare window."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other", default="", help="another guide-app to count alongside")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("instructions: valgrind is not installed (apt-get install valgrind); skipped")
        return 0
    counts: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as work:
        for name, command in commands(args.other).items():
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": "offscreen",
                "GUIDE_APP_DATA_DIR": str(Path(work) / name),
                "PYTHONHASHSEED": "0",  # the same dict layouts, run after run
            }
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            counts[name] = count(command, env)
    print("\nInstructions to the first painted page (one run each, offscreen, valgrind):")
    for name, n in counts.items():
        print(
            f"  {name:6} {n / 1e6:7.0f} M   ratio to bare {n / counts['bare']:.2f}, "
            f"to floor {n / counts['floor']:.2f}"
        )
    print("  budget (start-up, as a ratio to bare): 1.40")
    return 0


if __name__ == "__main__":
    sys.exit(main())
