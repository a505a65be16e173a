"""A review on paper: its report as an A4 PDF, or painted on a printer's pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter

from guide_app.common.safe_files import write_export
from guide_app.export import paper
from guide_app.export.review_parts import is_draft, one_line
from guide_app.export.review_report import report_html
from guide_app.guide.model import Guide
from guide_app.store.reviews import Review

RESOLUTION = 300  # dots per inch of the PDF's layout


def footer_title(review: Review) -> str:
    """What every page's footer names: the review, and "Draft" until it is final."""
    return f"Draft: {review.name}" if is_draft(review) else review.name


def pdf_bytes(
    review: Review, guide: Guide, *, compared_with: Review | None = None, changes_only: bool = False
) -> tuple[bytes, int]:
    """The review's report as the bytes of an A4 PDF, and its page count."""
    html = report_html(review, guide, compared_with=compared_with, changes_only=changes_only)
    return paper.pdf_bytes(
        one_line(review.name),
        lambda writer: paper.paint_pages(writer, html, footer_title(review)),
        RESOLUTION,
    )


def write_pdf(
    review: Review,
    guide: Guide,
    path: Path,
    *,
    compared_with: Review | None = None,
    changes_only: bool = False,
    data_dir: Path | None = None,
) -> int:
    """Write the review's report to `path` as an A4 PDF (atomically); return the page count.

    Needs a running QGuiApplication. Raises OSError if the file cannot be written, or if it
    is inside `data_dir` (the guide's data folder) or not a plain file (write_export).
    """
    data, pages = pdf_bytes(review, guide, compared_with=compared_with, changes_only=changes_only)
    write_export(path, data, data_dir)
    return pages


def print_review(
    review: Review,
    guide: Guide,
    printer: QPrinter,
    *,
    compared_with: Review | None = None,
    changes_only: bool = False,
) -> None:
    """Paint the review's report onto `printer` (a print dialog's or a print preview's)."""
    paper.name_print_job(printer, one_line(review.name))
    html = report_html(review, guide, compared_with=compared_with, changes_only=changes_only)
    paper.paint_pages(printer, html, footer_title(review))
