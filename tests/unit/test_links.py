"""Finding links in Markdown, judging their schemes, and building "linked from"."""

from __future__ import annotations

from pathlib import Path

from guide_app.guide.links import find_links, guide_targets, link_problem
from guide_app.guide.load.loader import load_guide
from tests.helpers.content_kit import write_content


def test_finds_inline_links_images_and_autolinks_with_offsets() -> None:
    text = 'See [a](guide:x) and ![i](pic.png "t") or <https://nhs.uk> [b]( guide:y )'
    links = list(find_links(text))
    assert [(link.target, link.image) for link in links] == [
        ("guide:x", False),
        ("pic.png", True),
        ("guide:y", False),
        ("https://nhs.uk", False),
    ]
    assert text[links[0].offset :].startswith("[a]")
    assert [link.guide_id for link in links] == ["x", None, "y", None]


def test_link_problems() -> None:
    def problem(text: str) -> str | None:
        return link_problem(next(find_links(text)))

    assert problem("[a](guide:x)") is None
    assert problem("[a](https://www.nice.org.uk/guidance/ng59)") is None
    assert problem("[a](mailto:team@example.org)") is None
    assert "javascript" in (problem("[a](javascript:alert(1))") or "")
    assert "no scheme" in (problem("[a](other.html)") or "")
    assert "images" in (problem("![a](https://x.org/a.png)") or "")


def test_guide_targets_keep_order_without_repeats() -> None:
    assert guide_targets(["[a](guide:b) [c](guide:a)", "[d](guide:b)"]) == ["b", "a"]


def test_linked_from_counts_text_and_curated_links_but_not_the_tree(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    # alpha's body links to ex-one; principle-one lists it under helps; crit-two too.
    assert guide.linked_from["ex-one"] == ("alpha", "principle-one", "crit-two")
    # about-page links to alpha; beta does not link anywhere.
    assert guide.linked_from["alpha"] == ("about-page",)
    assert "beta" in guide.linked_from  # alpha's body links to beta
    # The area's own group does not count as "linked from" for its action.
    assert "alpha/solutions" not in guide.linked_from.get("act-one", ())
