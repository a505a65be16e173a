"""Start-up time and peak memory of the guide against a bare PySide6 window, in the same run.

Each run starts a fresh process and times it from just before the start until it prints
"shown" (its window shown, with the contents tree filled and the first page painted); peak
resident memory comes from the operating system (wait4). The programs alternate, after a
warm-up of each (so all run from compiled bytecode, as an installed app does): the guide,
the bare window, and a second floor, the guide's window shape with no app code
(`reader_floor.py`); the bundle from `make package` joins them when it has been built. Offscreen
always; under Xvfb too when `Xvfb` is installed (one server for all runs, so its start-up is
not counted).
Run: `.venv/bin/python -m benchmarks.startup [RUNS] [--other PATH/TO/guide-app]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GUIDE_APP = Path(sys.executable).parent / "guide-app"
BARE = HERE / "bare_window.py"
FLOOR = HERE / "reader_floor.py"
BUNDLE = HERE.parent / "dist" / "guide-app" / "guide-app"  # from `make package`, if built


def one_run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds until "shown", and peak RSS in MB, of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - started
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    if line.strip() != b"shown":
        raise RuntimeError(f"{command[0]} did not report being shown (exit {process.returncode})")
    return elapsed * 1000, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def commands(other: str = "") -> dict[str, list[str]]:
    """Each program to time, by name: the guide, the two floors, the bundle and `other`."""
    shown = ["--exit-when-shown", "--open", "local-knowledge"]
    programs = {
        "guide": [str(GUIDE_APP), *shown],
        "bare": [sys.executable, str(BARE)],
        "floor": [sys.executable, str(FLOOR)],
    }
    if BUNDLE.is_file():
        programs["bundle"] = [str(BUNDLE), *shown]
    if other:
        programs["other"] = [other, *shown]
    return programs


def compare(runs: int, platform: str, display: str = "", other: str = "") -> None:
    """Alternate the programs `runs` times each; print medians, ranges and ratios to bare."""
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "QT_QPA_PLATFORM": platform, "GUIDE_APP_DATA_DIR": work}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
        if display:
            env["DISPLAY"] = display
        programs = commands(other)
        envs = {  # each program its own data folder
            name: {**env, "GUIDE_APP_DATA_DIR": str(Path(work) / name)} for name in programs
        }
        for name, command in programs.items():
            one_run(command, envs[name])  # warm-up: .pyc files, compiled guide, search cache
        times: dict[str, list[float]] = {name: [] for name in programs}
        memory: dict[str, list[float]] = {name: [] for name in programs}
        first: list[float] = []
        for n in range(runs):
            for name, command in programs.items():
                ms, mb = one_run(command, envs[name])
                times[name].append(ms)
                memory[name].append(mb)
            if n < 3:  # a first start: empty data folder, so the guide is loaded from YAML
                fresh = {**env, "GUIDE_APP_DATA_DIR": str(Path(work) / f"first-{n}")}
                first.append(one_run(programs["guide"], fresh)[0])
    print(f"\n{platform}: {runs} runs each, alternating, after a warm-up")
    bare_t, bare_m = statistics.median(times["bare"]), statistics.median(memory["bare"])
    for name in programs:
        t, m = times[name], memory[name]
        print(
            f"  {name:6} start-up median {statistics.median(t):4.0f} ms "
            f"(min {min(t):3.0f}, max {max(t):4.0f}); peak RSS median "
            f"{statistics.median(m):5.1f} MB; ratio to bare: start-up "
            f"{statistics.median(t) / bare_t:.2f}, RSS {statistics.median(m) / bare_m:.2f}"
        )
    print(
        f"  first start (empty data folder, {len(first)} runs): median "
        f"{statistics.median(first):.0f} ms"
    )
    floor_t, floor_m = statistics.median(times["floor"]), statistics.median(memory["floor"])
    print(
        f"  guide against the floor (same widgets, no app code): start-up "
        f"{statistics.median(times['guide']) / floor_t:.2f}, "
        f"RSS {statistics.median(memory['guide']) / floor_m:.2f}"
    )
    best = min(times["guide"]) / min(times["bare"])
    print(f"  ratio of the fastest runs (least disturbed by other work): {best:.2f}")
    print("  budget: start-up ratio <= 1.40, peak RSS ratio <= 1.30")


def main() -> int:
    """Run the comparison offscreen, and under Xvfb if it is installed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=10, help="runs of each program")
    parser.add_argument(
        "--other", default="", help="another guide-app to time alongside (say, an older build)"
    )
    args = parser.parse_args()
    runs, other = args.runs, args.other
    compare(runs, "offscreen", other=other)
    xvfb = shutil.which("Xvfb")
    if xvfb:
        display = f":{90 + os.getpid() % 100}"
        server = subprocess.Popen(
            [xvfb, display, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)
            compare(runs, "xcb", display, other)
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
