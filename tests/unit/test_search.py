"""Search on the real guide: what a clinician types finds the right page first."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide, Kind
from guide_app.guide.search.index import Note, SearchIndex, fts5_available, plain_text
from guide_app.guide.search.query import Synonyms, expression, parse, words
from tests.helpers.content_kit import write_content
from tests.helpers.profiles import examples
from tests.helpers.repo import CONTENT


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide(CONTENT)


@pytest.fixture(scope="module")
def index(guide: Guide) -> SearchIndex:
    return SearchIndex(guide)


# What a clinician types between patients, and the page that must come first.
FIRST = [
    ("sleep", "ask-about-mood-and-sleep-at-first-appointment"),
    ("sleeping", "ask-about-mood-and-sleep-at-first-appointment"),  # stemming
    ("physio confidence", "hin-pic-c-physiotherapy-training"),
    ("IAPT", "nhs-talking-therapies-and-long-term-conditions"),  # former name, via synonyms
    ("talking therapies", "nhs-talking-therapies-and-long-term-conditions"),
    ("STarT Back", "stratified-care-start-back"),
    ("leaflet", "rjah-mental-health-leaflet"),
    ("NG59", "ng59-low-back-pain-and-sciatica"),
    ("opioids", "medicines-for-pain-and-mood"),
    ("amitriptyline", "medicines-for-pain-and-mood"),
    ("TENS", "ng193-chronic-pain"),  # an acronym, not the number ten
    ("NICE chronic pain guideline", "ng193-chronic-pain"),
    ("Powys", "powys-teaching-health-board-test-team"),
    ("flare-up plan", "plan-for-flare-ups"),
    ("prevalence", "how-common-is-the-overlap"),  # synonym of "how common"
    ("how common is depression", "how-common-is-the-overlap"),
    ("supervision", "psychologically-informed-training-with-supervision"),
    ("self-harm", "agree-what-to-do-when-someone-is-at-risk"),
    ("stigma", "stigma-stops-people-taking-up-support"),
    ("business case", "evidence-base-and-business-case"),
    ("PIC-C", "hin-pic-c-physiotherapy-training"),
    ("joint pain advice", "hin-joint-pain-advice-sydenham-garden"),
    ("Sydenham", "hin-joint-pain-advice-sydenham-garden"),
    ("Tower Hamlets", "tower-hamlets-bridging-mental-and-physical-health"),
    ("IASP", "biopsychosocial-model-and-pain-definition"),
    ("pain management programme", "pain-management-programmes"),
    ("Wales", "wales-living-with-persistent-pain"),
    ("disclaimer", "clinical-disclaimer"),
    ("community of practice", "set-up-a-community-of-practice"),
    ("first contact practitioners", "first-contact-practitioners"),
    ("Machynlleth", "first-contact-physiotherapy-machynlleth"),
    ("local knowledge", "local-knowledge"),  # an exact title opens that page first
    ("Cultivate enabling relationships", "cultivate-enabling-relationships"),
    ("gabapentinoids", "medicines-for-pain-and-mood"),
    # Edition 2026.2: safety pages, found by the words a clinician types.
    ("red flags", "red-flags-back-and-neck"),
    ("cauda equina", "red-flags-back-and-neck"),
    ("myelopathy", "neck-pain"),
    ("neck", "neck-pain"),
    ("crisis", "if-someone-may-be-at-risk"),
    ("Samaritans", "if-someone-may-be-at-risk"),
    ("fit note", "work-and-fit-notes"),
    ("sick note", "work-and-fit-notes"),  # via synonyms
    ("pregabalin", "medicines-for-pain-and-mood"),
    ("GAD-7", "five-minute-conversation"),
    ("Scotland", "scotland-and-northern-ireland"),
]


@pytest.mark.parametrize(("query", "expected"), FIRST)
def test_the_right_page_comes_first(index: SearchIndex, query: str, expected: str) -> None:
    results = index.search(query, limit=10)
    assert results, query
    assert results[0].target == expected, [r.target for r in results[:5]]


# Edition 2026.2: words a clinician types find the new safety pages among the first three.
FOUND = [
    ("PHQ-9", "five-minute-conversation"),
    ("suicidal", "if-someone-may-be-at-risk"),
    ("self-harm", "if-someone-may-be-at-risk"),
    ("111", "if-someone-may-be-at-risk"),
    ("return to work", "work-and-fit-notes"),
    ("NG215", "medicines-for-pain-and-mood"),
    ("whiplash", "neck-pain"),
    ("ankylosing spondylitis", "red-flags-back-and-neck"),
]


@pytest.mark.parametrize(("query", "expected"), FOUND)
def test_the_new_pages_are_found(index: SearchIndex, query: str, expected: str) -> None:
    results = [r.target for r in index.search(query, limit=10)]
    assert expected in results[:3], results[:5]


def test_fts5_is_available() -> None:
    assert fts5_available()


def test_prefix_while_typing_but_not_after_a_space(index: SearchIndex) -> None:
    typing = [r.target for r in index.search("physiotherap", limit=5)]
    assert "hin-pic-c-physiotherapy-training" in typing
    finished = index.find("physiotherap ", limit=5)  # a finished word must match whole:
    assert (finished.searched, finished.respelt) == ("physiotherapy", True)  # so it is respelt
    assert index.find("physiotherap ", limit=5, exact=True).results == []


def test_synonyms_work_both_ways(index: SearchIndex) -> None:
    physio = {r.target for r in index.search("physio", limit=30)}
    physiotherapy = {r.target for r in index.search("physiotherapy", limit=30)}
    assert len(physio & physiotherapy) >= 10
    us = [r.target for r in index.search("behavior change", limit=5)]
    uk = [r.target for r in index.search("behaviour change", limit=5)]
    assert us == uk


def test_kind_filters(index: SearchIndex) -> None:
    for kind, kinds in (
        ("examples", {Kind.EXAMPLE}),
        ("evidence", {Kind.EVIDENCE}),
        ("solutions", {Kind.ACTION}),
        ("challenges", {Kind.CHALLENGE}),
        ("areas", {Kind.AREA}),
        ("principles", {Kind.PRINCIPLE, Kind.CRITERION}),
    ):
        results = index.search("pain", [kind], limit=50)
        assert results, kind
        assert {r.kind for r in results} <= {k.value for k in kinds}, kind


def test_results_carry_kind_breadcrumb_and_marked_snippet(index: SearchIndex) -> None:
    result = index.search("cafeteria", limit=5)[0]
    assert result.kind_label in {"Potential solution", "Example"}
    assert result.breadcrumb
    assert "<b>cafeteria</b>" in result.snippet_html.lower()
    assert "<" not in result.snippet_text


def test_numbers_are_searched(index: SearchIndex) -> None:
    assert index.search("2019", limit=5)
    assert any("120" in r.snippet_text for r in index.search("120 participants", limit=5))


def test_your_notes_are_searched_and_labelled(guide: Guide) -> None:
    index = SearchIndex(guide)
    index.set_notes(
        [
            Note(
                "local-knowledge",
                "Local knowledge",
                "Your bookmark",
                "Use with new referrals from the Quayside clinic",
            )
        ]
    )
    results = index.search("quayside", limit=5)
    assert [(r.target, r.kind_label) for r in results] == [("local-knowledge", "Your notes")]
    assert index.search("quayside", ["notes"], limit=5)
    assert not index.search("quayside", ["examples"], limit=5)
    index.set_notes([])
    assert index.search("quayside", limit=5) == []


def test_highlight_marks_whole_words_and_synonyms(index: SearchIndex) -> None:
    marks = index.highlight("IAPT ")
    assert "iapt" in marks
    assert "nhs talking|talked|talk|talks therapies|therapy" in [
        " ".join("|".join(sorted(w.split("|"), key=len, reverse=True)) for w in m.split())
        for m in marks
    ] or any(m.startswith("nhs talking") for m in marks)
    assert index.highlight("the and of ") == ["the", "and", "of"]  # only common words: as typed
    assert "and" not in " ".join(index.highlight("anxiety and sleep ")).split("|")


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "'",
        "(",
        ")",
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "*",
        "a*b",
        "^start",
        "col:value",
        "-",
        "--",
        "\\",
        "{title}:x",
        "\x00",
        "   ",
        "",
        "🙂",
        "ﬁ",
        "Ångström",
        "1e10",
        "(((((",
    ],
)
def test_awkward_text_never_raises(index: SearchIndex, text: str) -> None:
    index.search(text)
    index.search(text, ["examples"])


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    return SearchIndex(load_guide(write_content(tmp_path_factory.mktemp("content"))))


@settings(max_examples=examples(300))
@given(text=st.text())
def test_any_text_never_raises(small_index: SearchIndex, text: str) -> None:
    results = small_index.search(text, limit=5)
    assert all(r.target for r in results)


def test_cache_is_written_once_and_reused(guide: Guide, tmp_path: Path) -> None:
    built = SearchIndex(guide, tmp_path)
    assert not built.cached
    assert len(list(tmp_path.glob("search-*.sqlite"))) == 1
    reused = SearchIndex(guide, tmp_path)
    assert reused.cached
    assert [r.target for r in reused.search("sleep")] == [r.target for r in built.search("sleep")]
    reused.set_notes([Note("alpha", "A", "Your bookmark", "zebra crossing")])  # notes still work
    assert [r.kind for r in reused.search("zebra")] == ["note"]


def test_a_damaged_cache_is_rebuilt(guide: Guide, tmp_path: Path) -> None:
    SearchIndex(guide, tmp_path)
    cache = next(tmp_path.glob("search-*.sqlite"))
    cache.write_bytes(b"not a database")
    again = SearchIndex(guide, tmp_path)
    assert not again.cached
    assert again.search("sleep")


def test_query_words_are_always_quoted() -> None:
    query = expression(parse('a "b" OR c*', Synonyms([]), typing=True))
    assert query == '("b") AND ("c")'  # "a" and "or" are common words; "c" too short a beginning
    assert expression(parse("sle", Synonyms([]), typing=True)) == '("sle" OR "sle"*)'
    assert expression(parse("the and", Synonyms([]), typing=False)) == '("the") AND ("and")'
    assert words("Éclair—self-care") == ["eclair", "self", "care"]


def test_plain_text_drops_markdown() -> None:
    assert plain_text("**Bold** [link](guide:x)\n- item\n### Head") == "Bold link\nitem\nHead"
