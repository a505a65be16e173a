"""Print, preview or save as PDF the page being read: always dark text on white paper.

A copy on paper says which guide, edition and date it comes from, and when it was made; it
leaves out the ways about the guide on screen (the breadcrumb, previous and next).
"""

from __future__ import annotations

import datetime as dt
import html
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

from guide_app.guide.page import Edition, Page
from guide_app.safe_files import write_export
from guide_app.ui.reading.page_render import page_html, page_stylesheet


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


# In English whatever the computer's language (the guide is in English); strftime's %B
# follows the locale, which Qt sets from the computer's.
MONTHS = "January February March April May June July August September October November December"


def uk_date(day: dt.date) -> str:
    """`day` as people in the UK write it: 4 December 2026."""
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def edition_line(edition: Edition, made_on: dt.date) -> str:
    """Which guide, edition and date a copy comes from, and when it was made (plain text)."""
    try:
        dated = f" of {uk_date(dt.date.fromisoformat(edition.date))}"
    except ValueError:
        dated = f" ({edition.date})" if edition.date else ""
    return (
        f"From the {edition.guide}, edition {edition.number}{dated}. "
        f"This copy was made on {uk_date(made_on)}."
    )


def paper_document(page: Page, made_on: dt.date | None = None) -> QTextDocument:
    """The page laid out for paper, with the light style, headed by where it comes from."""
    heading = ""
    if page.edition is not None:
        line = edition_line(page.edition, made_on or dt.date.today())
        heading = f'<p class="edition">{html.escape(line)}</p>'
    document = QTextDocument()
    document.setDefaultStyleSheet(page_stylesheet(paper_palette()))
    document.setHtml(page_html(page, paper=True, heading=heading))
    return document


def print_page(page: Page, device: QPagedPaintDevice, made_on: dt.date | None = None) -> None:
    """Print `page` on a printer (or any paged device), with page numbers."""
    paper_document(page, made_on).print_(device)


def pdf_bytes(page: Page, made_on: dt.date | None = None) -> bytes:
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
    print_page(page, writer, made_on)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def save_pdf(
    page: Page, path: Path, data_dir: Path | None = None, made_on: dt.date | None = None
) -> None:
    """Write the page as a PDF to `path` through the atomic writer (raises OSError).

    A place inside `data_dir` (the guide's data folder) or a target that is not a plain file
    is refused (safe_files.write_export).
    """
    write_export(path, pdf_bytes(page, made_on), data_dir)
