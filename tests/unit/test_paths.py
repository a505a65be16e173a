"""Where the app finds its content and where it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_app import paths
from tests.helpers.repo import CONTENT, REPO


def test_source_checkout_finds_top_level_content_and_resources() -> None:
    assert paths.content_dir() == CONTENT
    assert (paths.content_dir() / "guide.yaml").is_file()
    assert paths.resources_dir() == REPO / "resources"


def test_explicit_data_dir_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert paths.data_dir(tmp_path / "given") == tmp_path / "given"


def test_environment_variable_is_next(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert paths.data_dir() == tmp_path / "from-env"


def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.data_dir("~/guide data") == tmp_path / "guide data"


def test_settings_file_is_inside_the_data_dir(tmp_path: Path) -> None:
    assert paths.settings_file(tmp_path) == tmp_path / "settings.ini"
