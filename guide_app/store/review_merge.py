"""Merge a colleague's copy of a review into ours, field by field, against their common revision.

What only one side changed is taken; where both changed the same field differently, that is a
conflict the user settles (mine or theirs); nothing is dropped without being asked about. An
action one side removed and the other changed is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from guide_app.store.review_history import Revision, joined, snapshot_id
from guide_app.store.reviews import Assessment, Review
from guide_app.store.stamps import now, precise_now

DETAILS = ("name", "service", "date", "people", "lead", "next_review", "state")
_FIELDS = ("status", "reason", "notes", "evidence", "sample_size", "sample_how", "risk")
_ACTION_FIELDS = ("what", "owner", "due", "done")
Key = tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """One field both sides changed differently: where it is, and the two values."""

    key: Key  # ("details", name) | ("criterion", id, field) | ("action", id, action id, field)
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class Merge:
    """The merged fields, the conflicts left to settle, and what each side brought."""

    mine: Review
    theirs: Review
    fields: dict[Key, Any]
    conflicts: tuple[Conflict, ...]
    taken: int  # fields taken from theirs without a conflict

    @property
    def changes_nothing(self) -> bool:
        """Whether merging would leave our copy as it is (theirs has nothing new)."""
        return not self.conflicts and self.taken == 0

    def result(self, choose: Callable[[Conflict], str], *, record: bool = True) -> Review:
        """The merged review; `choose` says "mine" or "theirs" for each conflict.

        With `record`, the merge is a new revision in the review's history (as an import is);
        without, both histories are kept as they were (a save merged in a shared folder).
        """
        fields = dict(self.fields)
        for conflict in self.conflicts:
            fields[conflict.key] = (
                conflict.theirs if choose(conflict) == "theirs" else conflict.mine
            )
        payload = _unflatten(fields, self.mine, self.theirs)
        merged, _bad = Review.from_payload(payload)
        new = [Revision(snapshot_id(merged.snapshot()), precise_now(), merged.snapshot())]
        return Review.from_payload(
            {**merged.to_payload(), "history": [
                r.to_dict()
                for r in joined(self.mine.history, self.theirs.history, new if record else [])
            ]}
        )[0]  # fmt: skip


def merge(mine: Review, theirs: Review, base: Mapping[str, Any] | None) -> Merge:
    """Merge `theirs` into `mine` against `base` (their common snapshot; None: none known)."""
    ours, their, start = flat(mine.snapshot()), flat(theirs.snapshot()), flat(base or {})
    fields: dict[Key, Any] = {}
    conflicts: list[Conflict] = []
    taken = 0
    for key in sorted(set(ours) | set(their), key=str):
        m, t, b = field(ours, key), field(their, key), field(start, key)
        if m == t or t == b:
            fields[key] = m
        elif m == b:
            fields[key] = t
            taken += 1
        else:
            conflicts.append(Conflict(key, m, t))
    taken += _keep_changed_actions(fields, conflicts, ours, their, start)
    return Merge(mine, theirs, fields, tuple(conflicts), taken)


def field(fields: Mapping[Key, Any], key: Key) -> Any:
    """The value of `key` in flat fields, a criterion's default where it is not recorded.

    A criterion one copy never touched reads as not assessed, so a status set on the other
    copy is a change there, not a clash. An action's fields have no default (None: absent).
    """
    if key in fields or key[0] == "action":
        return fields.get(key)
    if key[0] == "criterion":
        return _default(key[-1])
    return fields.get(key)


def _keep_changed_actions(
    fields: dict[Key, Any],
    conflicts: list[Conflict],
    ours: dict[Key, Any],
    their: dict[Key, Any],
    start: dict[Key, Any],
) -> int:
    """An action removed on one side but changed on the other is kept, with the changes.

    Returns how many actions were kept so.
    """
    kept = 0
    for key in [k for k in fields if k[0] == "action" and k[-1] == "present"]:
        if fields[key]:
            continue
        prefix = key[:-1]
        changed = {
            k[-1]: side[k]
            for side in (ours, their)
            for k in side
            if k[:-1] == prefix and k[-1] != "present" and side[k] != start.get(k)
        }
        if changed:
            fields[key] = True
            for name in _ACTION_FIELDS:
                field_key = (*prefix, name)
                fields[field_key] = changed.get(name, ours.get(field_key, their.get(field_key)))
            conflicts[:] = [c for c in conflicts if c.key[:-1] != prefix]
            kept += 1
    return kept


def flat(snapshot: Mapping[str, Any]) -> dict[Key, Any]:
    """A review's snapshot as one value per field (criteria and actions by id)."""
    if not snapshot:
        return {}
    fields: dict[Key, Any] = {("details", name): snapshot.get(name, "") for name in DETAILS}
    fields[("details", "state")] = snapshot.get("state", "draft")
    found = snapshot.get("assessments", {})
    for cid, record in (found if isinstance(found, dict) else {}).items():
        assessment = Assessment.from_dict(record).to_dict()
        for name in _FIELDS:
            fields[("criterion", cid, name)] = assessment.get(name, _default(name))
        for action in assessment["actions"]:
            fields[("action", cid, action["id"], "present")] = True
            for name in _ACTION_FIELDS:
                fields[("action", cid, action["id"], name)] = action[name]
    return fields


def _default(name: str) -> Any:
    """A criterion's or action's field when it is not recorded."""
    return {"status": "not-assessed", "sample_size": 0, "risk": "", "done": False}.get(name, "")


def _value(fields: Mapping[Key, Any], key: Key) -> Any:
    """The merged value of `key`, or its default where neither side had it."""
    value = fields.get(key)
    return _default(key[-1]) if value is None else value


def _unflatten(fields: Mapping[Key, Any], mine: Review, theirs: Review) -> dict[str, Any]:
    """A review payload from merged fields; actions in our order, then theirs' new ones."""
    payload: dict[str, Any] = {
        **mine.snapshot(),
        **{key[1]: value for key, value in fields.items() if key[0] == "details"},
    }
    if not payload.get("next_review"):
        payload.pop("next_review", None)
    if not payload.get("lead"):
        payload.pop("lead", None)
    if payload.get("state") != "final":
        payload.pop("state", None)
    assessments: dict[str, dict[str, Any]] = {}
    order: dict[str, list[str]] = {}
    for review in (mine, theirs):
        for cid, found in review.assessments.items():
            ids = order.setdefault(cid, [])
            ids += [a.id for a in found.actions if a.id not in ids]
    criteria = {key[1] for key in fields if key[0] in ("criterion", "action")}
    for cid in sorted(criteria):
        record = {name: _value(fields, ("criterion", cid, name)) for name in _FIELDS}
        record["actions"] = [
            {"id": aid, **{n: _value(fields, ("action", cid, aid, n)) for n in _ACTION_FIELDS}}
            for aid in order.get(cid, [])
            if fields.get(("action", cid, aid, "present"))
        ]
        changes = [r.assessments[cid].changed for r in (mine, theirs) if cid in r.assessments]
        record["changed"] = max(changes) if changes else now()
        assessments[cid] = Assessment.from_dict(record).to_dict()
    payload["assessments"] = assessments
    payload["changed"] = now()
    return payload
