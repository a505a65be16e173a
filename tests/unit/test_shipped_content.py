"""The content we ship loads cleanly and every node in it is complete and reachable."""

from __future__ import annotations

from guide_app.guide.links import guide_targets
from guide_app.guide.load.loader import check_content, load_guide
from guide_app.guide.model import HOME_ID, SECTION_IDS, Kind
from guide_app.guide.page import compose
from tests.helpers.repo import CONTENT

AREA_TITLES = [
    "Local knowledge",
    "Skills and training",
    "Environment and processes",
    "Patient expectations and understanding",
    "Coordination, access and collaboration",
    "Evidence base and business case",
]
PRINCIPLE_TITLES = [
    "Cultivate enabling relationships",
    "Understand and cater to context",
    "Learn together and build a shared understanding",
    "Jointly explore risks, options and expectations",
    "Collaborate across services and agencies",
]


def test_no_errors_and_no_warnings() -> None:
    guide, problems = check_content(CONTENT)
    assert guide is not None
    assert [str(p) for p in problems] == []


def test_verified_titles_in_the_guide_order() -> None:
    guide = load_guide(CONTENT)
    assert [n.title for n in guide.children(guide.nodes["areas"])] == AREA_TITLES
    assert [n.title for n in guide.children(guide.nodes["principles"])] == PRINCIPLE_TITLES


def test_every_node_is_complete() -> None:
    guide = load_guide(CONTENT)
    for node in guide.nodes.values():
        assert node.title.strip(), node.id
        if node.id != HOME_ID and node.kind is not Kind.CRITERION:
            assert node.summary.strip(), node.id
        if node.kind is not Kind.SECTION:
            assert node.basis is not None, node.id
            assert all(s in guide.sources for s in node.sources), node.id
        for target in guide_targets(node.texts()):
            assert target in guide.nodes, f"{node.id} links to {target}"


def test_every_node_is_reachable_from_home_and_renders() -> None:
    guide = load_guide(CONTENT)
    seen = set()
    stack = [HOME_ID]
    while stack:
        node = guide.nodes[stack.pop()]
        if node.id in seen:
            continue
        seen.add(node.id)
        stack.extend(node.children)
    assert seen == set(guide.nodes)
    for node in guide.nodes.values():
        page = compose(guide, node)
        assert page.blocks, node.id
        assert page.title == guide.page_of(node).title


def test_parts_present() -> None:
    guide = load_guide(CONTENT)
    assert set(guide.home.children) <= set(SECTION_IDS)
    assert {"about", "areas", "principles"} <= set(guide.home.children)


def test_the_counts_the_guide_promises() -> None:
    guide = load_guide(CONTENT)
    areas = guide.children(guide.nodes["areas"])
    assert len(areas) == 6
    for area in areas:
        groups = {g.id.split("/")[1]: g for g in guide.children(area)}
        assert len(groups["solutions"].children) >= 4, area.id
        challenges = guide.children(groups["challenges"])
        assert len(challenges) >= 3, area.id
        for challenge in challenges:
            ideas = [
                line for line in challenge.sections[0].body.splitlines() if line.startswith("- ")
            ]
            assert len(ideas) >= 2, challenge.id
        assert len(groups["examples"].children) >= 2, area.id
    assert guide.counts()[Kind.EXAMPLE] >= 8
    assert guide.counts()[Kind.EVIDENCE] >= 8
    for principle in guide.children(guide.nodes["principles"]):
        assert 4 <= len(principle.children) <= 7, principle.id  # 2026.2 added safety criteria
        assert [s.heading for s in principle.sections] == [
            "What it means for people (our reading)",
            "What good looks like",
            "What gets in the way",
            "What is not known",
        ]


def test_every_criterion_points_to_help_and_every_example_is_pointed_to() -> None:
    guide = load_guide(CONTENT)
    helpers = (Kind.ACTION, Kind.EXAMPLE, Kind.EVIDENCE)  # a red flags page helps too
    for node in guide.nodes.values():
        if node.kind is Kind.CRITERION:
            assert any(guide.nodes[r].kind in helpers for r in node.related), node.id
            assert node.sections, f"{node.id} has no evidence prompts"
    pointers = (Kind.AREA, Kind.PRINCIPLE, Kind.CRITERION, Kind.SECTION)
    for node in guide.nodes.values():
        if node.kind is Kind.EXAMPLE:
            linked = [guide.nodes[s] for s in guide.linked_from.get(node.id, ())]
            in_area_group = any(
                node.id in guide.nodes[g].children for g in guide.nodes if g.endswith("/examples")
            )
            assert in_area_group or any(n.kind in pointers for n in linked), node.id


def test_every_source_is_complete() -> None:
    guide = load_guide(CONTENT)
    for source in guide.sources.values():
        assert source.title, source.id
        assert source.publisher, source.id
        assert source.checked or source.accessed, f"{source.id} has no date read or checked"
        assert source.kind, f"{source.id} does not say what kind of source it is"


def test_about_covers_what_a_clinician_must_know() -> None:
    guide = load_guide(CONTENT)
    about = " ".join(" ".join(n.texts()) for n in guide.children(guide.nodes["about"])).lower()
    for needed in (
        "not produced or endorsed",
        "professional judgement",
        "120",
        "2026.2",
        "cite",
        "report",
    ):
        assert needed in about, needed


def test_no_placeholder_words() -> None:
    import re

    pattern = re.compile(r"\b(lorem|ipsum|todo|tbd|placeholder|fixme|coming soon)\b", re.I)
    for path in CONTENT.rglob("*.yaml"):
        found = pattern.search(path.read_text(encoding="utf-8"))
        assert found is None, f"{path.name}: {found.group(0) if found else ''}"
