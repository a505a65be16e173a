"""Which words search matches and marks: common words, stems, addresses, respelling."""

from __future__ import annotations

import re
import sqlite3

import pytest

from guide_app.guide.load.loader import load_guide
from guide_app.guide.search.index import SearchIndex
from guide_app.guide.search.marks import snippet_html, words_pattern
from guide_app.guide.search.query import STOP_WORDS, Synonyms, parse
from guide_app.guide.search.spelling import Speller, distance
from guide_app.guide.search.vocabulary import stems_of
from tests.helpers.repo import CONTENT


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(load_guide(CONTENT))


def marked(html: str) -> list[str]:
    return [m.lower() for m in re.findall(r"<b>(.*?)</b>", html)]


def test_mri_marks_mri_and_never_imagined(index: SearchIndex) -> None:
    results = index.search("MRI", limit=10)
    assert results
    for result in results:
        words = marked(result.snippet_html)
        assert words, result.target
        assert all(w in ("mri", "magnetic resonance imaging") for w in words), words
    pattern = words_pattern(tuple(index.highlight("MRI")))
    assert pattern.search("an MRI scan")
    assert pattern.search("magnetic resonance imaging")
    assert not pattern.search("pain that is imagined")
    assert not pattern.search("imaging")


def test_common_words_are_neither_matched_nor_marked(index: SearchIndex) -> None:
    assert [g.typed for g in parse("the fit note and the patient", Synonyms([]), typing=False)] == [
        ("fit",),
        ("note",),
        ("patient",),
    ]
    for result in index.search("anxiety and sleep", limit=20):
        assert "and" not in marked(result.snippet_html), result.target
    assert all("and" not in m.split() for m in index.highlight("anxiety and sleep"))


def test_a_phrase_keeps_its_common_words(index: SearchIndex) -> None:
    groups = parse("return to work", index.synonyms, typing=False)
    assert [g.typed for g in groups] == [("return", "to", "work")]


def test_only_whole_words_and_their_stems_are_marked() -> None:
    html = snippet_html("Sleeping badly, sleep and sleeplessness; asleep.", ("sleep|sleeping",))
    assert marked(html) == ["sleeping", "sleep"]
    assert marked(snippet_html("Physiotherapy and physios.", ("physiot*",))) == ["physiotherapy"]


def test_nothing_is_marked_inside_a_web_or_email_address() -> None:
    body = (
        "Pain and mood: see https://www.nhs.uk/pain-and-mood/ or www.example.org/pain, "
        "or write to pain@example.org about pain."
    )
    html = snippet_html(body, ("pain",))
    assert marked(html) == ["pain", "pain"]
    assert "nhs.uk/pain-and-mood/" in html


def test_the_shipped_guide_marks_no_word_inside_an_address(index: SearchIndex) -> None:
    for query in ("and", "nhs", "pain", "keele"):
        for result in index.search(query, limit=200):
            for address in re.findall(r"(?:https?://|www\.)\S+", result.snippet_html):
                assert "<b>" not in address, (query, result.target, address)


def test_the_stems_are_those_fts5_makes(index: SearchIndex) -> None:
    """Marks and matches agree: words marked as one (one stem) are those FTS5 matches as one."""
    vocabulary = index.understanding.vocabulary
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(w, tokenize='porter unicode61')")
    stems = {vocabulary.stem(w) for w in vocabulary.pages}
    kinds = [
        forms for stem in sorted(s for s in stems if s) if len(forms := vocabulary.forms(stem)) > 1
    ]
    assert len(kinds) > 100  # "sleep", "sleeping", "sleeps"; "anxious" alone
    for forms in kinds[::5]:
        db.execute("DELETE FROM t")
        db.execute("INSERT INTO t VALUES (?)", (forms[0],))
        for other in forms[1:]:
            assert db.execute("SELECT 1 FROM t WHERE t MATCH ?", (f'"{other}"',)).fetchone(), forms
    assert stems_of(db, ["sleeping", "anxious", "ng59"]) == ["sleep", "anxiou", "ng59"]


def test_distance_counts_edits_and_swaps() -> None:
    assert distance("anxius", "anxious", 2) == 1
    assert distance("suicde", "suicide", 2) == 1
    assert distance("teh", "the", 1) == 1  # a swap is one edit
    assert distance("pain", "sleep", 2) == 3  # more than allowed: allowed + 1


def test_the_nearest_word_is_the_fewest_edits_then_the_most_used() -> None:
    speller = Speller({"anxious": 5, "anxiety": 20, "anything": 9, "obvious": 1})
    assert speller.nearest("anxius") == ["anxious"]
    assert speller.nearest("anxi", unfinished=True)[:2] == ["anxiety", "anxious"]
    assert speller.nearest("zzzz") == []
    assert not Speller.respellable("ng59")  # a number or code is never respelt
    assert not Speller.respellable("mri")  # nor a short word


def test_words_the_guide_uses_are_never_respelt(index: SearchIndex) -> None:
    for query in ("sleep", "tens", "physio", "who", "startback", "fobbed off"):
        assert not index.find(query).respelt, query
    found = index.find("anxius sleep")
    assert (found.searched, found.respelt) == ("anxious sleep", True)
    assert found.typed == "anxius sleep"


def test_exact_searches_the_words_as_typed(index: SearchIndex) -> None:
    assert index.find("anxius", exact=True).results == []
    assert index.highlight("anxius", exact=True) != index.highlight("anxius")


def test_a_phrase_pattern_spans_punctuation() -> None:
    pattern = words_pattern(("pain|pains is all in their head",))
    assert pattern.search('their pain is "all in their head"')
    assert not pattern.search("painful head")


def test_every_stop_word_is_lower_case_and_one_word() -> None:
    assert all(w == w.lower() and w.isalpha() for w in STOP_WORDS)
    assert {"and", "the", "of", "who"} <= STOP_WORDS
    assert not {"pain", "back", "mood", "work", "sleep"} & STOP_WORDS
