"""Composing a page: breadcrumb, basis and sources, sections, criteria and links."""

from __future__ import annotations

from pathlib import Path

from guide_app.guide.load.loader import check_content, load_guide
from guide_app.guide.page import compose, md_escape
from tests.helpers.content_kit import write_content


def html_of(page_blocks: tuple) -> str:  # type: ignore[type-arg]
    return "\n".join(b.text for b in page_blocks)


def test_action_page_has_breadcrumb_basis_and_sources(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    page = compose(guide, guide.nodes["act-two"])
    text = html_of(page.blocks)
    assert page.title == "Do another thing"
    assert (
        '<a href="guide:home">Home</a> › <a href="guide:areas">Problem areas</a> › '
        '<a href="guide:alpha">Alpha area</a> › <a href="guide:alpha/solutions">' in text
    )
    assert '<p class="kind">Potential solution</p>' in text
    assert "From national guidance or policy" in text
    assert '<a href="#src-src-two">1</a>' in text
    assert '<a name="src-src-two"></a><b>Source two</b>. Publisher two.' in text


def test_area_page_lists_each_group(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    blocks = compose(guide, guide.nodes["alpha"]).blocks
    text = html_of(blocks)
    for heading in ("Potential solutions", "Challenges and how to overcome them", "Examples"):
        assert f"<h2>{heading}</h2>" in text
    assert "- [Do one thing](guide:act-one) — A first action." in text
    assert any(b.kind == "markdown" and "First paragraph." in b.text for b in blocks)


def test_criterion_opens_its_principle_at_an_anchor(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    page = compose(guide, guide.nodes["crit-two"])
    text = html_of(page.blocks)
    assert page.node_id == "principle-one"
    assert page.anchor == "crit-two"
    assert '<h3><a name="crit-two"></a>Staff know local services.</h3>' in text
    assert '<b>Helps:</b> <a href="guide:act-one">Do one thing</a>' in text
    assert "<h2>What helps</h2>" in text


def test_example_facts_and_linked_from(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    text = html_of(compose(guide, guide.nodes["ex-one"]).blocks)
    assert "<tr><th>Where</th><td>A town</td></tr>" in text
    assert "<h2>Linked from</h2>" in text
    # crit-two links here; it is shown as its principle, once.
    assert text.count("guide:principle-one") == 1


def test_titles_are_escaped(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, areas__beta="title: <b>Beta</b> & [x]\nsummary: S.\nbasis: editorial\n"
    )
    guide, problems = check_content(root)  # refused (no markup in titles), yet shown safely
    assert guide is not None
    assert [p.line for p in problems] == [1]
    assert "<h1>&lt;b&gt;Beta&lt;/b&gt; &amp; [x]</h1>" in html_of(
        compose(guide, guide.nodes["beta"]).blocks
    )
    assert md_escape("[x] *y*") == r"\[x\] \*y\*"


def test_home_page_shows_edition(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    text = html_of(compose(guide, guide.home).blocks)
    assert '<p class="meta">Edition 1, 1 January 2026. All 9 pages are within' in text
    assert "<h2>In this part</h2>" in text


def test_every_page_says_when_it_was_reviewed_and_is_due(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    alpha = guide.nodes["alpha"]
    assert (alpha.reviewed, alpha.review_due) == ("2026-01-01", "2099-01-01")  # the edition's
    text = html_of(compose(guide, alpha, today="2026-06-01").blocks)
    assert "Last reviewed 1 January 2026 · Next review due 1 January 2099." in text
    assert "Past its review date" not in text


def test_a_page_past_its_review_date_says_so_and_is_still_shown_whole(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    later = html_of(compose(guide, guide.nodes["alpha"], today="2099-01-02").blocks)
    assert "⚠ Past its review date</b> (1 January 2099)" in later
    assert "The first area." in later  # never a lock-out: the page is all there
    home = html_of(compose(guide, guide.home, today="2099-01-02").blocks)
    assert "9 pages are past their review date" in home
