"""Reports on paper: A4 with the report's margins, black on white, pages with a footer."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, Qt
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

from guide_app.export.page_breaks import Page, paginate, pieces
from guide_app.export.review_markdown import one_line

MARGIN_MM = 15.0
BODY_POINTS = 10
FOOTER_POINTS = 8


class PdfError(OSError):
    """The PDF could not be made."""


def _font(points: int) -> QFont:
    font = QFont()
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSize(points)
    return font


def _light_palette() -> QPalette:
    """Black on white, so that a dark screen theme never reaches the paper."""
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#ffffff")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, black)
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.Link, QColor("#0b4f9c"))
    return palette


def use_a4(device: QPdfWriter | QPrinter) -> None:
    """Set A4 portrait with the report's margins (the PDF always; a printer if the UI wants)."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )


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
        context.palette = _light_palette()
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
