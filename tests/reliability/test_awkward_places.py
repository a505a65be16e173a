"""The app in awkward places: non-ASCII folders, read-only content, no HOME, unwritable data.

Each case starts the real app as a subprocess. Where a case needs a folder the app cannot
write and the tests run as root (for whom permissions do not stop writes), another real
mechanism is used: a snapshot of the folder before and after (nothing may change), or a
folder root cannot write either (/sys) or cannot create (its parent is a regular file).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide_app import paths
from guide_app.guide.load.loader import load_guide
from tests.helpers.offline import check_exports, run_offline_driver
from tests.helpers.processes import clean_env, guide_app
from tests.helpers.repo import CONTENT

pytestmark = pytest.mark.e2e
AWKWARD = "Dàta földer/ünïcødé 名前"
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
UNSET = ("HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", paths.DATA_DIR_ENV)


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every entry in `folder`: mode, and content digest (files) or last change (folders).

    A folder's last change moves when a file is made in it, even one deleted again.
    """
    found = {}
    for entry in [folder, *sorted(folder.rglob("*"))]:
        info = entry.stat()
        if entry.is_file():
            found[entry.relative_to(folder).as_posix()] = (
                info.st_mode,
                hashlib.sha256(entry.read_bytes()).hexdigest(),
            )
        else:
            found[entry.relative_to(folder).as_posix()] = (info.st_mode, str(info.st_mtime_ns))
    return found


@pytest.mark.parametrize("locale", ["as set", "C"])
def test_a_data_folder_with_spaces_and_other_letters_starts(tmp_path: Path, locale: str) -> None:
    data = tmp_path / AWKWARD
    env = clean_env() if locale == "as set" else clean_env(LC_ALL="C", LANG="C")
    shown = guide_app("--data-dir", str(data), "--exit-when-shown", env=env)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == "shown\n"
    assert "starting" in (data / "logs" / "guide-app.log").read_text(encoding="utf-8")
    assert list((data / "cache").glob("guide-*"))  # the compiled guide went there too
    smoke = guide_app("--data-dir", str(data), "--smoke-test", env=env)
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke test passed" in smoke.stdout


def test_save_and_read_back_in_a_non_ascii_data_folder(tmp_path: Path) -> None:
    data, out = tmp_path / AWKWARD, tmp_path / "Ëxports 出力"
    report = run_offline_driver(data, out)  # bookmarks, a review and exports, saved there
    check_exports(data, out, report)
    listed = guide_app("--data-dir", str(data), "reviews")  # another process reads them back
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split()[0] == report["steps"]["review"]["id"]
    assert listed.stdout.rstrip().endswith("Offline review")
    exported = guide_app(
        "--data-dir", str(data), "export-review", "Offline review",
        "--format", "md", "--output", str(out / "réview ✓.md"),
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    assert "Checked at the team meeting" in (out / "réview ✓.md").read_text(encoding="utf-8")
    again = guide_app("--data-dir", str(data), "--smoke-test")  # the last page comes back
    assert again.returncode == 0, again.stderr
    page = report["steps"]["bookmark"]["node"]
    assert f"last_page={page}" in (data / "settings.ini").read_text(encoding="utf-8")


@pytest.fixture
def read_only_content(tmp_path: Path) -> Iterator[Path]:
    """A copy of the shipped content with every write permission removed (put back after)."""
    folder = tmp_path / "Read-only content"
    shutil.copytree(CONTENT, folder)
    folders = [folder, *(p for p in folder.rglob("*") if p.is_dir())]
    for entry in [*folder.rglob("*"), folder]:
        entry.chmod(stat.S_IMODE(entry.stat().st_mode) & ~0o222)
    yield folder
    for entry in folders:
        entry.chmod(0o755)


def test_a_read_only_content_folder_is_read_and_never_written(
    tmp_path: Path, read_only_content: Path
) -> None:
    before = snapshot(read_only_content)
    assert all(mode & 0o222 == 0 for mode, _ in before.values())
    checked = guide_app("check-content", str(read_only_content))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"{read_only_content}: OK" in checked.stdout
    data = tmp_path / "data"
    smoke = guide_app("--content", str(read_only_content), "--data-dir", str(data), "--smoke-test")
    assert smoke.returncode == 0, smoke.stderr
    nodes = len(load_guide(read_only_content).nodes)  # a read, like the app's: nothing written
    assert f"smoke test passed: {nodes} nodes" in smoke.stdout
    for _ in range(2):  # the first start compiles the guide into the data folder, the next reads it
        shown = guide_app(
            "--content", str(read_only_content), "--data-dir", str(data), "--exit-when-shown"
        )
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout == "shown\n"
    assert len(list((data / "cache").glob("guide-*.jsonl"))) == 1
    assert snapshot(read_only_content) == before  # root could have written: nothing was


def test_without_home_or_xdg_variables_the_app_finds_a_folder_it_can_write(
    tmp_path: Path,
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {k: v for k, v in clean_env().items() if k not in UNSET and not k.startswith("XDG_")}
    env["TMPDIR"] = str(temp)  # the last resort, here inside tmp_path
    shown = guide_app("--exit-when-shown", env=env, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == "shown\n"
    user = f"-{os.getuid()}" if hasattr(os, "getuid") else ""
    data = temp / f"guide-app{user}"
    assert f"keeping your data in {data}" in shown.stderr
    assert "starting" in (data / "logs" / "guide-app.log").read_text(encoding="utf-8")
    assert list((data / "cache").glob("guide-*.jsonl"))


def test_without_home_the_folder_comes_from_xdg_data_home_or_the_temp_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HOME", "XDG_DATA_HOME", paths.DATA_DIR_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)  # the standard library caches it
    assert sys.platform not in ("win32", "darwin")  # where Qt builds the folders from HOME
    folder, mode = paths.data_location()
    assert (folder.parent, mode) == (tmp_path, "standard")  # not /.local/share/...
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg data"))
    expected = tmp_path / "xdg data" / "PainMentalHealthGuide" / "guide-app"
    assert paths.data_location() == (expected, "standard")


def unwritable_folder(tmp_path: Path) -> Path:
    """An existing folder this process cannot create files in."""
    if AS_ROOT:  # permissions do not stop root; sysfs refuses new files to everyone
        assert Path("/sys").is_dir()
        return Path("/sys")
    folder = tmp_path / "read-only data"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


@pytest.mark.parametrize("kind", ["cannot be created", "cannot be written"])
def test_an_unwritable_data_folder_is_named_in_a_clear_message(tmp_path: Path, kind: str) -> None:
    if kind == "cannot be created":
        blocker = tmp_path / "a file"
        blocker.write_text("not a folder")
        data = blocker / "guide data"
    else:
        data = unwritable_folder(tmp_path)
    try:
        result = guide_app("--data-dir", str(data), "--exit-when-shown")
    finally:
        if data.parent == tmp_path:
            data.chmod(0o755)
    assert result.returncode == 1
    assert f"The guide cannot use the data folder {data}: " in result.stderr
    assert "--data-dir pointing at a folder you can write to" in result.stderr
    assert "Traceback" not in result.stderr
    assert "already open" not in result.stderr  # it is not held by another app: it is unwritable
