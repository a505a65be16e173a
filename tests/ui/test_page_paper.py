"""A page on paper names the guide, its edition and date, and leaves out the breadcrumb."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from guide_app.ui.window.main_window import MainWindow


def pdf_text(path: Path) -> str:
    """The PDF's text, each run of white space read as one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_a_saved_page_says_which_guide_edition_and_date_it_comes_from(
    window: MainWindow, tmp_path: Path
) -> None:
    window.open("act-two")
    assert "Problem areas ›" in window.reader.toPlainText()  # on screen: the way back up
    window.reading.save_pdf(tmp_path / "page.pdf")
    text = pdf_text(tmp_path / "page.pdf")
    assert "From the Test guide, edition 1 of 1 January 2026." in text
    assert "This copy was made on " in text
    assert "Do another thing" in text
    assert "›" not in text  # no breadcrumb on paper
    assert "Next: " not in text  # nor the links to the previous and next pages


def test_print_preview_lays_out_the_same_paper_page(window: MainWindow) -> None:
    import datetime as dt

    from guide_app.ui.page_print import paper_document

    window.open("act-two")
    page = window.reader.page
    assert page is not None
    text = paper_document(page, dt.date(2027, 3, 6)).toPlainText()
    assert text.startswith("From the Test guide, edition 1 of 1 January 2026.")
    assert "This copy was made on 6 March 2027." in text
    assert "›" not in text
