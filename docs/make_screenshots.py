"""Render the reader, bookmarks and a long review at each size, zoom and theme (make screenshots).

Each screen size gets its own Xvfb screen with openbox, so window frames, maximising and the
screen's edge are real; without Xvfb it renders offscreen and says so. Files are named
<view>-<width>x<height>-<zoom %>-<theme>.png in docs/screenshots/; reader.png (the README's)
is the reader at 1366x768, 100 %, Light. Beside each file it prints what is cut off or past the
screen's edge (docs/screen_fit.py). Not part of `make test`: it takes a minute or two.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
SIZES = ((1366, 768), (1024, 600))  # a common NHS laptop, and the smallest screen in use
ZOOMS = (1.0, 2.0)
THEMES = ("light", "dark", "contrast")  # guide_app.ui.look.appearance.THEMES, less "system"
# The review editor with a long review: as opened, then at its status buttons, notes and actions.
VIEWS = ("reader", "bookmarks", "review", "review-editing")
# A few more views, at the first size, zoom and theme only.
EXTRA_VIEWS = (
    "search", "search-respelt", "review-summary", "whats-changed", "updated-page",
    "local-information", "action-plan", "review-merge", "install-edition", "overdue-page",
    "review-open-elsewhere", "review-folder",
)  # fmt: skip
README_SHOT = "reader.png"


@dataclass(frozen=True)
class Shot:
    """One picture: a view at a screen size, zoom and theme."""

    view: str
    size: tuple[int, int]
    zoom: float
    theme: str

    @property
    def file_name(self) -> str:
        """For example reader-1366x768-100-light.png."""
        width, height = self.size
        return f"{self.view}-{width}x{height}-{round(self.zoom * 100)}-{self.theme}.png"


def matrix(only: tuple[str, ...] = ()) -> list[Shot]:
    """Every view at every size, zoom and theme, then the extra views; or `only` these, at all."""
    shots = [
        Shot(view, size, zoom, theme)
        for size in SIZES
        for zoom in ZOOMS
        for theme in THEMES
        for view in only or VIEWS
    ]
    if not only:
        shots += [Shot(view, SIZES[0], ZOOMS[0], THEMES[0]) for view in EXTRA_VIEWS]
    return shots


def readme_source() -> Shot:
    """The shot copied to reader.png, which README.md shows."""
    return Shot("reader", SIZES[0], ZOOMS[0], THEMES[0])


def parse_size(text: str) -> tuple[int, int]:
    """'1366x768' as (1366, 768)."""
    width, _, height = text.partition("x")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    """Render every shot, one screen size at a time; print each file and what is cut off."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--offscreen", action="store_true", help="do not use Xvfb even if found")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    parser.add_argument(
        "--views",
        default="",
        metavar="A,B",
        help="only these views, at every size, zoom and theme (to check one view fits)",
    )
    parser.add_argument("--render", metavar="WxH", help=argparse.SUPPRESS)  # one size, here
    args = parser.parse_args(argv)
    only = tuple(v for v in args.views.split(",") if v)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.render:
        from screenshot_views import render  # Qt: only in the process that renders

        size = parse_size(args.render)
        return render([s for s in matrix(only) if s.size == size], args.out)
    status = 0
    for size in SIZES:
        status |= _render_size(size, args.out, args.views, offscreen=args.offscreen)
    source = args.out / readme_source().file_name
    if source.exists():
        shutil.copyfile(source, args.out / README_SHOT)
        sys.stdout.write(f"{args.out / README_SHOT} (a copy of {source.name})\n")
    return status


def _render_size(size: tuple[int, int], out: Path, views: str, *, offscreen: bool) -> int:
    """Run this script again with --render for one size, on its own screen of that size."""
    command = [sys.executable, __file__, "--render", f"{size[0]}x{size[1]}", "--out", str(out)]
    command += ["--views", views] if views else []
    from virtual_display import DisplayError, missing_tools, virtual_display

    missing = missing_tools(window_manager=False)
    if not offscreen and not missing:
        frames = not missing_tools(window_manager=True)
        if not frames:
            sys.stdout.write("openbox is not installed: windows are drawn without frames\n")
        try:
            with virtual_display(size, window_manager=frames) as display:
                sys.stdout.write(f"{size[0]}x{size[1]}: Xvfb on {display.name}\n")
                sys.stdout.flush()
                return subprocess.run(command, env=display.environment(), check=False).returncode
        except DisplayError as error:
            sys.stdout.write(f"{error}: rendering offscreen instead\n")
    elif not offscreen:
        sys.stdout.write(
            f"Xvfb is not installed ({' '.join(missing)}): rendering offscreen, without window "
            "frames or a window manager (sudo apt-get install xvfb openbox for real ones)\n"
        )
    sys.stdout.write(f"{size[0]}x{size[1]}: offscreen (the window only, no frame)\n")
    sys.stdout.flush()
    with tempfile.TemporaryDirectory(prefix="guide-app-screen-") as folder:
        config = Path(folder) / "screen.json"
        config.write_text(json.dumps({"screens": [_offscreen_screen(size)]}), encoding="utf-8")
        environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
        return subprocess.run(command, env=environment, check=False).returncode


def _offscreen_screen(size: tuple[int, int]) -> dict[str, object]:
    """Qt's offscreen platform, told the screen's size (its default is 800x600)."""
    width, height = size
    return {
        "name": f"{width}x{height}",
        "x": 0,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1,
    }


if __name__ == "__main__":
    sys.exit(main())
