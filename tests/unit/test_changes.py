"""changes.yaml: each edition's changes, checked at file:line, carried through the cache, shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide_app.guide.load.loader import check_content, load_guide
from guide_app.guide.model import CHANGES_ID, Change, Guide, Node
from guide_app.guide.page import compose
from guide_app.guide.plain import NotAGuideError, from_plain, to_plain
from tests.helpers.content_kit import CHANGES, write_content
from tests.helpers.repo import CONTENT

CURRENT = 'edition: "1"'  # the kit's current edition, as changes.yaml lists it


def html_of(guide: Guide, node: Node) -> str:
    """The page's own HTML and Markdown, joined (what the reader renders)."""
    return "".join(b.text for b in compose(guide, node, today="2026-06-01").blocks)


def errors(root: Path) -> list[str]:
    """Each problem as 'changes.yaml:line: message' (the file's own name, not its folder)."""
    _guide, problems = check_content(root)
    return [f"{Path(p.file).name}:{p.line}: {p.message}" for p in problems]


def line_of(text: str, wanted: str) -> int:
    """The 1-based line of the first line of `text` holding `wanted`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if wanted in line)


def test_editions_are_read_current_first_with_their_changes(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path, changes=CHANGES))
    dated = [(e.number, e.date) for e in guide.editions]
    assert dated == [("1", "2026-01-01"), ("0", "2025-06-01")]
    assert guide.editions[0].changes == (
        Change("ev-one", "added", "New page on a guideline."),
        Change("old-alpha", "updated", "Corrected the first paragraph."),
        Change("gone-page", "removed", "Merged into the alpha area."),
    )
    assert guide.editions[1].note == "The first edition."
    assert guide.change_of(guide.nodes["alpha"]) == guide.editions[0].changes[1]  # a former id
    assert guide.change_of(guide.nodes["beta"]) is None


def test_the_changes_page_is_last_under_about_and_links_each_page_still_there(
    tmp_path: Path,
) -> None:
    guide = load_guide(write_content(tmp_path, changes=CHANGES))
    page = guide.nodes[CHANGES_ID]
    assert page.parent == "about"
    assert guide.nodes["about"].children[-1] == CHANGES_ID
    assert guide.reading_order[guide.reading_order.index("about-page") + 1] == CHANGES_ID
    body = page.body
    assert body.index("Edition 1") < body.index("Edition 0")  # the current edition first
    assert "[Alpha area](guide:alpha): Corrected the first paragraph\\." in body
    assert "[Evidence one](guide:ev-one)" in body
    assert "- gone\\-page: Merged into the alpha area\\." in body  # removed: plain text
    assert "guide:gone-page" not in body
    assert "gone-page" not in guide.linked_from.get("alpha", ())
    assert CHANGES_ID not in guide.linked_from.get("alpha", ())  # not "linked from" everywhere


def test_without_changes_yaml_there_is_no_changes_page(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path))
    assert guide.editions == ()
    assert CHANGES_ID not in guide.nodes
    assert "what's changed" not in html_of(guide, guide.home)


def test_a_content_page_may_link_to_the_changes_page(tmp_path: Path) -> None:
    evidence = "title: E\nsummary: S.\nbasis: editorial\nbody: See [it](guide:whats-changed).\n"
    root = write_content(tmp_path, changes=CHANGES, evidence__ev_one=evidence)
    assert errors(root) == []


def test_a_change_naming_no_page_is_reported_at_its_line(tmp_path: Path) -> None:
    text = CHANGES.replace("page: old-alpha", "page: no-such-page")
    root = write_content(tmp_path, changes=text)
    assert errors(root) == [
        (
            f"changes.yaml:{line_of(text, 'no-such-page')}: no page 'no-such-page' in the guide: "
            "check the id, or say the page was removed"
        )
    ]


def test_an_unknown_change_kind_is_reported_at_its_line(tmp_path: Path) -> None:
    text = CHANGES.replace("change: updated", "change: rewritten")
    root = write_content(tmp_path, changes=text)
    assert errors(root) == [
        (
            f"changes.yaml:{line_of(text, 'rewritten')}: 'change' should be one of: added, "
            "updated, removed, got 'rewritten'"
        )
    ]


def test_a_change_without_a_reason_is_reported(tmp_path: Path) -> None:
    text = CHANGES.replace("        reason: New page on a guideline.\n", "")
    root = write_content(tmp_path, changes=text)
    assert errors(root) == [
        (
            f"changes.yaml:{line_of(text, 'page: ev-one')}: change is missing the required key "
            "'reason'"
        )
    ]


def test_the_current_edition_missing_is_reported(tmp_path: Path) -> None:
    text = CHANGES.replace('edition: "1"', 'edition: "0.5"')
    root = write_content(tmp_path, changes=text)
    assert errors(root) == [
        (
            f"changes.yaml:{line_of(text, 'editions:')}: the current edition '1' (guide.yaml) "
            "is not listed: say what changed in it"
        )
    ]


def test_an_edition_listed_twice_is_reported_at_the_second(tmp_path: Path) -> None:
    text = CHANGES.replace('edition: "0"', 'edition: "1"')
    root = write_content(tmp_path, changes=text)
    second = [n for n, line in enumerate(text.splitlines(), 1) if CURRENT in line][1]
    assert errors(root) == [
        (
            f"changes.yaml:{second}: edition '1' is listed twice (first at line "
            f"{line_of(text, CURRENT)})"
        )
    ]


def test_the_current_edition_dated_otherwise_than_guide_yaml_is_reported(tmp_path: Path) -> None:
    text = CHANGES.replace("date: 2026-01-01", "date: 2026-02-01")
    root = write_content(tmp_path, changes=text)
    assert errors(root) == [
        (
            f"changes.yaml:{line_of(text, CURRENT)}: edition '1' is dated 2026-02-01 here "
            "but 2026-01-01 in guide.yaml"
        )
    ]


def test_a_page_changed_in_this_edition_says_so_beside_its_dates(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path, changes=CHANGES))
    alpha = html_of(guide, guide.nodes["alpha"])
    assert (
        "Next review due 1 January 2099.<br><b>Updated in 1:</b> Corrected the first paragraph. "
        '(<a href="guide:whats-changed">what\'s changed</a>)' in alpha
    )
    assert "<b>New in 1:</b> New page on a guideline." in html_of(guide, guide.nodes["ev-one"])
    beta = html_of(guide, guide.nodes["beta"])
    assert "Updated in" not in beta
    assert "New in" not in beta
    home = html_of(guide, guide.home)
    assert '(<a href="guide:whats-changed">what\'s changed in this edition</a>)' in home


def test_editions_survive_the_compiled_cache_and_a_bad_kind_is_refused(tmp_path: Path) -> None:
    guide = load_guide(write_content(tmp_path, changes=CHANGES))
    plain = json.loads(json.dumps(to_plain(guide)))
    again = from_plain(plain)
    assert again.editions == guide.editions
    assert again.nodes[CHANGES_ID] == guide.nodes[CHANGES_ID]
    plain[13][0][3][0][1] = "rewritten"
    with pytest.raises(NotAGuideError):
        from_plain(plain)
    plain[13] = {"not": "a list"}
    with pytest.raises(NotAGuideError):
        from_plain(plain)


def test_the_shipped_content_lists_its_current_edition_and_the_new_about_page() -> None:
    guide = load_guide(CONTENT)
    current = guide.editions[0]
    assert (current.number, current.date) == (guide.edition, guide.date)
    assert (
        Change(
            "about-this-content",
            "added",
            "New page on who publishes the content, its licence, how it is checked and reviewed, "
            "and why the guide is not a medical device.",
        )
        in current.changes
    )
    assert [e.number for e in guide.editions] == ["2026.2", "2026.1"]
