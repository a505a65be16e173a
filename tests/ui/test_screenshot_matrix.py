"""`make screenshots` covers what issue 16 asks: both screen sizes, both zooms, every theme."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

from guide_app.ui.look.appearance import THEMES, ZOOM_STEPS
from tests.helpers.repo import REPO

ISSUE_SIZES = {(1366, 768), (1024, 600)}
ISSUE_ZOOMS = {1.0, 2.0}
ISSUE_THEMES = {"light", "dark", "contrast"}  # Light, Dark and High contrast
ISSUE_VIEWS = {"reader", "bookmarks", "review"}  # the review editor with a long review


def make_screenshots() -> ModuleType:
    """docs/make_screenshots.py, which is a script, not part of a package."""
    spec = importlib.util.spec_from_file_location(
        "make_screenshots", REPO / "docs/make_screenshots.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks the module up while being made
    spec.loader.exec_module(module)
    return module


def test_every_view_is_shot_at_every_size_zoom_and_theme() -> None:
    screenshots = make_screenshots()
    shots = screenshots.matrix()
    combinations = {(s.view, s.size, s.zoom, s.theme) for s in shots}
    for view in ISSUE_VIEWS:
        for size in ISSUE_SIZES:
            for zoom in ISSUE_ZOOMS:
                for theme in ISSUE_THEMES:
                    assert (view, size, zoom, theme) in combinations
    assert set(screenshots.THEMES) <= set(THEMES)  # names the app's Appearance knows
    assert set(screenshots.ZOOMS) <= set(ZOOM_STEPS)


def test_file_names_are_unique_and_say_what_they_show() -> None:
    screenshots = make_screenshots()
    names = [s.file_name for s in screenshots.matrix()]
    assert len(names) == len(set(names))
    assert "review-1024x600-200-contrast.png" in names
    for name in names:
        assert re.fullmatch(r"[a-z-]+-\d+x\d+-(100|200)-(light|dark|contrast)\.png", name), name


def test_the_readme_picture_is_the_reader_at_the_common_size() -> None:
    screenshots = make_screenshots()
    assert screenshots.README_SHOT == "reader.png"
    assert screenshots.readme_source().file_name == "reader-1366x768-100-light.png"
