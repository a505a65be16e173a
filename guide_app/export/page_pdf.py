"""A guide page on paper: the line naming where a copy comes from, and the page as a PDF.

A copy on paper says which guide, edition and date it comes from, and when it was made. The
page itself is laid out for paper by the reader (ui/page_print.py) and handed here as a
QTextDocument; paper.py gives it A4, the margins and the PDF writer.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtGui import QTextDocument

from guide_app.common.safe_files import write_export
from guide_app.export import paper
from guide_app.guide.currency import long_date
from guide_app.guide.page import Edition


def edition_line(edition: Edition, made_on: dt.date) -> str:
    """Which guide, edition and date a copy comes from, and when it was made (plain text)."""
    try:
        dated = f" of {long_date(dt.date.fromisoformat(edition.date).isoformat())}"
    except ValueError:
        dated = f" ({edition.date})" if edition.date else ""
    return (
        f"From the {edition.guide}, edition {edition.number}{dated}. "
        f"This copy was made on {long_date(made_on.isoformat())}."
    )


def edition_heading(edition: Edition | None, made_on: dt.date | None = None) -> str:
    """The edition line as the HTML paragraph that heads a page on paper ("" if no edition)."""
    if edition is None:
        return ""
    line = edition_line(edition, made_on or dt.date.today())
    return f'<p class="edition">{html.escape(line)}</p>'


def pdf_bytes(document: QTextDocument, title: str) -> bytes:
    """`document` (a page laid out for paper) as an A4 PDF named `title`."""
    data, _ = paper.pdf_bytes(title, document.print_)
    return data


def save_pdf(document: QTextDocument, title: str, path: Path, data_dir: Path | None = None) -> None:
    """Write `document` as a PDF to `path` through the atomic writer (raises OSError).

    A place inside `data_dir` (the guide's data folder) or a target that is not a plain file
    is refused (safe_files.write_export).
    """
    write_export(path, pdf_bytes(document, title), data_dir)
