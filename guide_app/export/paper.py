"""Paper for every export: the light palette, A4 with 15 mm margins, the PDF writer, pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from guide_app import identity
from guide_app.export.page_breaks import Page, paginate, pieces
from guide_app.export.review_parts import one_line

MARGIN_MM = 15.0
BODY_POINTS = 10
FOOTER_POINTS = 8
T = TypeVar("T")


class PdfError(OSError):
    """The PDF could not be made."""


def _font(points: int) -> QFont:
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSize(points)
    return font


def light_palette() -> QPalette:
    """Black text on white with blue links, so that a dark screen theme never reaches paper."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Text, "#000000"),
        (QPalette.ColorRole.Base, "#ffffff"),
        (QPalette.ColorRole.Window, "#ffffff"),
        (QPalette.ColorRole.WindowText, "#000000"),
        (QPalette.ColorRole.AlternateBase, "#eeeeee"),
        (QPalette.ColorRole.Link, "#1a4f9c"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def use_a4(device: QPdfWriter | QPrinter) -> None:
    """Set A4 portrait with 15 mm margins (a PDF always; a printer if the UI wants)."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )


def pdf_bytes(
    title: str, paint: Callable[[QPdfWriter], T], resolution: int | None = None
) -> tuple[bytes, T]:
    """An A4 PDF named `title` painted by `paint`: its bytes, and what `paint` returned.

    `resolution` is the layout's dots per inch (Qt's own if None).
    """
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise PdfError("could not open a buffer for the PDF")
    writer = QPdfWriter(buffer)
    if resolution is not None:
        writer.setResolution(resolution)
    writer.setTitle(title)
    writer.setCreator(identity.APP_NAME)
    use_a4(writer)
    painted = paint(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(buffer.data().data()), painted


def name_print_job(printer: QPrinter, title: str) -> None:
    """Name a print job as a PDF is named: `title`, made by the guide."""
    printer.setDocName(title)
    printer.setCreator(identity.APP_NAME)


def lay_out(
    device: QPagedPaintDevice, html: str, body_height: float
) -> tuple[QTextDocument, list[Page]]:
    """`html` laid out for `device`'s page width, and its pages (see page_breaks)."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(_font(BODY_POINTS))
    document.setDocumentMargin(0)
    document.setHtml(html)
    document.setTextWidth(float(device.width()))  # one long strip: no page height
    return document, paginate(pieces(document, body_height), body_height)


def paint_pages(device: QPagedPaintDevice, html: str, title: str) -> int:
    """Lay `html` out on `device`'s pages and paint them, each with a footer; return the count.

    The footer reads "<title> — page N of M". Used for both PDF files and printers.
    """
    footer_font = _font(FOOTER_POINTS)
    metrics = QFontMetricsF(footer_font, device)
    width, height = float(device.width()), float(device.height())
    footer_height = 2.5 * metrics.lineSpacing()
    body_height = height - footer_height
    document, pages = lay_out(device, html, body_height)
    name = metrics.elidedText(one_line(title), Qt.TextElideMode.ElideRight, width * 0.7)

    painter = QPainter()
    if not painter.begin(device):
        raise PdfError("could not start drawing the pages")
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = light_palette()
        for index, page in enumerate(pages):
            if index and not device.newPage():
                raise PdfError("could not start a new page")
            y = 0.0
            for piece in page:
                painter.save()
                painter.translate(0, y - piece.top)
                context.clip = QRectF(0, piece.top, width, piece.height)
                painter.setClipRect(context.clip)
                document.documentLayout().draw(painter, context)
                painter.restore()
                y += piece.height
            painter.setFont(footer_font)
            painter.setPen(QColor("#000000"))
            painter.drawText(
                QRectF(0, body_height, width, footer_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"{name} — page {index + 1} of {len(pages)}",
            )
    finally:
        painter.end()
    return len(pages)
