"""Print, preview or save as PDF the page being read: always dark text on white paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPalette,
    QPdfWriter,
    QTextDocument,
)

from guide_app.guide.page import Page
from guide_app.safe_files import write_export
from guide_app.ui.page_render import page_html, page_stylesheet


def paper_palette() -> QPalette:
    """Black text on white with blue links, whatever the screen's theme."""
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


def paper_document(page: Page) -> QTextDocument:
    """The page laid out for paper, with the light style."""
    document = QTextDocument()
    document.setDefaultStyleSheet(page_stylesheet(paper_palette()))
    document.setHtml(page_html(page))
    return document


def print_page(page: Page, device: QPagedPaintDevice) -> None:
    """Print `page` on a printer (or any paged device), with page numbers."""
    paper_document(page).print_(device)


def pdf_bytes(page: Page) -> bytes:
    """The page as an A4 PDF."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(page.title)
    writer.setCreator("Pain & Mental Health Guide")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    print_page(page, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def save_pdf(page: Page, path: Path, data_dir: Path | None = None) -> None:
    """Write the page as a PDF to `path` through the atomic writer (raises OSError).

    A place inside `data_dir` (the guide's data folder) or a target that is not a plain file
    is refused (safe_files.write_export).
    """
    write_export(path, pdf_bytes(page), data_dir)
