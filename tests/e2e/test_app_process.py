"""The app as a user starts it: a separate process, offscreen, on a temporary data folder."""

from __future__ import annotations

import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers.content_kit import write_content
from tests.helpers.processes import GUIDE_APP, TIMEOUT, env, run
from tests.helpers.repo import REPO

pytestmark = pytest.mark.e2e


def test_version(data_dir: Path) -> None:
    from guide_app import __version__

    result = run("--version", data_dir=data_dir)
    assert result.returncode == 0
    assert result.stdout.strip() == f"guide-app {__version__}"


def test_smoke_test_renders_the_first_page_and_searches(data_dir: Path) -> None:
    result = run("--smoke-test", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    assert "rendered 'How to use this guide'" in result.stdout  # the first start's page
    assert "search found" in result.stdout
    assert not data_dir.exists() or list(data_dir.iterdir()) == []  # it writes nothing


def test_quit_by_signal_saves_the_page_and_the_next_start_restores_it(data_dir: Path) -> None:
    with subprocess.Popen(
        [str(GUIDE_APP), "--verbose", "--open", "skills-and-training"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env(data_dir),
    ) as process:
        try:
            assert process.stderr is not None
            for line in process.stderr:  # wait until the window is up
                if "main window shown: skills-and-training" in line:
                    break
            else:
                pytest.fail(f"the app never showed its window (exit {process.wait()})")
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=TIMEOUT) == 0
        finally:
            if process.poll() is None:
                process.kill()
    assert "[reader]\nlast_page=skills-and-training\n" in (data_dir / "settings.ini").read_text()
    again = run("--smoke-test", data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "rendered 'Skills and training'" in again.stdout


def test_bad_content_exits_1_with_file_and_line(tmp_path: Path, data_dir: Path) -> None:
    root = write_content(
        tmp_path / "content", areas__beta="title: Beta\nsumary: S.\nbasis: editorial\n"
    )
    checked = run("check-content", str(root), data_dir=data_dir)
    assert checked.returncode == 1
    assert f"{root / 'areas' / 'beta.yaml'}:2: unknown key 'sumary'" in checked.stdout
    smoke = run("--content", str(root), "--smoke-test", data_dir=data_dir)
    assert smoke.returncode == 1
    assert "areas/beta.yaml:2: unknown key 'sumary'" in smoke.stderr


def test_check_content_passes_on_the_shipped_content(data_dir: Path) -> None:
    result = run("check-content", data_dir=data_dir)
    assert result.returncode == 0, result.stdout
    assert "6 problem areas" in result.stdout
    assert "5 service principles" in result.stdout


def test_a_wheel_carries_the_content_and_finds_it(tmp_path: Path, data_dir: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("guide_app-*.whl"))
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(unpacked)
    assert "guide_app/content/guide.yaml" in names
    assert "guide_app/content/schema.json" in names
    # Run from the unpacked wheel only: the content must come from inside the package.
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "from guide_app import paths; print(paths.content_dir()); "
                "from guide_app.cli import main; raise SystemExit(main(['check-content']))"
            ),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env={**env(data_dir), "PYTHONPATH": str(unpacked), "PYTHONSAFEPATH": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == str(unpacked / "guide_app" / "content")


def start_app(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """Start the app and return once its window is up."""
    process = subprocess.Popen(
        [str(GUIDE_APP), "--verbose", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env(data_dir),
    )
    assert process.stderr is not None
    for line in process.stderr:
        if "main window shown" in line:
            return process
    process.wait()
    pytest.fail("the app never showed its window")


def test_a_second_start_hands_over_to_the_first(data_dir: Path) -> None:
    first = start_app(data_dir, "--open", "local-knowledge")
    try:
        second = run("--open", "skills-and-training", data_dir=data_dir)
        assert second.returncode == 0, second.stderr
        assert first.stderr is not None
        for line in first.stderr:
            if "opened on request" in line:
                assert line.rstrip().endswith("skills-and-training")
                break
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=TIMEOUT) == 0
    finally:
        if first.poll() is None:
            first.kill()
        first.wait()
        if first.stderr is not None:
            first.stderr.close()
    assert "last_page=skills-and-training" in (data_dir / "settings.ini").read_text()
    assert not (data_dir / "guide-app.lock").exists()


def test_a_second_start_that_gets_no_answer_says_so_and_writes_nothing(data_dir: Path) -> None:
    from PySide6.QtCore import QLockFile

    data_dir.mkdir(parents=True)
    lock = QLockFile(str(data_dir / "guide-app.lock"))  # held by this live test process
    assert lock.tryLock(0)
    try:
        result = run("--open", "skills-and-training", data_dir=data_dir)
    finally:
        lock.unlock()
    assert result.returncode == 1
    assert "already open" in result.stderr
    assert "did not respond" in result.stderr
    assert not (data_dir / "settings.ini").exists()
    assert list((data_dir / "requests").glob("*.json")) == []
