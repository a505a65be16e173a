"""The content we ship loads cleanly and every node in it is complete and reachable."""

from __future__ import annotations

from guide_app.guide.links import guide_targets
from guide_app.guide.loader import check_content, load_guide
from guide_app.guide.model import HOME_ID, SECTION_IDS, Kind
from guide_app.guide.page import compose
from tests.conftest import CONTENT

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
