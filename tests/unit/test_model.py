"""The loaded Guide: structure, guide order, aliases, and generated overviews."""

from __future__ import annotations

from pathlib import Path

from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import HOME_ID, Basis, Kind
from tests.helpers.content_kit import BETA, write_content


def test_structure_and_order(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    assert guide.home.children == ("about", "areas", "principles", "examples", "evidence")
    assert guide.nodes["alpha"].children == (
        "alpha/solutions",
        "alpha/challenges",
        "alpha/examples",
    )
    assert guide.nodes["alpha/examples"].children == ("ex-one",)
    assert guide.nodes["ex-one"].parent == "examples"  # its home is the Examples part
    assert guide.nodes["beta"].children == ()  # no empty groups
    assert list(guide.nodes)[:6] == [
        HOME_ID,
        "about",
        "about-page",
        "areas",
        "alpha",
        "alpha/solutions",
    ]
    assert guide.nodes["principle-one"].children == ("crit-one", "crit-two")


def test_kind_specific_parts(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    example = guide.nodes["ex-one"]
    assert example.kind is Kind.EXAMPLE
    assert example.facts == (("Who", "A team"), ("Where", "A town"), ("When", "2019"))
    assert [s.heading for s in example.sections] == [
        "What they did",
        "What happened",
        "What others can learn",
    ]
    challenge = guide.nodes["chal-one"]
    assert challenge.sections[0].heading == "How to overcome it"
    assert challenge.sections[0].body.splitlines()[1] == "- Ask for help."
    criterion = guide.nodes["crit-one"]
    assert criterion.title == "People are asked about mood."
    assert criterion.basis is Basis.EDITORIAL
    assert guide.page_of(criterion).id == "principle-one"


def test_aliases_resolve_and_ancestors(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    assert guide.resolve("old-alpha") is guide.nodes["alpha"]
    assert "old-alpha" in guide
    assert guide.resolve("nothing") is None
    assert [a.id for a in guide.ancestors(guide.nodes["act-one"])] == [
        HOME_ID,
        "areas",
        "alpha",
        "alpha/solutions",
    ]


def test_empty_parts_are_left_out(tmp_path: Path) -> None:
    root = write_content(tmp_path, evidence__ev_one=None)
    (root / "evidence" / "ev-one.yaml").unlink(missing_ok=True)
    (root / "guide.yaml").write_text(
        (root / "guide.yaml").read_text().replace("evidence: [ev-one]", "evidence: []")
    )
    guide = load_guide(root)
    assert "evidence" not in guide.home.children
    assert "evidence" not in guide.nodes


def test_counts_leave_out_overviews(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path, areas__beta=BETA))
    counts = guide.counts()
    assert counts[Kind.AREA] == 2
    assert counts[Kind.SECTION] == 0
    assert Kind.AREA.counted(1) == "1 problem area"
    assert Kind.CRITERION.counted(2) == "2 review criteria"
