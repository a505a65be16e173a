"""Portable mode, where data goes, and the rotating log file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from guide_app import paths
from guide_app.shell import logs


@pytest.fixture
def program_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend the program lives in tmp_path/app (as a bundle on a USB stick would)."""
    folder = tmp_path / "app"
    folder.mkdir()
    monkeypatch.setattr(sys, "executable", str(folder / "guide-app"))
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    return folder


def test_portable_txt_puts_data_beside_the_program(program_folder: Path) -> None:
    (program_folder / paths.PORTABLE_MARKER).write_text("")
    assert paths.data_location() == (program_folder / "data", "portable")


def test_without_the_marker_the_data_is_not_portable(program_folder: Path) -> None:
    assert paths.portable_data_dir() is None


def test_given_folder_and_environment_come_before_portable(
    program_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (program_folder / paths.PORTABLE_MARKER).write_text("")
    assert paths.data_location(tmp_path / "given") == (tmp_path / "given", "given")
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "env"))
    assert paths.data_location() == (tmp_path / "env", "environment")


def test_a_large_log_is_set_aside_at_start_keeping_three_old_files(tmp_path: Path) -> None:
    log_file = paths.log_file(tmp_path)
    line = "x" * 1000
    try:
        for start in range(6):  # each start writes more than MAX_BYTES
            assert logs.setup(verbose=False, log_file=log_file) == log_file
            logging.getLogger("test").info("start %d", start)
            for _ in range(logs.MAX_BYTES // 1000 + 1):
                logging.getLogger("test").info(line)
    finally:
        logs.setup(verbose=False)  # close the file before tmp_path goes
    files = sorted(p.name for p in log_file.parent.iterdir())
    assert files == ["guide-app.log", "guide-app.log.1", "guide-app.log.2", "guide-app.log.3"]
    firsts = [
        (log_file.parent / name).read_text(encoding="utf-8").split("\n", 1)[0] for name in files
    ]
    assert [first.rsplit(" ", 1)[-1] for first in firsts] == ["5", "4", "3", "2"]  # newest first


def test_a_small_log_is_kept_and_added_to(tmp_path: Path) -> None:
    log_file = paths.log_file(tmp_path)
    try:
        for start in range(2):
            logs.setup(verbose=False, log_file=log_file)
            logging.getLogger("test").info("start %d", start)
    finally:
        logs.setup(verbose=False)
    assert [p.name for p in log_file.parent.iterdir()] == ["guide-app.log"]
    assert log_file.read_text(encoding="utf-8").count("start ") == 2


def test_an_unwritable_log_folder_falls_back_to_stderr(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    try:
        assert logs.setup(verbose=False, log_file=blocker / "logs" / "guide-app.log") is None
    finally:
        logs.setup(verbose=False)
