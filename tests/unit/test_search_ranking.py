"""Ranking through `guide-app search`: what clinicians type finds the page they need, near the top.

Every case runs the command line in this process (guide_app.cli.main) on a data folder of its
own, so the active edition, the data folder and the user's notes are read as the app reads
them. The queries are written the way clinicians ask: symptoms, situations, service and
organisation names, guidance numbers, misspellings and words the guide does not use.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_app.cli import main
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.local_info import LocalInfoStore
from guide_app.store.local_info_file import LocalInfoFile
from guide_app.store.review_book import ReviewBook


def search(
    capsys: pytest.CaptureFixture[str], data: Path, query: str, *options: str
) -> tuple[list[str], str]:
    """The ids `guide-app search` prints for `query` (best first), and what it says on stderr."""
    status = main(["search", *query.split(), "--data-dir", str(data), *options])
    printed = capsys.readouterr()
    assert status == 0, printed.err
    return [line.split("\t")[0] for line in printed.out.splitlines() if "\t" in line], printed.err


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")  # an empty data folder: the shipped edition


# The page a clinician needs must come first.
FIRST = [
    # situations and symptoms, in their words
    ("patient passed between physio and mental health", "coordination-access-and-collaboration"),
    ("off work with back pain and needs a fit note", "work-and-fit-notes"),
    ("fit note", "work-and-fit-notes"),
    ("no private room to talk", "no-private-space"),
    ("staff unsure where their role ends", "unclear-scope-of-practice"),
    ("no time for training", "no-time-for-training"),
    ("flare up", "plan-for-flare-ups"),
    ("neck pain", "neck-pain"),
    ("whiplash", "neck-pain"),
    ("cauda equina", "red-flags-back-and-neck"),
    ("suicidal thoughts", "if-someone-may-be-at-risk"),
    ("money worries", "non-medical-needs-have-a-route"),
    ("support while waiting for an appointment", "waiting-well-support"),
    ("leaflet about mood for the waiting room", "put-mental-health-information-where-people-wait"),
    ("how many people have chronic pain and depression", "how-common-is-the-overlap"),
    (
        "peer support after a pain management programme",
        "peer-support-after-pain-management-programmes",
    ),
    ("joint case discussion", "hold-joint-case-discussions"),
    ("opioid tapering", "medicines-for-pain-and-mood"),
    ("biopsychosocial", "biopsychosocial-model-and-pain-definition"),
    # services, organisations, places
    (
        "Midlands Partnership University NHS Foundation Trust",
        "keele-mpft-msk-mental-health-awareness",
    ),
    ("Robert Jones and Agnes Hunt", "rjah-mental-health-leaflet"),
    ("Sydenham Garden", "hin-joint-pain-advice-sydenham-garden"),
    ("Wales persistent pain guidance", "wales-living-with-persistent-pain"),
    ("persistent pain in Scotland", "scotland-and-northern-ireland"),
    ("Samaritans", "if-someone-may-be-at-risk"),
    ("startback", "stratified-care-start-back"),
    # guidance numbers
    ("NG59", "ng59-low-back-pain-and-sciatica"),
    ("NG193", "ng193-chronic-pain"),
    ("NICE guideline on low back pain and sciatica", "ng59-low-back-pain-and-sciatica"),
    ("NG225", "if-someone-may-be-at-risk"),
    # clinical words the guide does not use, through synonyms.yaml
    ("kinesiophobia", "stratified-care-start-back"),
    ("fear avoidance", "stratified-care-start-back"),
    ("catastrophizing", "stratified-care-start-back"),
]

# Several pages answer these; the one named must be among the first three.
TOP_THREE = [
    (
        "low mood and sleep problems at the first appointment",
        "ask-about-mood-and-sleep-at-first-appointment",
    ),
    ("patient thinks the pain is all in their head", "person-hears-it-is-all-in-their-head"),
    ("back pain with bladder problems", "red-flags-back-and-neck"),
    ("patient says they want to end their life", "if-someone-may-be-at-risk"),
    ("how to ask about mood in an MSK appointment", "five-minute-conversation"),
    ("clinicians afraid to ask about mental health", "fear-of-opening-something-you-cannot-handle"),
    ("can physios issue fit notes", "work-and-fit-notes"),
    ("depresion", "how-common-is-the-overlap"),  # an unfinished word: FTS5 stems its beginning
    ("self-referral to talking therapies", "know-your-talking-therapies-routes"),
    ("social prescriber", "social-prescribing"),
    ("Health Innovation Network South London", "hin-pic-c-physiotherapy-training"),
    ("first contact physio", "first-contact-practitioners"),
    ("Northern Ireland Lifeline", "scotland-and-northern-ireland"),
    ("interpreter", "language-and-cultural-differences"),
    ("patient has to repeat their story to every service", "people-do-not-repeat-their-story"),
    ("business case for commissioners", "evidence-base-and-business-case"),
    ("NG215", "medicines-for-pain-and-mood"),
    ("QS155", "five-minute-conversation"),
    ("patient wants an MRI scan", "patient-expectations-and-understanding"),
]

# Misspelt: the nearest word of the guide is searched, and the command says so.
RESPELT = [
    ("anxius", "anxious", "put-mental-health-information-where-people-wait"),
    ("sciatika", "sciatica", "ng59-low-back-pain-and-sciatica"),
    ("fisiotherapy", "physiotherapy", "hin-pic-c-physiotherapy-training"),
    ("amitryptiline", "amitriptyline", "medicines-for-pain-and-mood"),
    ("kinesophobia", "kinesiophobia", "stratified-care-start-back"),
    ("suicde", "suicide", "if-someone-may-be-at-risk"),
    ("wiplash", "whiplash", "neck-pain"),
]


@pytest.mark.parametrize(("query", "expected"), FIRST)
def test_the_page_needed_comes_first(
    capsys: pytest.CaptureFixture[str], data: Path, query: str, expected: str
) -> None:
    found, _ = search(capsys, data, query)
    assert found[:1] == [expected], found[:5]


@pytest.mark.parametrize(("query", "expected"), TOP_THREE)
def test_the_page_needed_is_among_the_first_three(
    capsys: pytest.CaptureFixture[str], data: Path, query: str, expected: str
) -> None:
    found, _ = search(capsys, data, query)
    assert expected in found[:3], found[:5]


@pytest.mark.parametrize(("typed", "searched", "expected"), RESPELT)
def test_a_misspelt_word_is_respelt_and_said_so(
    capsys: pytest.CaptureFixture[str], data: Path, typed: str, searched: str, expected: str
) -> None:
    found, said = search(capsys, data, typed)
    assert f"Showing results for {searched!r} (search instead for {typed!r}: --exact)" in said
    assert expected in found[:3], found[:5]
    exact, said = search(capsys, data, typed, "--exact")
    assert exact == []
    assert "Showing results" not in said


def test_a_sentence_finds_the_pages_about_that_situation(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    query = (
        "a patient anxious about back pain who keeps being passed between physio and mental health"
    )
    found, _ = search(capsys, data, query)
    assert "coordination-access-and-collaboration" in found[:5], found[:8]
    # Before, any one word was enough: a training example came first.
    assert found[0] != "first-contact-physiotherapy-machynlleth"


def test_the_count_is_true_beyond_what_is_listed(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    found, said = search(capsys, data, "pain", "--limit", "5")
    assert len(found) == 5
    total = int(said.split()[0])
    assert total > 30, said  # no longer stops at 30
    every, said = search(capsys, data, "pain", "--limit", "500")
    assert len(every) == total
    assert said.startswith(f"{total} results")


def test_common_words_alone_find_nothing_extra(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    with_common, _ = search(capsys, data, "the fit note for the patient")
    without, _ = search(capsys, data, "fit note patient")
    assert with_common == without


def test_the_command_line_reads_the_users_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Bookmark notes, local information and review notes, as the app's Search pane finds them."""
    bookmarks = BookmarkStore()
    bookmarks.add("neck-pain", "Neck pain", note="Ask about the Thursday clinic at Quayside")
    BookmarkFile(tmp_path).save(bookmarks)
    local = LocalInfoStore()
    local.set_text("work-and-fit-notes", "Occupational health at Quayside: extension 4021")
    LocalInfoFile(tmp_path).save(local)
    book = ReviewBook(tmp_path)
    review = book.create("Spring review")
    book.set_text(review.id, "crisis-routes-shown", "notes", "Quayside posters ordered")
    book.save_dirty()
    before = sorted(p.name for p in tmp_path.rglob("*"))

    found, _ = search(capsys, tmp_path, "quayside")
    assert sorted(found) == sorted(
        ["neck-pain", "work-and-fit-notes", f"review:{review.id}/crisis-routes-shown"]
    )
    notes, _ = search(capsys, tmp_path, "quayside", "--kind", "notes")
    assert sorted(notes) == sorted(found)
    assert search(capsys, tmp_path, "quayside", "--kind", "evidence")[0] == []
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # only read


def test_data_dir_is_taken_after_the_command_as_for_reviews(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["--data-dir", str(tmp_path), "search", "NG59", "--limit", "1"]) == 0
    before = capsys.readouterr().out
    assert main(["search", "NG59", "--limit", "1", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out == before
    assert before.startswith("ng59-low-back-pain-and-sciatica\t")


def test_a_file_given_as_the_data_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert main(["search", "NG59", "--data-dir", str(not_a_folder)]) == 1
    assert "is not a folder" in capsys.readouterr().err


def test_search_kinds_are_the_filters() -> None:
    from guide_app.cli.search import SEARCH_KINDS
    from guide_app.guide.search.result import FILTERS

    assert list(SEARCH_KINDS) == list(FILTERS)
