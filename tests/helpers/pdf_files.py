"""Read the PDFs the app writes with PyPI packages only (no poppler-utils): text, pages, pixels."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pypdfium2
from pypdf import PdfReader

# Typographic ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) that a font may draw as one glyph; read as their letters.
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


def pdf_text(path: Path) -> str:
    """The text of every page, in order, with each run of whitespace as a single space.

    pypdf separates words with tabs or spaces and lines with newlines where pdftotext differs,
    so the spacing is normalised here and assertions can look for phrases as they read.
    """
    pages = (page.extract_text() for page in PdfReader(path).pages)
    return " ".join("\n".join(pages).translate(_LIGATURES).split())


def pdf_pages(path: Path) -> int:
    """The number of pages."""
    return len(PdfReader(path).pages)


def pdf_page_grey(path: Path, *, page: int = 0, dpi: int = 40) -> bytes:
    """One page rendered in 8-bit grey at `dpi`: one byte a pixel, 0 black and 255 white."""
    document = pypdfium2.PdfDocument(path)
    try:
        bitmap = document[page].render(scale=dpi / 72, grayscale=True)
        assert bitmap.mode == "L", bitmap.mode
        rows = bytes(bitmap.buffer)
        return b"".join(
            rows[top : top + bitmap.width] for top in range(0, len(rows), bitmap.stride)
        )
    finally:
        document.close()
