"""Never locked out, hung or crashed by a stale lock, an odd request, a pipe or a strange time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile
from pytestqt.qtbot import QtBot

from guide_app.shell.app import create_main_window
from guide_app.shell.instance import InstanceGuard
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from tests.helpers.content_kit import write_content
from tests.helpers.processes import run

LOCK = "guide-app.lock"


# 12. A stale lock ---------------------------------------------------------------------------


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("lock_text", "named"),
    [
        ("", "empty or damaged"),
        ("garbled \x00 lock\n", "empty or damaged"),
        ("4242\nguide-app\nthe-other-pc\n", "the-other-pc"),  # a USB stick used elsewhere
    ],
)
def test_a_stale_lock_is_explained_and_can_be_taken_over(
    data_dir: Path, lock_text: str, named: str
) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / LOCK).write_text(lock_text, encoding="utf-8")
    refused = run("--exit-when-shown", data_dir=data_dir)
    assert refused.returncode == 1
    assert named in refused.stderr
    assert "--take-over" in refused.stderr
    taken = run("--take-over", "--exit-when-shown", data_dir=data_dir)
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout.strip() == "shown"


@pytest.mark.e2e
def test_the_smoke_test_takes_the_lock_and_leaves_a_held_folder_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    damaged = b'{"schema_version": 1, "bookmarks": [{"node_id": "x"'
    (data_dir / "bookmarks.json").write_bytes(damaged)
    lock = QLockFile(str(data_dir / LOCK))  # the running app, as far as the smoke test knows
    assert lock.tryLock(0)
    try:
        result = run("--smoke-test", data_dir=data_dir)
    finally:
        lock.unlock()
    assert result.returncode == 1
    assert "open" in result.stderr
    assert sorted(p.name for p in data_dir.iterdir()) == ["bookmarks.json"]
    assert (data_dir / "bookmarks.json").read_bytes() == damaged
    alone = run("--smoke-test", data_dir=data_dir)  # nobody holds it now
    assert alone.returncode == 0, alone.stderr
    assert not (data_dir / LOCK).exists()  # released


# 13. Requests, pipes, huge files, odd times -----------------------------------------------


@pytest.fixture
def guard(qtbot: QtBot, tmp_path: Path) -> Iterator[InstanceGuard]:
    held = InstanceGuard(tmp_path / "data")
    assert held.acquire()
    yield held
    held.release()


def test_odd_requests_are_dropped_and_good_ones_still_served(
    qtbot: QtBot, guard: InstanceGuard
) -> None:
    folder = guard.data_dir / "requests"
    (folder / "0-list.json").write_text("[1, 2, 3]", encoding="utf-8")
    (folder / "1-text.json").write_text('"just text"', encoding="utf-8")
    with (folder / "2-huge.json").open("wb") as huge:
        huge.truncate(200 * 1024 * 1024)  # 200 MB (sparse: no disk used)
    (folder / "3-good.json").write_text(json.dumps({"open": "alpha", "pid": 1}), "utf-8")
    with qtbot.waitSignal(guard.requested, timeout=10_000) as served:
        pass
    assert served.args == ["alpha"]
    qtbot.waitUntil(lambda: list(folder.iterdir()) == [], timeout=10_000)


def test_the_guard_says_when_the_data_folder_is_moved_away(
    qtbot: QtBot, guard: InstanceGuard, tmp_path: Path
) -> None:
    with qtbot.waitSignal(guard.lost, timeout=10_000) as lost:
        guard.data_dir.rename(tmp_path / "moved")
    assert lost.args is not None
    assert "moved" in lost.args[0]


def _load_in_thread(data: Path) -> tuple[threading.Thread, list[object]]:
    found: list[object] = []

    def load() -> None:
        store = BookmarkStore()
        found.append(BookmarkFile(data).load_into(store))

    thread = threading.Thread(target=load, daemon=True)
    thread.start()
    return thread, found


def test_a_pipe_as_the_bookmarks_file_never_hangs_start_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    pipe = data / "bookmarks.json"
    os.mkfifo(pipe)
    thread, found = _load_in_thread(data)
    thread.join(10)
    hung = thread.is_alive()
    if hung:  # the old behaviour: unblock the reader so the thread can end
        with pipe.open("wb"):
            pass
        thread.join(10)
    assert not hung, "loading waited for someone to write into a pipe"
    (loaded,) = found
    assert loaded.read_only  # type: ignore[attr-defined]
    assert "pipe" in loaded.message  # type: ignore[attr-defined]
    assert pipe.exists()  # left as it is


def test_a_link_to_an_endless_device_is_refused_at_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "bookmarks.json").symlink_to("/dev/zero")
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "from pathlib import Path\n"
        "from guide_app.store.bookmark_file import BookmarkFile\n"
        "from guide_app.store.bookmarks import BookmarkStore\n"
        "loaded = BookmarkFile(Path(sys.argv[1])).load_into(BookmarkStore())\n"
        "print(loaded.status.value, loaded.read_only)\n"
        "print(loaded.message)\n"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", script, str(data)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    status, message = result.stdout.split("\n", 1)
    assert status == "unreadable True"
    assert "link" in message
    assert time.monotonic() - started < 60
    assert (data / "bookmarks.json").is_symlink()


def test_extreme_times_in_a_bookmarks_file_do_not_break_the_pane(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: the year 9999 would overflow
    time.tzset()
    data = tmp_path / "data"
    data.mkdir()
    stamps = ("9999-12-31T23:59:59+00:00", "0001-01-01T00:00:00+00:00")
    records = [
        {
            "id": f"b{n}",
            "node_id": node,
            "title": node.title(),
            "note": "",
            "folder": None,
            "created": stamp,
            "changed": stamp,
        }
        for n, (node, stamp) in enumerate(zip(("alpha", "beta"), stamps, strict=True))
    ]
    payload = {"schema_version": 1, "folders": [], "bookmarks": records}
    (data / "bookmarks.json").write_text(json.dumps(payload), encoding="utf-8")
    try:
        window = create_main_window(write_content(tmp_path / "content"), data)
        qtbot.addWidget(window)
        window.show()
        pane = window.bookmarks_pane
        window.side_tabs.setCurrentWidget(pane)
        shown = []
        for row in range(pane.view.model().rowCount()):
            pane.view.setCurrentIndex(pane.view.model().index(row, 0))
            shown.append(pane.info.text())
        assert any("9999-12-31T23:59:59+00:00" in text for text in shown), shown  # as stored
        assert any("1 Jan 0001" in text or "0001-01-01" in text for text in shown), shown
    finally:
        monkeypatch.undo()
        time.tzset()
