"""Start-up time and peak memory of the guide against a bare PySide6 window, in the same run.

Each run starts a fresh process and times it from just before the start until it prints
"shown" (its window shown, with the contents tree filled and the first page painted); peak
resident memory comes from the operating system (wait4). The two programs alternate, after a
warm-up of each (so both run from compiled bytecode, as an installed app does). Offscreen
always; under Xvfb too when `Xvfb` is installed (one server for all runs, so its start-up is
not counted).
Run: `.venv/bin/python -m benchmarks.startup [RUNS]`.
"""

from __future__ import annotations

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


def compare(runs: int, platform: str, display: str = "") -> None:
    """Alternate app and bare window `runs` times and print medians, ranges and ratios."""
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "QT_QPA_PLATFORM": platform, "GUIDE_APP_DATA_DIR": data}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its .pyc files
        if display:
            env["DISPLAY"] = display
        app = [str(GUIDE_APP), "--exit-when-shown", "--open", "local-knowledge"]
        bare = [sys.executable, str(HERE / "bare_window.py")]
        one_run(app, env)  # warm-up: the first start writes the search cache and settings
        one_run(bare, env)
        times: dict[str, list[float]] = {"guide": [], "bare": []}
        memory: dict[str, list[float]] = {"guide": [], "bare": []}
        for _ in range(runs):
            for name, command in (("guide", app), ("bare", bare)):
                ms, mb = one_run(command, env)
                times[name].append(ms)
                memory[name].append(mb)
    print(f"\n{platform}: {runs} runs each, alternating, after a warm-up")
    for name in ("guide", "bare"):
        t, m = times[name], memory[name]
        print(
            f"  {name:6} start-up median {statistics.median(t):6.0f} ms "
            f"(min {min(t):.0f}, max {max(t):.0f}); peak RSS median "
            f"{statistics.median(m):5.1f} MB"
        )
    ratio_t = statistics.median(times["guide"]) / statistics.median(times["bare"])
    ratio_m = statistics.median(memory["guide"]) / statistics.median(memory["bare"])
    print(
        f"  ratio guide/bare: start-up {ratio_t:.2f} (budget 1.20), "
        f"peak RSS {ratio_m:.2f} (budget 1.25)"
    )


def main() -> int:
    """Run the comparison offscreen, and under Xvfb if it is installed."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    compare(runs, "offscreen")
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
            compare(runs, "xcb", display)
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
