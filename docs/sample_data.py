"""A team's bookmarks, local information and long review, written to a data folder by the stores.

Used by `make screenshots` (docs/make_screenshots.py) and the screen-reader check (tests/a11y):
both need the data a real team would have, written exactly as the app writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import cycle
from pathlib import Path

from guide_app.guide.model import Guide
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.local_info import LocalInfoStore
from guide_app.store.local_info_file import LocalInfoFile
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_summary import principles
from guide_app.store.reviews import Risk, Status

REVIEW_NAME = "Autumn 2026 review"
FOLDER_NAME = "New referrals"
# (page id, note): the first two go in the folder; a page missing from the edition is skipped.
BOOKMARKS = (
    (
        "ask-about-mood-and-sleep-at-first-appointment",
        "Use with every new referral; agreed at the March team meeting.",
    ),
    ("keep-a-local-services-directory", "Check the list is up to date before each clinic."),
    ("ng59-low-back-pain-and-sciatica", ""),
    ("five-minute-conversation", "Print the questions for the new starters' pack."),
    ("local-knowledge", ""),
)
# (page id, the team's own text): phone numbers from Ofcom's range kept for drama, never real.
LOCAL_INFORMATION = (
    (
        "local-knowledge",
        (
            "Pain and mood clinic (Tuesdays): 01632 960123, ask for the duty physiotherapist.\n"
            "Talking therapies: people can refer themselves at reception; leaflets are in the "
            "blue folder.\n"
            "Social prescriber: Sam, Mondays and Thursdays, extension 4321.\n"
            "Our pathway: GP, then MSK triage, then the pain and mood clinic. Same-day worries "
            "go to the duty GP."
        ),
    ),
)
# The statuses given to the criteria in turn, so that every status appears in the review.
RISKS = {Status.NOT_MET: Risk.HIGH, Status.PARTLY_MET: Risk.MEDIUM, Status.MET: Risk.LOW}
SAMPLE_HOW = "The last 20 episodes of care that ended in September"
STATUS_TURN = (
    Status.PARTLY_MET,
    Status.MET,
    Status.NOT_MET,
    Status.MET,
    Status.NOT_APPLICABLE,
    Status.PARTLY_MET,
    Status.NOT_ASSESSED,
)
LONG_NOTES = (
    "Most people see two or three clinicians over an episode: bank staff cover leave and the "
    "rota changes every six weeks. People told us that retelling their story each time makes "
    "them feel they are not believed. The team agreed this matters more than waiting time for "
    "people with both persistent pain and low mood, and wants to test named-clinician lists "
    "before the spring review."
)
EVIDENCE = "Audit of 20 episodes, September 2026; patient feedback cards (n = 34)"
ACTIONS = (
    ("Pilot named-clinician lists in two clinics", "Physio lead", "2026-12-01"),
    ("Ask bank staff to read the last note aloud with the person", "Team lead", "2027-01-31"),
    ("Add 'seen by the same clinician?' to the feedback card", "Peer worker", "2027-01-15"),
    ("Repeat the audit of 20 episodes", "Psychologist", "2027-03-31"),
    ("Report the results at the governance meeting", "Service manager", ""),
)


@dataclass(frozen=True)
class SampleData:
    """What was written: the review's id and the criterion that has the most in it."""

    review_id: str
    long_criterion: str
    bookmarked: tuple[str, ...]


def write_sample_data(data_dir: Path, guide: Guide) -> SampleData:
    """Write bookmarks (with notes and a folder), local information and a long review."""
    data_dir.mkdir(parents=True, exist_ok=True)
    marks = _bookmarks(guide)
    BookmarkFile(data_dir).save(marks)
    local = LocalInfoStore()
    for node_id, text in LOCAL_INFORMATION:
        if node_id in guide.nodes:
            local.set_text(node_id, text)
    LocalInfoFile(data_dir).save(local)
    book = ReviewBook(data_dir)
    book.load()
    review = book.create(
        REVIEW_NAME,
        "Community MSK physiotherapy",
        "2026-10-02",
        "Physio lead, psychologist, GP, peer worker, service manager",
    )
    criteria = [c.id for _, found in principles(guide) for c in found]
    for criterion, status in zip(criteria, cycle(STATUS_TURN), strict=False):
        reason = "We do not prescribe." if status is Status.NOT_APPLICABLE else None
        book.set_status(review.id, criterion, status, reason)
        if status is not Status.NOT_ASSESSED:
            book.set_text(review.id, criterion, "notes", LONG_NOTES)
            book.set_text(review.id, criterion, "evidence", EVIDENCE)
        if status in RISKS:  # the sample it was judged on, and the risk of not improving
            book.set_sample_size(review.id, criterion, 20)
            book.set_text(review.id, criterion, "sample_how", SAMPLE_HOW)
            book.set_risk(review.id, criterion, RISKS[status])
        if status in (Status.NOT_MET, Status.PARTLY_MET):
            for what, owner, due in ACTIONS[:2]:
                book.add_action(review.id, criterion, what, owner, due)
    long_criterion = criteria[0]
    for what, owner, due in ACTIONS[2:]:
        book.add_action(review.id, long_criterion, what, owner, due)
    book.save_dirty()
    return SampleData(review.id, long_criterion, tuple(m.node_id for m in marks.bookmarks))


def _bookmarks(guide: Guide) -> BookmarkStore:
    store = BookmarkStore()
    folder = store.add_folder(FOLDER_NAME)
    for n, (node_id, note) in enumerate(BOOKMARKS):
        node = guide.nodes.get(node_id)
        if node is None:
            continue
        store.add(node_id, node.title, note=note, folder=folder.id if n < 2 else None)
    return store
