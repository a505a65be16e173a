"""Service reviews: for each criterion of each principle a status, notes, evidence and actions."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from guide_app.store.review_history import Revision, joined
from guide_app.store.stamps import new_id, now

SCHEMA_VERSION = 1
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReviewError(ValueError):
    """A review record is not valid, or an edit refers to something missing."""


class Status(enum.StrEnum):
    """How far a service meets one criterion. Shown with words and an icon, never colour alone."""

    NOT_ASSESSED = "not-assessed"
    NOT_MET = "not-met"
    PARTLY_MET = "partly-met"
    MET = "met"
    NOT_APPLICABLE = "not-applicable"

    @property
    def label(self) -> str:
        """The status in words."""
        return _LABELS[self]

    @property
    def key(self) -> str:
        """The key that sets this status while a criterion is selected (0 to 4)."""
        return _KEYS[self]

    @property
    def rank(self) -> int | None:
        """Order for comparing reviews: not met < partly met < met; None if not comparable."""
        return _RANKS.get(self)

    @classmethod
    def from_key(cls, key: str) -> Status | None:
        """The status for a key 0 to 4, or None."""
        return next((s for s, k in _KEYS.items() if k == key), None)


class Risk(enum.StrEnum):
    """The risk of not improving on a criterion, as the team rates it (never colour alone)."""

    NONE = ""
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        """The rating in words."""
        return self.value.capitalize() if self.value else "Not rated"


MAX_SAMPLE = 100_000  # records, people or cases a criterion was judged on


class ReviewState(enum.StrEnum):
    """Whether a review is still being filled in, or final (read-only until it is reopened)."""

    DRAFT = "draft"
    FINAL = "final"

    @property
    def label(self) -> str:
        """The state in words."""
        return "Final" if self is ReviewState.FINAL else "Draft"


_LABELS = {
    Status.NOT_ASSESSED: "Not assessed",
    Status.NOT_MET: "Not met",
    Status.PARTLY_MET: "Partly met",
    Status.MET: "Met",
    Status.NOT_APPLICABLE: "Not applicable",
}
_KEYS = {
    Status.NOT_ASSESSED: "0",
    Status.NOT_MET: "1",
    Status.PARTLY_MET: "2",
    Status.MET: "3",
    Status.NOT_APPLICABLE: "4",
}
_RANKS = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.MET: 2}
STATUS_ORDER = (
    Status.MET,
    Status.PARTLY_MET,
    Status.NOT_MET,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
)


def _text(record: Mapping[str, Any], key: str, *, required: bool = False) -> str:
    value = record.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ReviewError(f"'{key}' should be text")
    return value


def _date(record: Mapping[str, Any], key: str) -> str:
    value = _text(record, key)
    if value and not _DATE.match(value):
        raise ReviewError(f"'{key}' should be a date written YYYY-MM-DD")
    return value


@dataclass(frozen=True)
class Action:
    """Something the team will do: what, who, by when, and whether it is done."""

    id: str
    what: str
    owner: str = ""
    due: str = ""  # YYYY-MM-DD or empty
    done: bool = False

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Action:
        """Read an action record; raise ReviewError if it is not valid."""
        done = record.get("done", False)
        if not isinstance(done, bool):
            raise ReviewError("'done' should be true or false")
        return cls(
            _text(record, "id", required=True),
            _text(record, "what", required=True),
            _text(record, "owner"),
            _date(record, "due"),
            done,
        )

    def to_dict(self) -> dict[str, Any]:
        """The action as plain data."""
        return {
            "id": self.id,
            "what": self.what,
            "owner": self.owner,
            "due": self.due,
            "done": self.done,
        }


@dataclass(frozen=True)
class Assessment:
    """What the team found for one criterion."""

    status: Status = Status.NOT_ASSESSED
    reason: str = ""  # why it is not applicable
    notes: str = ""
    evidence: str = ""
    actions: tuple[Action, ...] = ()
    changed: str = ""
    sample_size: int = 0  # how many records, people or cases it was judged on; 0: not recorded
    sample_how: str = ""  # how they were chosen
    risk: Risk = Risk.NONE  # the risk of not improving

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Assessment:
        """Read an assessment record; raise ReviewError if it is not valid."""
        try:
            status = Status(record.get("status", Status.NOT_ASSESSED))
            risk = Risk(record.get("risk", Risk.NONE))
        except ValueError:
            raise ReviewError(
                f"unknown status {record.get('status')!r} or risk {record.get('risk')!r}"
            ) from None
        actions = record.get("actions", [])
        if not isinstance(actions, list):
            raise ReviewError("'actions' should be a list")
        size = record.get("sample_size", 0)
        if isinstance(size, bool) or not isinstance(size, int) or not 0 <= size <= MAX_SAMPLE:
            raise ReviewError(f"'sample_size' should be a whole number from 0 to {MAX_SAMPLE}")
        return cls(
            status,
            _text(record, "reason"),
            _text(record, "notes"),
            _text(record, "evidence"),
            tuple(Action.from_dict(a if isinstance(a, dict) else {}) for a in actions),
            _text(record, "changed"),
            size,
            _text(record, "sample_how"),
            risk,
        )

    def to_dict(self) -> dict[str, Any]:
        """The assessment as plain data (the sample and risk only when recorded)."""
        record: dict[str, Any] = {
            "status": str(self.status),
            "reason": self.reason,
            "notes": self.notes,
            "evidence": self.evidence,
            "actions": [a.to_dict() for a in self.actions],
            "changed": self.changed,
        }
        optional = {"sample_size": self.sample_size, "sample_how": self.sample_how}
        record.update((key, value) for key, value in optional.items() if value)
        if self.risk is not Risk.NONE:
            record["risk"] = str(self.risk)
        return record

    @property
    def open_actions(self) -> tuple[Action, ...]:
        """Actions not yet done."""
        return tuple(a for a in self.actions if not a.done)


EMPTY = Assessment()


def _history(record: Mapping[str, Any]) -> tuple[Revision, ...]:
    found = record.get("history", [])
    revisions = (Revision.from_dict(r) for r in (found if isinstance(found, list) else []))
    return joined([r for r in revisions if r is not None])


def _state(record: Mapping[str, Any]) -> ReviewState:
    try:
        return ReviewState(record.get("state", ReviewState.DRAFT))
    except ValueError:
        raise ReviewError("'state' should be draft or final") from None


@dataclass(frozen=True)
class Review:
    """One service review: who reviewed what service when, and an assessment per criterion.

    `lead`, `next_review` and `state` are written only when set (a draft with no lead and no
    next review date is saved exactly as before they existed), and read with those defaults.
    """

    id: str
    name: str
    service: str = ""
    date: str = ""  # YYYY-MM-DD
    people: str = ""
    created: str = field(default_factory=now)
    changed: str = field(default_factory=now)
    assessments: Mapping[str, Assessment] = field(default_factory=dict)  # criterion id -> found
    started_from: str = ""  # id of the earlier review it was started from
    lead: str = ""  # who leads the review (a role or initials)
    next_review: str = ""  # YYYY-MM-DD or empty
    state: ReviewState = ReviewState.DRAFT
    history: tuple[Revision, ...] = ()  # as sent to or merged from colleagues (review_history)

    @property
    def final(self) -> bool:
        """Whether the review is final: read-only until it is reopened."""
        return self.state is ReviewState.FINAL

    def assessment(self, *criterion_ids: str) -> Assessment:
        """The assessment stored under any of `criterion_ids` (an id and its former ids)."""
        for criterion_id in criterion_ids:
            if criterion_id in self.assessments:
                return self.assessments[criterion_id]
        return EMPTY

    def to_payload(self) -> dict[str, Any]:
        """The review as plain data (schema_version is added by the document)."""
        payload: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "service": self.service,
            "date": self.date,
            "people": self.people,
            "created": self.created,
            "changed": self.changed,
            "started_from": self.started_from,
            "assessments": {k: a.to_dict() for k, a in self.assessments.items()},
        }
        optional = {"lead": self.lead, "next_review": self.next_review}
        payload.update((key, value) for key, value in optional.items() if value)
        if self.final:
            payload["state"] = str(self.state)
        if self.history:
            payload["history"] = [r.to_dict() for r in self.history]
        return payload

    def snapshot(self) -> dict[str, Any]:
        """The review as plain data without its history: what a revision keeps."""
        payload = self.to_payload()
        payload.pop("history", None)
        return payload

    @classmethod
    def from_payload(cls, payload: Mapping[str, Any]) -> tuple[Review, int]:
        """Read a review; return it and how many assessments were unreadable and left out.

        Raises ReviewError when the review itself (id, name) cannot be read.
        """
        found = payload.get("assessments", {})
        if not isinstance(found, dict):
            found = {}
        assessments: dict[str, Assessment] = {}
        bad = 0
        for criterion_id, record in found.items():
            try:
                assessments[str(criterion_id)] = Assessment.from_dict(
                    record if isinstance(record, dict) else {}
                )
            except ReviewError:
                bad += 1
        review = cls(
            id=_text(payload, "id", required=True),
            name=_text(payload, "name", required=True),
            service=_text(payload, "service"),
            date=_date(payload, "date"),
            people=_text(payload, "people"),
            created=_text(payload, "created") or now(),
            changed=_text(payload, "changed") or now(),
            assessments=assessments,
            started_from=_text(payload, "started_from"),
            lead=_text(payload, "lead"),
            next_review=_date(payload, "next_review"),
            state=_state(payload),
            history=_history(payload),
        )
        return review, bad

    def with_assessment(self, criterion_id: str, assessment: Assessment) -> Review:
        """A copy with `criterion_id` assessed as `assessment`."""
        stamped = replace(assessment, changed=now())
        return replace(
            self, assessments={**self.assessments, criterion_id: stamped}, changed=stamped.changed
        )

    def percent_assessed(self, criterion_count: int) -> int:
        """How many of `criterion_count` criteria have a status other than not assessed, in %."""
        if criterion_count <= 0:
            return 0
        assessed = sum(1 for a in self.assessments.values() if a.status is not Status.NOT_ASSESSED)
        return round(100 * min(assessed, criterion_count) / criterion_count)


def started_from(
    earlier: Review, name: str, service: str, date: str, people: str, lead: str = ""
) -> Review:
    """A new draft that carries over an earlier review's statuses, open actions and lead."""
    carried = {
        criterion_id: Assessment(
            status=a.status, reason=a.reason, actions=a.open_actions, changed=now()
        )
        for criterion_id, a in earlier.assessments.items()
        if a.status is not Status.NOT_ASSESSED or a.open_actions
    }
    return Review(
        new_id(),
        name,
        service,
        date,
        people,
        assessments=carried,
        started_from=earlier.id,
        lead=lead or earlier.lead,
    )
