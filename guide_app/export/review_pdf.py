"""A review on paper: the report laid out on A4 pages with a footer, as PDF or to a printer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt
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
from guide_app.export.review_markdown import one_line
from guide_app.export.review_report import report_html
from guide_app.guide.model import Guide
from guide_app.safe_files import write_export
from guide_app.store.reviews import Review

RESOLUTION = 300  # dots per inch of the PDF's layout
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


def paint_pages(device: QPagedPaintDevice, html: str, title: str) -> int:
    """Lay `html` out on `device`'s pages and paint them, each with a footer; return the count.

    The footer reads "<title> — page N of M". Used for both PDF files and printers.
    """
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(_font(BODY_POINTS))
    document.setDocumentMargin(0)
    document.setHtml(html)
    footer_font = _font(FOOTER_POINTS)
    footer_line = QFontMetricsF(footer_font, device).lineSpacing()
    width, height = float(device.width()), float(device.height())
    footer_height = 2.5 * footer_line
    body_height = height - footer_height
    document.setPageSize(QSizeF(width, body_height))
    pages = max(1, document.pageCount())

    painter = QPainter()
    if not painter.begin(device):
        raise PdfError("could not start drawing the pages")
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = _light_palette()
        metrics = QFontMetricsF(footer_font, device)
        name = metrics.elidedText(one_line(title), Qt.TextElideMode.ElideRight, width * 0.7)
        for index in range(pages):
            if index and not device.newPage():
                raise PdfError("could not start a new page")
            top = index * body_height
            painter.save()
            painter.translate(0, -top)
            context.clip = QRectF(0, top, width, body_height)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#000000"))
            painter.drawText(
                QRectF(0, body_height, width, footer_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"{name} — page {index + 1} of {pages}",
            )
    finally:
        painter.end()
    return pages


def use_a4(device: QPdfWriter | QPrinter) -> None:
    """Set A4 portrait with the report's margins (the PDF always; a printer if the UI wants)."""
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )


def pdf_bytes(
    review: Review, guide: Guide, *, compared_with: Review | None = None
) -> tuple[bytes, int]:
    """The review's report as the bytes of an A4 PDF, and its page count."""
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise PdfError("could not open a buffer for the PDF")
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(one_line(review.name))
    writer.setCreator(identity.APP_NAME)
    use_a4(writer)
    pages = paint_pages(
        writer, report_html(review, guide, compared_with=compared_with), review.name
    )
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_pdf(
    review: Review,
    guide: Guide,
    path: Path,
    *,
    compared_with: Review | None = None,
    data_dir: Path | None = None,
) -> int:
    """Write the review's report to `path` as an A4 PDF (atomically); return the page count.

    Needs a running QGuiApplication. Raises OSError if the file cannot be written, or if it
    is inside `data_dir` (the guide's data folder) or not a plain file (write_export).
    """
    data, pages = pdf_bytes(review, guide, compared_with=compared_with)
    write_export(path, data, data_dir)
    return pages


def print_review(
    review: Review, guide: Guide, printer: QPrinter, *, compared_with: Review | None = None
) -> None:
    """Paint the review's report onto `printer` (a print dialog's or a print preview's)."""
    printer.setDocName(one_line(review.name))
    printer.setCreator(identity.APP_NAME)
    paint_pages(printer, report_html(review, guide, compared_with=compared_with), review.name)
