"""Draw the application icon's PNG, .ico and .icns files from resources/app-icon*.svg with Qt."""

from __future__ import annotations

import os
import shutil
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # guide_app.identity, also when the package is not installed

from guide_app.identity import APP_ID  # noqa: E402

RESOURCES = REPO / "resources"
SOURCE = RESOURCES / "app-icon.svg"
# Drawn on the 16 px pixel grid: the large design blurs into mush at that size.
SMALL_SOURCE = RESOURCES / "app-icon-16.svg"
SMALL_MAX = 16

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the freedesktop hicolor theme's usual sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows: Explorer, taskbar, title bar, large icons
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # macOS: 1024 is the 512 px @2x slot


def hicolor_png(size: int) -> Path:
    """Return where the freedesktop icon theme expects the PNG of this size."""
    return RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def hicolor_svg() -> Path:
    """Return where the freedesktop icon theme expects the scalable icon."""
    return RESOURCES / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def ico_path() -> Path:
    """Return the Windows icon file."""
    return RESOURCES / f"{APP_ID}.ico"


def icns_path() -> Path:
    """Return the macOS icon file."""
    return RESOURCES / f"{APP_ID}.icns"


def render(size: int) -> QImage:
    """Draw the icon at size x size pixels on a transparent background."""
    source = SMALL_SOURCE if size <= SMALL_MAX else SOURCE
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def encode(image: QImage, image_format: str) -> bytes:
    """Return the image written by Qt's writer for `image_format`, as bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, image_format.encode("ascii"))
    if not writer.write(image):
        raise SystemExit(f"make_icons: Qt cannot write {image_format}: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_entry(size: int) -> tuple[bytes, bytes]:
    """Return one size's ICONDIRENTRY (without its offset) and image data.

    Qt's ICO writer stores one uncompressed bitmap per file, which every Windows version reads;
    the 256 px image is stored as PNG instead, as Windows Vista and later expect (a tenth of the
    bytes).
    """
    image = render(size)
    if size >= 256:
        data = encode(image, "png")
        return struct.pack("<BBBBHHI", 0, 0, 0, 0, 1, 32, len(data)), data
    single = encode(image, "ico")
    _reserved, kind, count = struct.unpack_from("<HHH", single, 0)
    if kind != 1 or count != 1:
        raise SystemExit(f"make_icons: unexpected ICO from Qt ({kind=}, {count=})")
    entry = single[6:18]  # width, height, colours, reserved, planes, bit count, bytes in resource
    offset = struct.unpack_from("<I", single, 18)[0]
    length = struct.unpack_from("<I", entry, 8)[0]
    return entry, single[offset : offset + length]


def write_ico(path: Path) -> None:
    """Write a Windows .ico holding every size in ICO_SIZES."""
    entries = [ico_entry(size) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    for entry, data in entries:
        directory += entry + struct.pack("<I", offset)
        offset += len(data)
    path.write_bytes(header + directory + b"".join(data for _, data in entries))


def icns_elements(size: int) -> list[tuple[bytes, bytes]]:
    """Return the (type, data) elements of Qt's single-image .icns for one size, TOC left out."""
    single = encode(render(size), "icns")
    if single[:4] != b"icns":
        raise SystemExit("make_icons: Qt wrote something that is not an .icns file")
    elements = []
    position = 8
    while position < len(single):
        kind = single[position : position + 4]
        length = struct.unpack_from(">I", single, position + 4)[0]
        if kind != b"TOC ":
            elements.append((kind, single[position + 8 : position + length]))
        position += length
    return elements


def write_icns(path: Path) -> None:
    """Write a macOS .icns holding every size in ICNS_SIZES.

    The optional table of contents is left out: Qt's own reader warns about the one Qt writes.
    """
    elements = [element for size in ICNS_SIZES for element in icns_elements(size)]
    body = b"".join(kind + struct.pack(">I", len(data) + 8) + data for kind, data in elements)
    path.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)


def main() -> int:
    """Regenerate every icon file from the SVG sources."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    for size in PNG_SIZES:
        target = hicolor_png(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target)):
            raise SystemExit(f"make_icons: cannot write {target}")
    hicolor_svg().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, hicolor_svg())
    write_ico(ico_path())
    write_icns(icns_path())
    written = [*(hicolor_png(size) for size in PNG_SIZES), hicolor_svg(), ico_path(), icns_path()]
    for path in written:
        sys.stdout.write(f"{path.relative_to(REPO)} ({path.stat().st_size} bytes)\n")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
