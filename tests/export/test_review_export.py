"""Review exports: exact Markdown and CSV, the HTML report and summary, and the PDF."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from guide_app.export.review_csv import review_csv, review_csv_bytes
from guide_app.export.review_markdown import review_markdown
from guide_app.export.review_pdf import print_review, write_pdf
from guide_app.export.review_report import BAR_WIDTH, bar_lengths, report_html, summary_html
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Action, Assessment, Review, Risk, Status
from tests.helpers.content_kit import write_content
from tests.helpers.pdf_files import pdf_page_grey, pdf_pages, pdf_text
from tests.helpers.repo import CONTENT

REVIEW = Review(
    id="a" * 32,
    name="Spring review",
    service="MSK physiotherapy",
    date="2026-03-01",
    people="AB, CD",
    assessments={
        "crit-one": Assessment(
            Status.PARTLY_MET,
            notes="Asked at first visit,\nnot always recorded.",
            evidence="Audit of 10 records",
            actions=(
                Action("a1", "Add a mood question", "AB", "2026-04-01", done=True),
                Action("a2", "Train new staff", "CD", "2026-05-01"),
            ),
            sample_size=10,
            sample_how="=the last 10 referrals",
            risk=Risk.HIGH,
        ),
        "crit-two": Assessment(Status.NOT_APPLICABLE, reason="No local services"),
        "retired-criterion": Assessment(
            Status.NOT_MET,
            notes="Kept from the last edition.",
            actions=(Action("a3", "Check | update the list"),),
        ),
    },
)
EARLIER = Review(
    id="b" * 32,
    name="Autumn review",
    date="2025-09-01",
    assessments={"crit-one": Assessment(Status.MET)},
)

MARKDOWN = """\
# Service review: Spring review

- **Service:** MSK physiotherapy
- **Date:** 01/03/2026
- **Lead:** Not recorded
- **People present:** AB\\, CD
- **Next review:** Not recorded
- **Review status:** Draft
- **Criteria from:** Test guide, edition 1 (2026-01-01)

> Reviews must not hold patient-identifiable information: no names, dates of birth, NHS \
numbers or other details that could identify a person.

## Summary

| Principle | Met | Partly met | Not met | Not applicable | Not assessed | Criteria |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
| Principle one | 0 | 1 | 0 | 1 | 0 | 2 |
| **All principles** | **0** | **1** | **0** | **1** | **0** | **2** |

Assessed: 2 of 2 criteria (100%). Met: 0 of 2 criteria (0%).

## 1. Principle one

### 1.1 People are asked about mood.

- **Status:** Partly met
- **Notes:** Asked at first visit\\,\\
  not always recorded\\.
- **Evidence:** Audit of 10 records
- **Sample:** 10: \\=the last 10 referrals
- **Risk of not improving:** High
- **Actions:**
  - Add a mood question (AB, due 01/04/2026, done)
  - Train new staff (CD, due 01/05/2026, open)

### 1.2 Staff know local services.

- **Status:** Not applicable
- **Reason not applicable:** No local services

## Criteria not in this edition

These criteria were assessed but are not in this edition of the guide (they may have been \
removed or renamed). They are kept here so that nothing recorded is lost.

### retired\\-criterion

- **Status:** Not met
- **Notes:** Kept from the last edition\\.
- **Actions:**
  - Check \\| update the list (open)

## Action plan

Open actions, soonest due first; actions without a due date come last. “Overdue”: past its \
due date on the day this was made.

| Due | Action | Owner | Criterion |
| --- | --- | --- | --- |
| 01/05/2026 | Train new staff | CD | 1.1 People are asked about mood. |
| No date | Check \\| update the list | No owner | retired\\-criterion (not in this edition) |
"""

COMPARISON = """\
## Comparison with Autumn review (01/09/2025)

Improved: 0. Worse: 1. Unchanged: 0. Newly assessed: 1. Not comparable: 0.

| Criterion | Before | After | Change |
| --- | --- | --- | --- |
| 1.1 People are asked about mood. | Met | Partly met | ▼ Worse |
| 1.2 Staff know local services. | Not assessed | Not applicable | + Newly assessed |

"""

CSV = (
    "Principle,Criterion id,Criterion,Status,Reason not applicable,Notes,Evidence,Actions,"
    "Sample size,Sample chosen how,Risk of not improving\r\n"
    "Principle one,crit-one,People are asked about mood.,Partly met,,"
    '"Asked at first visit,\nnot always recorded.",Audit of 10 records,'
    '"Add a mood question (AB, due 01/04/2026, done); Train new staff (CD, due 01/05/2026, open)"'
    ",10,'=the last 10 referrals,High\r\n"
    "Principle one,crit-two,Staff know local services.,Not applicable,No local services,,,,,,\r\n"
    "(not in this edition),retired-criterion,,Not met,,Kept from the last edition.,,"
    "Check | update the list (open),,,\r\n"
)


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Guide:
    return load_guide(write_content(tmp_path_factory.mktemp("content")))


@pytest.fixture(scope="module")
def shipped() -> Guide:
    return load_guide(CONTENT)


# Markdown and CSV ------------------------------------------------------------------------------


def test_markdown_is_exact(guide: Guide) -> None:
    assert review_markdown(REVIEW, guide, today="2026-04-15") == MARKDOWN


def test_open_actions_past_their_due_date_are_marked_overdue(guide: Guide) -> None:
    markdown = review_markdown(REVIEW, guide, today="2026-05-02")
    assert "| 01/05/2026 (overdue) | Train new staff | CD |" in markdown
    assert "| No date | Check" in markdown  # no due date: never overdue
    report = report_html(REVIEW, guide, today="2026-05-02")
    assert "<td>01/05/2026 (overdue)</td><td>Train new staff</td>" in report
    assert "01/05/2026 (overdue)" in summary_html(REVIEW, guide, today="2026-05-02")
    on_the_day = review_markdown(REVIEW, guide, today="2026-05-01")
    assert "| 01/05/2026 | Train new staff |" in on_the_day  # due today: not yet overdue
    assert "01/04/2026 (overdue)" not in report_html(REVIEW, guide, today="2099-01-01")  # done


def test_markdown_comparison_follows_the_summary(guide: Guide) -> None:
    text = review_markdown(REVIEW, guide, compared_with=EARLIER, today="2026-04-15")
    summary_end = MARKDOWN.index("## 1. Principle one")
    assert text == MARKDOWN[:summary_end] + COMPARISON + MARKDOWN[summary_end:]


def test_markdown_of_an_empty_review_says_what_is_missing(guide: Guide) -> None:
    text = review_markdown(Review("c" * 32, "Blank"), guide)
    assert "- **Service:** Not recorded" in text
    assert "- **Status:** Not assessed" in text
    assert "Assessed: 0 of 2 criteria (0%)." in text
    assert text.endswith("## Action plan\n\nNo open actions.\n")
    assert "not in this edition" not in text


def test_csv_is_exact_and_reads_back(guide: Guide) -> None:
    text = review_csv(REVIEW, guide)
    assert text == CSV
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [len(row) for row in rows] == [11, 11, 11, 11]
    assert rows[1][5] == "Asked at first visit,\nnot always recorded."


def test_csv_bytes_are_utf8_with_a_byte_order_mark(guide: Guide) -> None:
    named = replace(REVIEW, assessments={"crit-one": Assessment(Status.MET, notes="Café – ok")})
    data = review_csv_bytes(named, guide)
    assert data.startswith(b"\xef\xbb\xbfPrinciple,")
    assert "Café – ok" in data.decode("utf-8-sig")


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted(guide: Guide) -> None:
    risky = replace(
        REVIEW,
        assessments={
            "crit-one": Assessment(Status.MET, notes="=HYPERLINK(1)", evidence="-2+3"),
            "crit-two": Assessment(Status.MET, notes="- a list item", evidence="@SUM(A1)"),
        },
    )
    rows = list(csv.reader(io.StringIO(review_csv(risky, guide), newline="")))
    assert (rows[1][5], rows[1][6]) == ("'=HYPERLINK(1)", "'-2+3")
    # A leading "-" starts a formula even before a space (Excel shows "- a list" as #NAME?)
    assert (rows[2][5], rows[2][6]) == ("'- a list item", "'@SUM(A1)")


# HTML -------------------------------------------------------------------------------------------


def _with_markup() -> Review:
    return replace(
        REVIEW,
        name="<script>x</script> & review",
        service="A & B",
        assessments={
            "crit-one": Assessment(
                Status.MET,
                notes="Said <b>yes</b> & meant it\nsecond line",
                evidence="<img src=x>",
                actions=(Action("a1", "Fix <i>this</i> & that", "<AB>"),),
            )
        },
    )


def test_report_and_summary_escape_user_text(guide: Guide) -> None:
    report = report_html(_with_markup(), guide, compared_with=EARLIER)
    assert "Said &lt;b&gt;yes&lt;/b&gt; &amp; meant it<br>second line" in report
    assert "&lt;img src=x&gt;" in report
    assert "&lt;script&gt;x&lt;/script&gt; &amp; review" in report
    assert "A &amp; B" in report
    summary = summary_html(_with_markup(), guide, compared_with=EARLIER)
    assert "Fix &lt;i&gt;this&lt;/i&gt; &amp; that" in summary
    assert "&lt;AB&gt;" in summary
    for text in (report, summary):
        for raw in ("<script", "<b>yes", "<img", "<i>", "<AB>"):
            assert raw not in text


def test_report_is_black_on_white_with_a_sign_off_block(guide: Guide) -> None:
    report = report_html(REVIEW, guide)
    assert '<body style="color: #000000; background-color: #ffffff;' in report
    assert "page-break-before: always" in report
    for heading in ("Reviewed by", "Role", "Signature", "Date"):
        assert f">{heading}</th>" in report
    assert "Reviews must not hold patient-identifiable information" in report
    assert "No local services" in report  # the reason for not applicable
    assert report.index("Train new staff") < report.index("Check | update the list")


def test_summary_sets_no_colours_so_it_follows_the_screen_palette(guide: Guide) -> None:
    summary = summary_html(REVIEW, guide, compared_with=EARLIER)
    for hard_coded in ("color:", "background", "bgcolor", "#"):
        assert hard_coded not in summary
    assert "Assessed: 2 of 2 criteria (100%)" in summary
    assert "Open actions" in summary
    assert "Comparison with Autumn review" in summary
    assert "Worse: 1." in summary


def test_bars_always_fill_their_width() -> None:
    assert bar_lengths({}) == []
    assert bar_lengths({Status.MET: 1, Status.NOT_MET: 2}) == [
        (Status.MET, 7),
        (Status.NOT_MET, 13),
    ]
    thirds = bar_lengths(dict.fromkeys(Status, 1))
    assert sum(n for _, n in thirds) == BAR_WIDTH
    assert [s for s, _ in thirds] == [
        Status.MET,
        Status.PARTLY_MET,
        Status.NOT_MET,
        Status.NOT_APPLICABLE,
        Status.NOT_ASSESSED,
    ]


# PDF --------------------------------------------------------------------------------------------


def full_review(guide: Guide) -> Review:
    """Every criterion of `guide` assessed, with long notes, evidence and an action."""
    notes = "\n\n".join(["We looked at what happens in clinic and talked it through. " * 12] * 2)
    assessments = {
        criterion.id: Assessment(
            Status.PARTLY_MET,
            notes=notes,
            evidence="Audit of twenty records; feedback from the last quarter. " * 4,
            actions=(Action(f"x{n}", f"Action {n}", "Team lead", f"2026-{n % 12 + 1:02}-15"),),
        )
        for n, criterion in enumerate(c for _, cs in principles(guide) for c in cs)
    }
    return Review("d" * 32, "Full review", "MSK service", "2026-03-01", assessments=assessments)


def test_pdf_of_a_small_review(qapp: QApplication, guide: Guide, tmp_path: Path) -> None:
    path = tmp_path / "review.pdf"
    pages = write_pdf(REVIEW, guide, path, compared_with=EARLIER)
    assert path.read_bytes().startswith(b"%PDF")
    assert pdf_pages(path) == pages
    assert 2 <= pages <= 4
    text = pdf_text(path)
    for wanted in (
        "Service review: Spring review",
        "Principle one",
        "Spring review — page 1 of",
        f"page {pages} of {pages}",
        "Comparison with Autumn review",
        "Reviewed by",
        "10: =the last 10 referrals",
        "Risk of not improving",
        "■ High",
    ):
        assert wanted in text
    assert not list(tmp_path.glob(".*tmp"))


def test_pdf_of_the_shipped_guide_with_long_notes_grows(
    qapp: QApplication, shipped: Guide, tmp_path: Path
) -> None:
    blank = write_pdf(Review("e" * 32, "Blank review"), shipped, tmp_path / "blank.pdf")
    path = tmp_path / "full.pdf"
    pages = write_pdf(full_review(shipped), shipped, path)
    assert pdf_pages(path) == pages
    assert 3 <= blank <= 8
    assert 15 <= pages <= 40
    assert pages > blank
    text = pdf_text(path)
    assert len(principles(shipped)) == 5
    for principle, _ in principles(shipped):
        assert principle.title in text
    assert "Full review — page 1 of" in text
    assert f"Full review — page {pages} of {pages}" in text


def _ink(path: Path) -> tuple[float, int]:
    """Page 1 in grey at 40 dpi: the mean brightness (0-255) and how many pixels are near black."""
    pixels = pdf_page_grey(path, dpi=40)
    return sum(pixels) / len(pixels), sum(1 for p in pixels if p < 80)


def test_pdf_is_light_even_with_a_dark_screen_theme(
    qapp: QApplication, guide: Guide, tmp_path: Path
) -> None:
    before = QGuiApplication.palette()
    dark = QPalette(before)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        dark.setColor(role, QColor("#ffffff"))
    for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
        dark.setColor(role, QColor("#1e1e1e"))
    QGuiApplication.setPalette(dark)
    try:
        write_pdf(REVIEW, guide, tmp_path / "dark.pdf")
    finally:
        QGuiApplication.setPalette(before)
    brightness, dark_pixels = _ink(tmp_path / "dark.pdf")
    assert brightness > 200  # white paper
    assert dark_pixels > 500  # black text on it


def test_pdf_to_an_unwritable_place_raises_and_leaves_nothing(
    qapp: QApplication, guide: Guide, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises((FileExistsError, NotADirectoryError)):
        write_pdf(REVIEW, guide, blocker / "review.pdf")
    assert blocker.read_text() == "not a folder"


def test_print_review_paints_the_same_pages_on_a_printer(
    qapp: QApplication, guide: Guide, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_review(REVIEW, guide, printer)
    text = pdf_text(tmp_path / "printed.pdf")
    assert "Service review: Spring review" in text
    assert "Spring review — page 1 of" in text
