"""Two apps on one data folder: exactly one writes; a lock left by a killed app is taken over.

tests/e2e/test_app_process.py covers a second start after the first is up (it hands over) and
one that gets no answer. Here: two starts at the same moment, while the winner saves; a stale
lock after SIGKILL; and a start-up that must not delete a request made a moment before.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

import pytest
from pytestqt.qtbot import QtBot

from guide_app.shell.instance import LOCK_NAME, REQUESTS, InstanceGuard
from tests.helpers.processes import GUIDE_APP, TIMEOUT, clean_env, guide_app

pytestmark = pytest.mark.e2e
DRIVER = Path(__file__).with_name("instance_driver.py")
SAVES = 10
# What a start that does not own the folder may touch: the folder itself (made if missing) and
# its request for the running app (a temporary file renamed into place).
REQUEST_ONLY = {".", REQUESTS}


def report(output: str) -> dict[str, Any]:
    lines = [line for line in output.splitlines() if line.startswith("REPORT ")]
    assert lines, output
    found: dict[str, Any] = json.loads(lines[-1].removeprefix("REPORT "))
    return found


def start_together(tmp_path: Path, data: Path, round_: int) -> list[subprocess.Popen[str]]:
    """Start two drivers, wait until both are ready, then let both go at once."""
    go, stop = tmp_path / f"go-{round_}", tmp_path / "stop"
    processes = []
    for n in range(2):
        with (tmp_path / f"stderr-{round_}-{n}.txt").open("w") as error_log:  # the child's copy
            command = [sys.executable, str(DRIVER), str(data), str(go), str(stop), str(SAVES)]
            processes.append(
                subprocess.Popen(
                    command, stdout=subprocess.PIPE, stderr=error_log, text=True, env=clean_env()
                )
            )
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
    go.touch()
    return processes


def watch_saves(data: Path, processes: list[subprocess.Popen[str]], wanted: int) -> list[int]:
    """Read bookmarks.json over and over while the owner saves; return the counts read."""
    counts: list[int] = []
    deadline = time.monotonic() + TIMEOUT
    path = data / "bookmarks.json"
    while time.monotonic() < deadline:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = ""
        if text:
            counts.append(len(json.loads(text)["bookmarks"]))  # never half a file
        one_left = any(p.poll() is not None for p in processes)
        if one_left and counts and counts[-1] >= wanted:
            break
        time.sleep(0.005)
    return counts


def test_two_starts_at_the_same_moment_one_writes_the_other_hands_over(tmp_path: Path) -> None:
    data = tmp_path / "data"
    owner_pids: set[int] = set()
    for round_ in range(2):  # the second round starts again on the data the first left
        (tmp_path / "stop").unlink(missing_ok=True)
        processes = start_together(tmp_path, data, round_)
        counts = watch_saves(data, processes, (round_ + 1) * SAVES)
        (tmp_path / "stop").touch()
        reports = []
        for process in processes:
            output, _ = process.communicate(timeout=TIMEOUT)
            assert process.returncode == 0, output
            reports.append(report(output))
        owners = [r for r in reports if r["owner"]]
        assert len(owners) == 1, reports  # exactly one got the window
        owner, other = owners[0], next(r for r in reports if not r["owner"])
        owner_pids.add(owner["pid"])
        assert owner["status"] == other["status"] == 0  # the second handed over and left
        assert "bookmarks.json" in owner["writes"]
        assert owner["saves"] == SAVES
        # The other wrote nothing but its request: no bookmarks, reviews, settings, log, cache.
        assert other["writes"]
        assert all(w in REQUEST_ONLY or w.startswith(f"{REQUESTS}/") for w in other["writes"])
        logged = "".join(
            (tmp_path / f"stderr-{round_}-{n}.txt").read_text(encoding="utf-8") for n in range(2)
        )
        assert f"opened on request from process {other['pid']}" in logged  # not lost
        assert counts == sorted(counts)  # every read was a whole file, never an older one
        assert counts[-1] == (round_ + 1) * SAVES
    saved = json.loads((data / "bookmarks.json").read_text(encoding="utf-8"))
    assert len(saved["bookmarks"]) == 2 * SAVES
    assert {b["note"] for b in saved["bookmarks"]} == {f"saved by {pid}" for pid in owner_pids}
    assert not (data / LOCK_NAME).exists()  # released on the way out


def wait_for_window(process: subprocess.Popen[str]) -> None:
    stream: IO[str] | None = process.stderr
    assert stream is not None
    for line in stream:
        if "main window shown" in line:
            return
    pytest.fail(f"the app never showed its window (exit {process.wait()})")


def test_a_lock_left_by_a_killed_app_is_taken_over_by_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = clean_env()
    with subprocess.Popen(
        [str(GUIDE_APP), "--data-dir", str(data), "--verbose"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    ) as killed:
        try:
            wait_for_window(killed)
            os.kill(killed.pid, signal.SIGKILL)
            assert killed.wait(timeout=TIMEOUT) == -signal.SIGKILL
        finally:
            if killed.poll() is None:
                killed.kill()
    lock = data / LOCK_NAME
    assert lock.read_text().splitlines()[0] == str(killed.pid)  # left behind, stale
    again = guide_app("--data-dir", str(data), "--exit-when-shown", env=env)
    assert again.returncode == 0, again.stderr
    assert again.stdout == "shown\n"
    assert "already open" not in again.stderr
    assert lock.read_text().splitlines()[0] != str(killed.pid)  # the new start holds it


def test_start_up_keeps_a_request_made_a_moment_before_and_serves_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    requests = tmp_path / REQUESTS
    requests.mkdir(parents=True)
    old = requests / "old.json"
    old.write_text(json.dumps({"open": "left-by-a-crash", "pid": 1}))
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    fresh = requests / "fresh.json"  # a second start that began at the same moment
    fresh.write_text(json.dumps({"open": "skills-and-training", "pid": 2}))
    guard = InstanceGuard(tmp_path)
    try:
        with qtbot.waitSignal(guard.requested, timeout=10_000) as served:
            assert guard.acquire()
            assert not old.exists()
            assert fresh.exists()
        assert served.args == ["skills-and-training"]
        assert not fresh.exists()  # taken: the second start sees it gone and leaves
    finally:
        guard.release()
