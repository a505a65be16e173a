"""Write small, valid content folders for tests, which each test then breaks in one way."""

from __future__ import annotations

import textwrap
from pathlib import Path

GUIDE = """\
title: Test guide
summary: A guide for tests.
edition: "1"
date: 2026-01-01
licence: CC BY 4.0
sections:
  about:
    title: About
    summary: About the guide.
  areas:
    title: Problem areas
    summary: The areas.
  principles:
    title: Principles
    summary: The principles.
  examples:
    title: Examples
    summary: The examples.
  evidence:
    title: Evidence
    summary: The evidence.
areas: [alpha, beta]
examples: [ex-one]
evidence: [ev-one]
about:
  - id: about-page
    title: About page
    summary: What this is.
    basis: editorial
    body: |
      Read [alpha](guide:alpha).
review_due: 2099-01-01
"""

ALPHA = """\
title: Alpha area
summary: The first area.
basis: project
sources: [src-one]
aliases: [old-alpha]
body: |
  First paragraph.

  See [the example](guide:ex-one) and [beta](guide:beta).
actions:
  - id: act-one
    title: Do one thing
    summary: A first action.
    basis: editorial
  - id: act-two
    title: Do another thing
    summary: A second action.
    basis: guidance
    sources: [src-two]
challenges:
  - id: chal-one
    title: It is hard
    summary: A challenge.
    basis: editorial
    overcoming:
      - Try [act one](guide:act-one).
      - Ask for help.
examples: [ex-one]
"""

BETA = """\
title: Beta area
summary: The second area.
basis: editorial
"""

EXAMPLE = """\
title: Example one
summary: A service that tried something.
basis: project
sources: [src-one]
who: A team
where: A town
when: "2019"
what_they_did: They tried a thing.
what_happened: It partly worked.
learning: Start small.
"""

EVIDENCE = """\
title: Evidence one
summary: Some context.
basis: guidance
sources: [src-two]
body: |
  A guideline says something.
"""

PRINCIPLES = """\
principles:
  - id: principle-one
    title: Principle one
    summary: The first principle.
    basis: editorial
    means: It means this.
    helps: [act-one, ex-one]
    criteria:
      - id: crit-one
        text: People are asked about mood.
        evidence: [An audit of records.]
        helps: [act-one]
      - id: crit-two
        text: Staff know local services.
        helps: [ex-one]
"""

SOURCES = """\
sources:
  - id: src-one
    title: Source one
    publisher: Publisher one
    date: 2019-11
    url: https://example.org/one
  - id: src-two
    title: Source two
    publisher: Publisher two
"""

# Not in FILES (the guide loads without a changes.yaml): pass changes=CHANGES to write_content.
CHANGES = """\
editions:
  - edition: "1"
    date: 2026-01-01
    note: This edition adds an evidence page.
    changes:
      - page: ev-one
        change: added
        reason: New page on a guideline.
      - page: old-alpha
        change: updated
        reason: Corrected the first paragraph.
      - page: gone-page
        change: removed
        reason: Merged into the alpha area.
  - edition: "0"
    date: 2025-06-01
    note: The first edition.
"""

FILES = {
    "guide.yaml": GUIDE,
    "areas/alpha.yaml": ALPHA,
    "areas/beta.yaml": BETA,
    "examples/ex-one.yaml": EXAMPLE,
    "evidence/ev-one.yaml": EVIDENCE,
    "principles.yaml": PRINCIPLES,
    "sources.yaml": SOURCES,
}


def write_content(root: Path, **changes: str | None) -> Path:
    """Write the test content under `root`; `changes` replace (or, with None, drop) files.

    Keys name files with "/" written as "__", "-" as "_" and ".yaml" dropped, e.g.
    evidence__ev_one="..." for evidence/ev-one.yaml.
    """
    files = dict(FILES)
    for key, text in changes.items():
        name = key.replace("__", "/").replace("_", "-") + ".yaml"
        if text is None:
            files.pop(name, None)
        else:
            files[name] = textwrap.dedent(text)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in ("areas", "examples", "evidence"):
        (root / folder).mkdir(exist_ok=True)
    return root
