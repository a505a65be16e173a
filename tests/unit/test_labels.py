"""Labels a clinician can trust: basis per part, research apart from guidance, dated sources."""

from __future__ import annotations

from pathlib import Path

from guide_app.guide.compiled import load_guide_cached
from guide_app.guide.load.loader import check_content, load_guide
from guide_app.guide.model import Basis
from guide_app.guide.page import compose
from guide_app.guide.plain import from_plain, to_plain
from tests.helpers.content_kit import write_content
from tests.helpers.labelled_content import KINDS, labelled_content


def _html(guide_dir: Path, node_id: str) -> str:
    guide = load_guide(guide_dir)
    return "\n".join(block.text for block in compose(guide, guide[node_id]).blocks)


def test_the_new_fields_pass_the_checker(tmp_path: Path) -> None:
    guide, problems = check_content(labelled_content(tmp_path))
    assert problems == []
    assert guide is not None


def test_how_to_start_carries_its_own_basis_on_a_project_page(tmp_path: Path) -> None:
    content = labelled_content(tmp_path)
    guide = load_guide(content)
    action = guide["act-one"]
    assert action.basis is Basis.PROJECT
    start = next(s for s in action.sections if s.heading == "How to start")
    assert start.basis is Basis.EDITORIAL
    assert start.body == "- Book a first meeting.\n- Agree one change."
    page = _html(content, "act-one")
    assert page.index("From the Q Lab and Mind project") < page.index("<h2>How to start</h2>")
    after = page.split("<h2>How to start</h2>", 1)[1]
    assert after.startswith('\n<p class="basis"><b>Basis:</b> Our own editorial suggestion')


def test_what_is_not_known_is_one_box_at_the_end(tmp_path: Path) -> None:
    guide = load_guide(labelled_content(tmp_path))
    sections = guide["act-one"].sections
    assert [s.heading for s in sections] == ["How to start", "What is not known"]
    assert sections[-1].body == "Whether it lasted is not known."


def test_research_is_labelled_apart_from_guidance(tmp_path: Path) -> None:
    content = labelled_content(tmp_path)
    assert load_guide(content)["ev-one"].basis is Basis.RESEARCH
    page = _html(content, "ev-one")
    assert "From published research" in page
    assert "not guidance" in page
    assert "national guidance" not in page


def test_a_source_says_what_it_is_and_what_each_date_means(tmp_path: Path) -> None:
    page = _html(labelled_content(tmp_path), "alpha")
    assert "Randomised trial." in page
    assert "page read 2026-12-04" in page
    assert "our wording checked against our notes 2026-11-26" in page
    assert "(checked 2026" not in page


def test_each_criterion_shows_how_to_rate_it_and_what_to_look_at(tmp_path: Path) -> None:
    guide = load_guide(labelled_content(tmp_path))
    one = {s.heading: s.body for s in guide["crit-one"].sections}
    assert one["What to look at"] == "Ten consecutive first appointments from one month."
    assert one["How to rate it"] == (
        "- **Met:** At least 8 in 10 of the sample.\n"
        "- **Partly met:** 5 to 7 in 10.\n"
        "- **Not met:** Fewer than 5 in 10, or no evidence."
    )
    two = {s.heading: s.body for s in guide["crit-two"].sections}
    assert two["How to rate it"].startswith(
        "- **Met:** A written list exists and is dated within the year.\n- **Partly met:** 5 to 7"
    )


def test_a_bad_source_kind_is_reported_at_its_line(tmp_path: Path) -> None:
    content = write_content(
        tmp_path / "content", sources=KINDS.replace("kind: trial", "kind: rumour")
    )
    _guide, problems = check_content(content)
    assert [p.line for p in problems] == [7]
    assert "'kind' should be one of: guideline, policy, trial" in problems[0].message


def test_the_new_parts_survive_the_compiled_cache(tmp_path: Path) -> None:
    content = labelled_content(tmp_path)
    fresh = load_guide(content)
    assert from_plain(to_plain(fresh)) == fresh
    load_guide_cached(content, tmp_path / "data" / "cache")
    cached = load_guide_cached(content, tmp_path / "data" / "cache")
    assert cached == fresh
    assert cached.sources["src-one"].kind == "trial"
    assert cached["act-one"].sections[0].basis is Basis.EDITORIAL
