"""The review on paper: no heading left at a page's foot, no row split, a key drawn as the bars."""

from __future__ import annotations

import colorsys
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader
from PySide6.QtWidgets import QApplication

from guide_app.export.review_markdown import review_markdown
from guide_app.export.review_pdf import write_pdf
from guide_app.export.review_report import report_html
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Action, Assessment, Review, Status
from tests.helpers.repo import CONTENT

CYCLE = (Status.MET, Status.PARTLY_MET, Status.NOT_MET, Status.NOT_APPLICABLE, Status.MET)
FILLER = "We looked at what happens in clinic and talked it through with the team. "


@pytest.fixture(scope="module")
def shipped() -> Guide:
    return load_guide(CONTENT)


def numbered(guide: Guide) -> list[tuple[str, str, str]]:
    """Each criterion's id, number ("2.3") and title, in the report's order."""
    return [
        (criterion.id, f"{n}.{m}", criterion.title)
        for n, (_principle, criteria) in enumerate(principles(guide), start=1)
        for m, criterion in enumerate(criteria, start=1)
    ]


def long_review(guide: Guide) -> Review:
    """Every criterion assessed, with notes of many lengths that say where they begin and end."""
    assessments = {}
    for n, (cid, number, _title) in enumerate(numbered(guide)):
        status = CYCLE[n % len(CYCLE)]
        assessments[cid] = Assessment(
            status,
            reason="Not offered here." if status is Status.NOT_APPLICABLE else "",
            notes=f"Notes for {number} begin. {FILLER * (2 + n * 5 % 11)}Notes for {number} end.",
            evidence=f"Evidence for {number}.",
            actions=(Action(f"a{n}", f"Act on {number}", "Lead", "2026-06-01"),),
        )
    return Review(
        "d" * 32, "Long review", "MSK service", "2026-03-01", "AB, CD", assessments=assessments
    )


def _text(page: PageObject) -> str:
    """A page's text, ligatures (ﬁ, ﬂ …) read as their letters."""
    return unicodedata.normalize("NFKC", page.extract_text())


def page_texts(path: Path) -> list[str]:
    """Each page's text with each run of whitespace as one space."""
    return [" ".join(_text(page).split()) for page in PdfReader(path).pages]


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text, the footer last."""
    return [
        [" ".join(line.split()) for line in _text(page).splitlines() if line.strip()]
        for page in PdfReader(path).pages
    ]


def page_of(pages: list[str], text: str, *, once: bool = True) -> int:
    """The page `text` is on (`once`: and on no other), counting from 0."""
    found = [n for n, page in enumerate(pages) if text in page]
    assert found, f"{text!r} is on no page"
    assert len(found) == 1 or not once, f"{text!r} is on pages {found}"
    return found[0]


def test_each_criterion_stays_whole_with_its_heading_and_no_page_ends_on_a_heading(
    qapp: QApplication, shipped: Guide, tmp_path: Path
) -> None:
    path = tmp_path / "long.pdf"
    pages_written = write_pdf(long_review(shipped), shipped, path)
    pages = page_texts(path)
    assert len(pages) == pages_written >= 10
    headings = [f"{number} {' '.join(title.split())}" for _cid, number, title in numbered(shipped)]
    for heading, (_cid, number, _title) in zip(headings, numbered(shipped), strict=True):
        where = page_of(pages, heading, once=False)  # the action plan names it later too
        on = [
            page_of(pages, f"Notes for {number} begin."),  # the notes row is never split
            page_of(pages, f"Notes for {number} end."),
            page_of(pages, f"Evidence for {number}."),
            page_of(pages, f"Act on {number} (Lead"),
        ]
        assert on == [where] * 4, f"{heading!r} is on page {where + 1}, its table on {on}"
    plan = page_of(pages, "Open actions, soonest due first")  # its rows name criteria too
    for n, lines in enumerate(page_lines(path)[:plan]):
        *body, footer = lines
        assert "page" in footer
        last = body[-1]
        assert not any(last in heading for heading in headings), f"page {n + 1} ends on {last!r}"


def test_a_table_that_runs_on_breaks_between_rows_under_its_heading_row(
    qapp: QApplication, shipped: Guide, tmp_path: Path
) -> None:
    review = long_review(shipped)
    earlier = Review("e" * 32, "Autumn review", date="2025-09-01")
    path = tmp_path / "compared.pdf"
    write_pdf(review, shipped, path, compared_with=earlier)
    lines = page_lines(path)
    header = ["Criterion", "Before", "After", "Change"]
    heading = next(n for n, page in enumerate(lines) if "Comparison with Autumn" in " ".join(page))
    first_principle = principles(shipped)[0][0].title
    end = next(n for n, page in enumerate(lines) if f"1. {first_principle}" in page)
    assert end - heading >= 2, "the comparison should run over more than one page"
    at = lines[heading].index(next(line for line in lines[heading] if "Comparison with" in line))
    assert lines[heading][at + 2 : at + 6] == header  # after the counts, on the same page
    for n in range(heading + 1, end):
        assert lines[n][:4] == header, f"page {n + 1} starts {lines[n][:5]}"
        assert re.match(r"\d\.\d+ ", lines[n][4]), lines[n][4]  # then a whole row


def _hue(colour: str) -> float:
    red, green, blue = (int(colour[n : n + 2], 16) / 255 for n in (1, 3, 5))
    return colorsys.rgb_to_hsv(red, green, blue)[0] * 360


def test_the_key_is_drawn_as_the_bars_are_in_green_amber_and_red_with_words(
    qapp: QApplication, shipped: Guide, tmp_path: Path
) -> None:
    report = report_html(long_review(shipped), shipped)
    summary = report[
        report.index(">Summary<") : report.index("</table>", report.index(">Summary<"))
    ]
    bars = re.findall(r'(<span style="[^"]*">)(.)\2*</span>', summary)
    key = re.search(r"Key:(.*?)</p>", summary)
    assert key, "no key to the bars"
    # In the key: each status's shape in exactly the markup (font and colour) of the bars.
    marks = re.findall(r'(<span style="[^"]*">)(.)</span> ([A-Z][a-z]+(?: [a-z]+)?)', key.group(1))
    by_label = {label: (style, glyph) for style, glyph, label in marks}
    assert list(by_label) == ["Met", "Partly met", "Not met", "Not applicable", "Not assessed"]
    assert set(bars) <= set(by_label.values())
    for label, low, high in (("Met", 90, 150), ("Partly met", 30, 50), ("Not met", -15, 15)):
        style, _glyph = by_label[label]
        colour = re.search(r"color: (#[0-9a-f]{6})", style)
        assert colour, f"{label} has no colour"
        hue = _hue(colour.group(1))
        assert low <= (hue - 360 if hue > 180 else hue) <= high, (label, colour.group(1))
    path = tmp_path / "key.pdf"
    write_pdf(long_review(shipped), shipped, path)
    text = page_texts(path)[0]
    assert "Key: █ Met, ▄ Partly met, × Not met, ─ Not applicable, ○ Not assessed." in text


def test_the_report_names_the_lead_the_next_review_and_whether_it_is_final(
    qapp: QApplication, shipped: Guide, tmp_path: Path
) -> None:
    from guide_app.store.reviews import ReviewState

    draft = replace(long_review(shipped), lead="Service lead AB", next_review="2027-03-01")
    final = replace(draft, state=ReviewState.FINAL)
    markdown = review_markdown(draft, shipped)
    for line in (
        "- **Lead:** Service lead AB",
        "- **Next review:** 01/03/2027",
        "- **Review status:** Draft",
    ):
        assert line in markdown
    assert "- **Review status:** Final" in review_markdown(final, shipped)
    write_pdf(draft, shipped, tmp_path / "draft.pdf")
    write_pdf(final, shipped, tmp_path / "final.pdf")
    drafts, finals = page_texts(tmp_path / "draft.pdf"), page_texts(tmp_path / "final.pdf")
    for wanted in ("Lead Service lead AB", "Next review 01/03/2027", "Review status Draft"):
        assert wanted in drafts[0]
    assert "Review status Final" in finals[0]
    assert all("Draft: Long review — page" in page for page in drafts)  # on every page
    assert not any("Draft" in page for page in finals)
