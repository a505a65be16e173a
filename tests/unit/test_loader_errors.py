"""Each kind of bad content is reported as file:line: message, and every problem is collected."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_app.guide.load.loader import check_content, load_guide
from guide_app.guide.problems import ContentError, Severity
from tests.helpers.content_kit import ALPHA, GUIDE, write_content


def problems_of(root: Path) -> list[str]:
    _, problems = check_content(root)
    return [str(p) for p in problems]


def errors_of(root: Path) -> list[str]:
    _, problems = check_content(root)
    return [str(p) for p in problems if p.severity is Severity.ERROR]


def test_valid_content_has_no_problems(tmp_path: Path) -> None:
    assert problems_of(write_content(tmp_path)) == []


def test_unknown_key_is_reported_with_its_line_and_a_suggestion(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, areas__beta="title: Beta area\nsumary: Typo.\nbasis: editorial\n"
    )
    found = errors_of(root)
    beta = tmp_path / "areas" / "beta.yaml"
    assert f"{beta}:2: unknown key 'sumary' in problem area (did you mean 'summary'?)" in found
    assert f"{beta}:1: problem area is missing the required key 'summary'" in found


def test_missing_required_field_names_the_mapping_line(tmp_path: Path) -> None:
    root = write_content(tmp_path, evidence__ev_one=None)
    (tmp_path / "evidence" / "ev-one.yaml").write_text(
        "title: Evidence one\nsummary: Context.\nbasis: guidance\nsources: [src-two]\n"
    )
    found = errors_of(root)
    assert found == [
        (
            f"{tmp_path / 'evidence' / 'ev-one.yaml'}:1: evidence page is missing the "
            "required key 'body'"
        )
    ]


def test_wrong_type_says_what_was_found(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: 2019\nsummary: S.\nbasis: editorial\n")
    assert errors_of(root) == [
        (
            f"{tmp_path / 'areas' / 'beta.yaml'}:1: 'title' should be text, "
            "got a number (2019); put text in quotes"
        )
    ]


def test_yes_is_not_silently_true(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: yes\nsummary: S.\nbasis: editorial\n")
    assert "got true/false (true); put text in quotes" in errors_of(root)[0]


def test_empty_text_is_an_error(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: Beta\nsummary: '   '\nbasis: editorial\n")
    assert errors_of(root) == [
        (
            f"{tmp_path / 'areas' / 'beta.yaml'}:2: 'summary' is empty: write "
            "the text or remove the key"
        )
    ]


def test_bad_basis_value(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: Beta\nsummary: S.\nbasis: opinion\n")
    assert errors_of(root) == [
        (
            f"{tmp_path / 'areas' / 'beta.yaml'}:3: 'basis' should be one of: "
            "project, guidance, research, editorial, got 'opinion'"
        )
    ]


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        evidence__ev_one="""\
        title: Evidence one
        summary: Context.
        basis: editorial
        body: Text.
        aliases: [act-one]
    """,
    )
    found = errors_of(root)
    assert len(found) == 1
    assert found[0].startswith(
        f"{tmp_path / 'evidence' / 'ev-one.yaml'}:1: duplicate former id "
        f"'act-one' (already used at {tmp_path / 'areas' / 'alpha.yaml'}:"
    )


def test_duplicate_action_id(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        areas__beta="""\
        title: Beta
        summary: S.
        basis: editorial
        actions:
          - id: act-one
            title: Again
            summary: Same id as in alpha.
            basis: editorial
    """,
    )
    found = errors_of(root)
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'areas' / 'beta.yaml'}:5: duplicate id 'act-one'")


def test_broken_link_reports_the_line_inside_a_block(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__alpha=ALPHA.replace("guide:beta", "guide:gamma"))
    # body: | is on line 6; its text starts on 7; the link is on the third line of the text.
    assert errors_of(root) == [
        f"{tmp_path / 'areas' / 'alpha.yaml'}:9: broken link: no page with id 'gamma'"
    ]


def test_link_in_a_list_item_reports_that_item_line(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__alpha=ALPHA.replace("guide:act-one)", "guide:nope)"))
    assert errors_of(root) == [
        f"{tmp_path / 'areas' / 'alpha.yaml'}:26: broken link: no page with id 'nope'"
    ]


def test_unknown_source(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__alpha=ALPHA.replace("[src-one]", "[src-nine]"))
    assert errors_of(root) == [
        f"{tmp_path / 'areas' / 'alpha.yaml'}:4: unknown source 'src-nine' (not in sources.yaml)"
    ]


def test_project_basis_needs_sources(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: Beta\nsummary: S.\nbasis: project\n")
    assert errors_of(root) == [
        (
            f"{tmp_path / 'areas' / 'beta.yaml'}:3: 'beta' has basis 'project' "
            "but no sources; cite them in 'sources'"
        )
    ]


def test_wrong_kind_in_examples(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, areas__alpha=ALPHA.replace("examples: [ex-one]", "examples: [ex-one, act-two]")
    )
    assert errors_of(root) == [
        (
            f"{tmp_path / 'areas' / 'alpha.yaml'}:28: 'examples' names "
            "'act-two', a potential solution; expected an example"
        )
    ]


def test_yaml_syntax_error_line(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: Beta\nsummary: [unclosed\nbasis: x\n")
    found = errors_of(root)
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'areas' / 'beta.yaml'}:")
    assert "YAML syntax error" in found[0]


def test_duplicate_key(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, areas__beta="title: Beta\nsummary: S.\nbasis: editorial\ntitle: Again\n"
    )
    assert errors_of(root) == [
        f"{tmp_path / 'areas' / 'beta.yaml'}:4: duplicate key 'title' (first given on line 1)"
    ]


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    root = write_content(
        tmp_path,
        areas__beta=(
            "title: !!python/object/apply:os.system ['touch " + str(marker) + "']\n"
            "summary: S.\nbasis: editorial\n"
        ),
    )
    found = errors_of(root)
    assert (
        f"{tmp_path / 'areas' / 'beta.yaml'}:1: the YAML tag !!python/object/apply:os.system "
        "is not allowed in content files" in found
    )
    assert not marker.exists()


def test_recursive_alias_is_reported_not_looped(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, areas__beta="title: Beta\nsummary: S.\nbasis: editorial\naliases: &a [*a]\n"
    )
    assert any("recursive" in p or "should be" in p for p in errors_of(root))


def test_file_not_listed_and_listed_file_missing(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    (tmp_path / "areas" / "stray.yaml").write_text("title: Stray\n")
    (tmp_path / "areas" / "beta.yaml").unlink()
    found = errors_of(root)
    assert (
        f"{tmp_path / 'areas' / 'stray.yaml'}:1: not listed under 'areas' in guide.yaml, so "
        "it would never be shown" in found
    )
    assert (
        f"{tmp_path / 'guide.yaml'}:22: 'areas' lists 'beta' but there is no areas/beta.yaml"
        in found
    )


def test_reserved_id(tmp_path: Path) -> None:
    root = write_content(tmp_path, guide=GUIDE.replace("id: about-page", "id: evidence"))
    found = errors_of(root)
    assert len(found) == 1
    assert "the id 'evidence' is reserved" in found[0]


def test_disallowed_link_schemes_and_images(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        areas__beta="""\
        title: Beta
        summary: S.
        basis: editorial
        body: |
          [a](javascript:alert(1)) [b](file:///etc/passwd) ![c](http://x.org/c.png) [d](page.html)
    """,
    )
    found = " | ".join(errors_of(root))
    assert "uses 'javascript:'" in found
    assert "uses 'file:'" in found
    assert "images are not shown" in found
    assert "has no scheme" in found


def test_not_utf8(tmp_path: Path) -> None:
    root = write_content(tmp_path)
    (tmp_path / "areas" / "beta.yaml").write_bytes(b"title: Beta\nsummary: caf\xe9\n")
    found = errors_of(root)
    assert found[0].startswith(f"{tmp_path / 'areas' / 'beta.yaml'}:2: the file is not valid UTF-8")


def test_every_problem_is_collected_not_just_the_first(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        areas__beta="title: Beta\nsumary: S.\nbasis: opinion\n",
        areas__alpha=ALPHA.replace("guide:beta", "guide:gamma").replace("[src-one]", "[nine]"),
    )
    found = errors_of(root)
    assert len(found) >= 5
    assert any("unknown key 'sumary'" in p for p in found)
    assert any("'basis' should be one of" in p for p in found)
    assert any("broken link" in p for p in found)
    assert any("unknown source 'nine'" in p for p in found)


def test_load_guide_raises_with_all_problems(tmp_path: Path) -> None:
    root = write_content(tmp_path, areas__beta="title: Beta\nsumary: S.\nbasis: opinion\n")
    with pytest.raises(ContentError) as caught:
        load_guide(root)
    assert len(caught.value.problems) == 3


def test_warnings_do_not_stop_loading(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        areas__alpha=ALPHA.replace("examples: [ex-one]\n", "").replace(
            "guide:ex-one", "guide:act-one"
        ),
        principles="""\
        principles:
          - id: principle-one
            title: Principle one
            summary: S.
            basis: editorial
    """,
    )
    guide = load_guide(root)
    shown = [str(w) for w in guide.warnings]
    assert (
        f"{tmp_path / 'examples' / 'ex-one.yaml'}:1: warning: example 'ex-one' is not linked "
        "from any problem area or principle" in shown
    )


def test_unused_source_warns(tmp_path: Path) -> None:
    root = write_content(
        tmp_path,
        sources=(
            "sources:\n  - id: src-one\n    title: One\n    publisher: P\n"
            "  - id: src-two\n    title: Two\n    publisher: P\n"
            "  - id: src-three\n    title: Three\n    publisher: P\n"
        ),
    )
    assert problems_of(root) == [
        f"{tmp_path / 'sources.yaml'}:8: warning: source 'src-three' is not cited anywhere"
    ]


def test_link_to_a_former_id_warns_and_resolves(tmp_path: Path) -> None:
    root = write_content(
        tmp_path, areas__beta="title: Beta\nsummary: See [a](guide:old-alpha).\nbasis: editorial\n"
    )
    guide = load_guide(root)
    assert [str(w) for w in guide.warnings] == [
        (
            f"{tmp_path / 'areas' / 'beta.yaml'}:2: warning: link to former id 'old-alpha'; write "
            "guide:alpha"
        )
    ]
    assert guide.resolve("old-alpha") is guide.nodes["alpha"]


def test_missing_content_folder(tmp_path: Path) -> None:
    guide, problems = check_content(tmp_path / "nowhere")
    assert guide is None
    assert [p.message for p in problems] == ["no content folder here"]


def test_an_impossible_or_backward_review_date_is_reported_at_its_line(tmp_path: Path) -> None:
    beta = (
        "title: Beta area\nsummary: The second.\nbasis: editorial\n"
        "reviewed: 2026-02-30\nreview_due: 2027-03\n"
    )
    found = errors_of(write_content(tmp_path, areas__beta=beta))
    path = tmp_path / "areas" / "beta.yaml"
    assert f"{path}:4: cannot read the value '2026-02-30': day is out of range for month" in found
    assert f"{path}:5: 'review_due' should be a day written YYYY-MM-DD, got '2027-03'" in found
    backward = "title: Beta area\nsummary: The second.\nbasis: editorial\n"
    backward += "reviewed: 2026-03-01\nreview_due: 2026-02-01\n"
    found = errors_of(write_content(tmp_path / "again", areas__beta=backward))
    path = tmp_path / "again" / "areas" / "beta.yaml"
    assert f"{path}:5: 'review_due' (2026-02-01) should come after 'reviewed' (2026-03-01)" in found


def test_the_edition_needs_a_review_date_that_is_a_day(tmp_path: Path) -> None:
    guide = GUIDE.replace("review_due: 2099-01-01", "review_due: 2099-06")
    found = errors_of(write_content(tmp_path, guide=guide))
    line = GUIDE.splitlines().index("review_due: 2099-01-01") + 1
    wanted = f"{tmp_path / 'guide.yaml'}:{line}: 'review_due' should be a day written YYYY-MM-DD"
    assert f"{wanted}, got '2099-06'" in found
    assert len([p for p in found if "review_due" in p]) == 1  # said once, not once per page
    root = write_content(tmp_path / "none", guide=GUIDE.replace("review_due: 2099-01-01\n", ""))
    assert any("missing the required key 'review_due'" in p for p in errors_of(root))
