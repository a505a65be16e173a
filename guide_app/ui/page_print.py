"""Print, preview or save as PDF the page being read: laid out as on screen, light, for paper.

The paper copy leaves out the ways about the guide on screen (the breadcrumb, previous and
next) and is headed by where it comes from; export/page_pdf.py and export/paper.py make the
PDF (A4, margins, the light palette).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtGui import QPagedPaintDevice, QTextDocument

from guide_app.export import page_pdf
from guide_app.export.paper import light_palette
from guide_app.guide.page import Page
from guide_app.ui.reading.page_render import page_html, page_stylesheet


def paper_document(page: Page, made_on: dt.date | None = None) -> QTextDocument:
    """The page laid out for paper, with the light style, headed by where it comes from."""
    heading = page_pdf.edition_heading(page.edition, made_on)
    document = QTextDocument()
    document.setDefaultStyleSheet(page_stylesheet(light_palette()))
    document.setHtml(page_html(page, paper=True, heading=heading))
    return document


def print_page(page: Page, device: QPagedPaintDevice, made_on: dt.date | None = None) -> None:
    """Print `page` on a printer (or any paged device), with page numbers."""
    paper_document(page, made_on).print_(device)


def save_pdf(
    page: Page, path: Path, data_dir: Path | None = None, made_on: dt.date | None = None
) -> None:
    """Write the page as an A4 PDF to `path` (raises OSError; see page_pdf.save_pdf)."""
    page_pdf.save_pdf(paper_document(page, made_on), page.title, path, data_dir)
