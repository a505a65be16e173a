"""A review's revisions: what it held each time it was sent or merged, to merge against later."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

KEPT = 12  # revisions a review keeps (the newest): enough to find a common one between colleagues


@dataclass(frozen=True)
class Revision:
    """The review as it was (its payload without history) when it was sent or merged."""

    id: str  # a hash of the snapshot: the same content is the same revision
    made: str  # ISO time stamp
    snapshot: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """The revision as plain data."""
        return {"id": self.id, "made": self.made, "snapshot": dict(self.snapshot)}

    @classmethod
    def from_dict(cls, record: object) -> Revision | None:
        """A revision read back; None if the record is not one (it is then left out)."""
        if not isinstance(record, dict):
            return None
        made, snapshot = record.get("made"), record.get("snapshot")
        if not (isinstance(made, str) and isinstance(snapshot, dict)):
            return None
        return cls(snapshot_id(snapshot), made, snapshot)


def snapshot_id(snapshot: Mapping[str, Any]) -> str:
    """A short hash naming a snapshot (its JSON with sorted keys)."""
    data = json.dumps(snapshot, sort_keys=True, ensure_ascii=True).encode("ascii")
    return hashlib.sha256(data).hexdigest()[:24]


def joined(*histories: Iterable[Revision]) -> tuple[Revision, ...]:
    """Every revision of the histories once, oldest first, the newest KEPT of them."""
    found: dict[str, Revision] = {}
    for history in histories:
        for revision in history:
            found.setdefault(revision.id, revision)
    return tuple(sorted(found.values(), key=lambda r: (r.made, r.id))[-KEPT:])


def common(mine: Iterable[Revision], theirs: Iterable[Revision]) -> Revision | None:
    """The newest revision both histories hold: the state both copies started from."""
    ours = {r.id for r in mine}
    shared = [r for r in theirs if r.id in ours]
    return max(shared, key=lambda r: (r.made, r.id)) if shared else None
