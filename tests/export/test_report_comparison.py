"""Report marks: each status its own shape and words, and a comparison that says what changed."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QApplication

from guide_app.export.review_markdown import review_markdown
from guide_app.export.review_pdf import write_pdf
from guide_app.export.review_report import report_html, summary_html
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.store.reviews import Assessment, Review, Status
from tests.helpers import content_kit
from tests.helpers.content_kit import write_content

LABELS = ("Met", "Partly met", "Not met", "Not applicable", "Not assessed")
# The bars' font, as the reports name it.
MONO = ["DejaVu Sans Mono", "Consolas", "Menlo", "Courier New"]

EARLIER = Review(
    id="b" * 32,
    name="Autumn review",
    date="2025-09-01",
    assessments={
        "crit-one": Assessment(Status.PARTLY_MET),
        "crit-two": Assessment(Status.MET),
        "crit-three": Assessment(Status.MET),
    },
)
LATER = Review(
    id="a" * 32,
    name="Spring review",
    date="2026-03-01",
    assessments={
        "crit-one": Assessment(Status.MET),  # improved
        "crit-two": Assessment(Status.NOT_MET),  # worse
        "crit-three": Assessment(Status.MET),  # unchanged
        "crit-four": Assessment(Status.PARTLY_MET),  # newly assessed
    },
)

# The test guide's two criteria and two more, so that every kind of change can be shown.
PRINCIPLES = (
    content_kit.PRINCIPLES
    + "      - id: crit-three\n        text: Notes are shared.\n"
    + "      - id: crit-four\n        text: Plans are written down.\n"
)


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Guide:
    return load_guide(write_content(tmp_path_factory.mktemp("content"), principles=PRINCIPLES))


def plain(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return " ".join(document.toPlainText().split())


def key_glyphs(text: str) -> dict[str, str]:
    """Each status's mark in the key (or legend) to the summary's bars, by its words."""
    key = re.search(r"(?:Key|Bar): (.*?)\.", text)
    assert key, "the summary has no key to its bars"
    marks = [item.split(" ", 1) for item in key.group(1).split(", ")]
    found = {label.capitalize(): glyph for glyph, label in marks}
    assert sorted(found) == sorted(LABELS), found
    return found


def ink(glyph: str) -> set[tuple[int, int]]:
    """The pixels a glyph inks, drawn 64 pixels high in the bars' font."""
    font = QFont()
    font.setFamilies(MONO)
    font.setPixelSize(64)
    image = QImage(48, 80, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("#000000"))
    painter.drawText(QRectF(0, 0, 48, 80), 0, glyph)
    painter.end()
    return {
        (x, y)
        for y in range(80)
        for x, value in enumerate(image.constScanLine(y).tobytes()[:48])
        if value < 128
    }


def test_every_status_has_its_own_shape_never_a_shade_of_another(
    qapp: QApplication, guide: Guide
) -> None:
    glyphs = key_glyphs(plain(summary_html(LATER, guide)))
    assert len(set(glyphs.values())) == len(LABELS)
    # Shades of one pattern (░ ▒ ▓ █) differ only in how dense they are: "partly met" and
    # "not met" as ▓ and ▒ could not be told apart on paper. At most one may be used.
    assert sum(1 for g in glyphs.values() if g in "░▒▓█") <= 1, glyphs
    inked = {label: ink(glyph) for label, glyph in glyphs.items()}
    for a, b in itertools.combinations(LABELS, 2):
        overlap = len(inked[a] & inked[b]) / len(inked[a] | inked[b])
        assert overlap < 0.6, f"{a} ({glyphs[a]}) and {b} ({glyphs[b]}) look alike"


def test_the_comparison_marks_each_change_with_a_symbol_and_words(guide: Guide) -> None:
    markdown = review_markdown(LATER, guide, compared_with=EARLIER)
    rows = {
        line.split(" | ")[0].lstrip("| "): line.split(" | ")[3].rstrip(" |")
        for line in markdown.splitlines()
        if line.startswith("| 1.")
    }
    assert rows == {
        "1.1 People are asked about mood.": "▲ Improved",
        "1.2 Staff know local services.": "▼ Worse",
        "1.3 Notes are shared.": "= Unchanged",
        "1.4 Plans are written down.": "+ Newly assessed",
    }
    assert "Improved: 1. Worse: 1. Unchanged: 1. Newly assessed: 1." in markdown
    for html in (summary_html, report_html):
        text = plain(html(LATER, guide, compared_with=EARLIER))
        for mark in ("▲ Improved", "▼ Worse", "= Unchanged", "+ Newly assessed"):
            assert mark in text


def test_the_comparison_shows_each_status_by_shape_and_words(guide: Guide) -> None:
    report = report_html(LATER, guide, compared_with=EARLIER)
    comparison = report[report.index("Comparison with") : report.index("1. Principle one")]
    row = next(r for r in comparison.split("<tr>") if "Staff know local services" in r)
    before, after = re.findall(r"<td>(.*?)</td>", row)[1:3]
    glyphs = key_glyphs(plain(summary_html(LATER, guide)))
    for cell, label in ((before, "Met"), (after, "Not met")):
        assert plain(cell) == f"{glyphs[label]} {label}"
        assert "color:" in cell  # and its colour on paper, beside the shape and words


def test_changes_only_lists_just_the_criteria_whose_status_changed(guide: Guide) -> None:
    markdown = review_markdown(LATER, guide, compared_with=EARLIER, changes_only=True)
    listed = [line for line in markdown.splitlines() if line.startswith("| 1.")]
    assert [line.split(" | ")[0] for line in listed] == [
        "| 1.1 People are asked about mood.",
        "| 1.2 Staff know local services.",
        "| 1.4 Plans are written down.",
    ]
    assert "(1 unchanged criterion left out)" in markdown
    assert "Unchanged: 1." in markdown  # the counts still cover every criterion
    every = review_markdown(LATER, guide, compared_with=EARLIER)
    assert "| 1.3 Notes are shared. |" in every
    for html in (summary_html, report_html):
        text = plain(html(LATER, guide, compared_with=EARLIER, changes_only=True))
        comparison = text[text.index("Comparison with") :]
        assert "Notes are shared" not in comparison.split("1. Principle one")[0]
        assert "Plans are written down" in comparison


def test_changes_only_with_nothing_changed_says_so(guide: Guide) -> None:
    same = replace(EARLIER, id="c" * 32, name="Same again")
    markdown = review_markdown(same, guide, compared_with=EARLIER, changes_only=True)
    comparison = markdown[markdown.index("## Comparison") : markdown.index("## 1.")]
    assert "No criterion's status changed." in comparison
    assert "| Criterion |" not in comparison


def test_a_changes_only_pdf(qapp: QApplication, guide: Guide, tmp_path: Path) -> None:
    path = tmp_path / "changes.pdf"
    write_pdf(LATER, guide, path, compared_with=EARLIER, changes_only=True)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    comparison = text[text.index("Comparison with") : text.index("1. Principle one")]
    assert "▼ Worse" in comparison
    assert "Notes are shared" not in comparison
