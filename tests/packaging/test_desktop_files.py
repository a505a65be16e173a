"""The desktop integration files: they validate, name the one app id, and the icons are complete."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from guide_app import __version__
from guide_app.identity import APP_ID, APP_NAME
from tests.helpers.repo import REPO

RESOURCES = REPO / "resources"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# The validators are system tools, not PyPI packages: their tests run in `make desktop-check`
# (CI), and `make test` deselects them, so it needs nothing beyond Python and Qt's libraries.
desktop_tools = pytest.mark.desktop_tools


def tool(name: str, package: str) -> str:
    """Return the validator's path; fail (not skip) when it is missing, as CI installs it."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: sudo apt-get install {package} (.ci/run does)")
    return found


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def make_icons() -> ModuleType:
    script = REPO / "packaging" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@desktop_tools
def test_desktop_file_validates() -> None:
    result = run(tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if "error" in line or "warning" in line]
    assert problems == []


@desktop_tools
def test_metainfo_validates_offline() -> None:
    result = run(tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    # E: errors and W: warnings; I: (info) and P: (pedantic) are allowed
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == []


def test_desktop_file_names_the_app_and_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "guide-app"
    assert entry["Terminal"] == "false"
    assert entry["Type"] == "Application"


def test_metainfo_names_the_app_the_desktop_file_and_this_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == "guide-app"
    versions = [release.get("version") for release in root.iter("release")]
    assert __version__ in versions
    content_rating = root.find("content_rating")
    assert content_rating is not None
    assert content_rating.get("type") == "oars-1.1"


@pytest.mark.parametrize("size", PNG_SIZES)
def test_every_icon_size_exists_at_its_size(qapp: QApplication, size: int) -> None:
    path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or unreadable: run make icons"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()  # rounded corners, transparent outside


def test_pngs_are_drawn_from_the_current_svg(qapp: QApplication) -> None:
    icons = make_icons()
    for size in (16, 48, 256):  # the small design and the large one
        path = RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        committed = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        assert committed == icons.render(size), f"{path} is out of date: run make icons"
    scalable = RESOURCES / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (RESOURCES / "app-icon.svg").read_bytes()


def read_all(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    widths = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path} image {index}: {reader.errorString()}"
        assert image.width() == image.height()
        widths.append(image.width())
    return widths


def test_windows_icon_holds_every_size(qapp: QApplication) -> None:
    assert read_all(RESOURCES / f"{APP_ID}.ico") == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icon_holds_every_size(qapp: QApplication) -> None:
    assert read_all(RESOURCES / f"{APP_ID}.icns") == [16, 32, 64, 128, 256, 512, 1024]


@desktop_tools
def test_installed_layout_validates_as_a_whole(tmp_path: Path) -> None:
    # As a distribution package or `make install` would lay the files out under /usr/share.
    share = tmp_path / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir()
    shutil.copy(DESKTOP, share / "applications")
    shutil.copy(METAINFO, share / "metainfo")
    shutil.copytree(RESOURCES / "icons" / "hicolor", share / "icons" / "hicolor")
    result = run(tool("appstreamcli", "appstream"), "validate-tree", "--no-net", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == []
