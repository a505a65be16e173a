"""The small content folder with the labels a clinician reads: basis per part, rating, kinds."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.content_kit import ALPHA, EVIDENCE, PRINCIPLES, SOURCES, write_content

START = ALPHA.replace(
    "    basis: editorial\n",
    "    basis: project\n    sources: [src-one]\n"
    "    how_to_start:\n      - Book a first meeting.\n      - Agree one change.\n"
    "    not_known: Whether it lasted is not known.\n",
    1,
)
RATED = (
    "rating:\n"
    "  met: At least 8 in 10 of the sample.\n"
    "  partly_met: 5 to 7 in 10.\n"
    "  not_met: Fewer than 5 in 10, or no evidence.\n"
    + PRINCIPLES.replace(
        "        evidence: [An audit of records.]\n",
        "        evidence: [An audit of records.]\n"
        "        sample: Ten consecutive first appointments from one month.\n",
    ).replace(
        "        text: Staff know local services.\n",
        "        text: Staff know local services.\n"
        "        met: A written list exists and is dated within the year.\n",
    )
)
KINDS = SOURCES.replace(
    "    url: https://example.org/one\n",
    "    url: https://example.org/one\n    kind: trial\n    accessed: 2026-12-04\n"
    "    checked: 2026-11-26\n",
)


def labelled_content(tmp_path: Path) -> Path:
    return write_content(
        tmp_path / "content",
        areas__alpha=START,
        principles=RATED,
        sources=KINDS,
        evidence__ev_one=EVIDENCE.replace("basis: guidance", "basis: research"),
    )
