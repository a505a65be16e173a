"""Killing the process at any moment during saves never leaves a broken or older bookmarks file."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.repo import REPO

pytestmark = pytest.mark.e2e
KILLS = int(os.environ.get("GUIDE_APP_KILLS", "20"))  # the release run uses 200
LOOP = Path(__file__).with_name("save_loop.py")


def test_sigkill_during_saves_keeps_the_last_completed_save(data_dir: Path) -> None:
    rng = random.Random(20261126)
    last_completed = 0
    for _ in range(KILLS):
        with subprocess.Popen(
            [sys.executable, str(LOOP), str(data_dir)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        ) as process:
            assert process.stdout is not None
            wanted = rng.randint(1, 6)
            for _ in range(wanted):  # let it complete a few saves, then kill it mid-way
                line = process.stdout.readline()
                assert line, "the save loop stopped on its own"
                last_completed = int(line)
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            for line in process.stdout.read().split():
                last_completed = int(line)  # saves that completed before the kill landed
        document = json.loads((data_dir / "bookmarks.json").read_text(encoding="utf-8"))
        saved = len(document["bookmarks"])
        assert last_completed <= saved <= last_completed + 1
        assert [b["node_id"] for b in document["bookmarks"]] == [f"page-{n}" for n in range(saved)]
        last_completed = saved
    assert list(data_dir.glob("*.corrupt-*")) == []
    assert len(list((data_dir / "backups").glob("bookmarks-*.json"))) <= 10
    print(f"bookmarks: {KILLS} kills; {last_completed} saves acknowledged, all kept")
