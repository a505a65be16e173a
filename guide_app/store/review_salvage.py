"""A review file that is damaged or not quite what the app wrote: what is kept, what is said."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

from guide_app.common.user_text import clean_data
from guide_app.store.documents import SCHEMA_KEY
from guide_app.store.reviews import Assessment, Review, ReviewError


def salvage(text: str, repeated: list[str] | None = None) -> dict[str, Any]:
    """Rebuild a review from a damaged file: its details and every readable assessment.

    A criterion found more than once keeps its first record that can be read; the id of
    each other one is added to `repeated` (the damaged file, set aside whole, still has it).
    """
    payload: dict[str, Any] = {}
    details = ("name", "service", "date", "people", "created", "changed", "started_from")
    for key in (*details, "lead", "next_review", "state"):
        found = re.search(rf'"{key}"\s*:\s*("(?:[^"\\]|\\.)*")', text)
        if found:
            with contextlib.suppress(ValueError):  # also ReviewError: an empty name, a bad date
                value = json.loads(found.group(1))
                Review.from_payload({"id": "detail", "name": "detail", key: value})
                payload[key] = value
    payload.setdefault("name", "Recovered review")
    decoder = json.JSONDecoder()
    assessments: dict[str, Any] = {}
    for found in re.finditer(r'"([a-z0-9]+(?:-[a-z0-9]+)*)"\s*:\s*\{', text):
        try:
            value, _ = decoder.raw_decode(text, found.end() - 1)
        except (ValueError, RecursionError):
            continue
        if not isinstance(value, dict) or "status" not in value:
            continue
        key = found.group(1)
        if key not in assessments or not _readable(assessments[key]):
            if key in assessments and repeated is not None:
                repeated.append(key)
            assessments[key] = value
        elif repeated is not None:
            repeated.append(key)
    payload["assessments"] = assessments
    return payload


def _readable(record: dict[str, Any]) -> bool:
    try:
        Assessment.from_dict(record)
    except ReviewError:
        return False
    return True


def rescue(review_id: str, text: str, repeated: list[str] | None = None) -> dict[str, Any]:
    """What the app writes for the review still readable in damaged `text` (see `salvage`)."""
    found = clean_data(salvage(text, repeated))
    try:
        review, _bad = Review.from_payload({**found, "id": review_id})
    except ReviewError:  # only a name and an id are needed, and salvage supplies both
        review = Review(review_id, "Recovered review")
    return review.to_payload()


def check(review_id: str, payload: dict[str, Any]) -> str:
    """Say why a readable review file is not exactly what the app writes ("" when it is).

    Anything that would be dropped silently (a damaged criterion record, a field under a
    damaged name, another id than the file's name) has the file set aside before it is saved
    over.
    """
    try:
        review, bad = Review.from_payload(payload)
    except ReviewError as error:
        return str(error)
    if bad:
        return f"{bad} damaged criterion record{'' if bad == 1 else 's'} could not be read"
    if review.id != review_id:
        return "the id inside it is not its file name"
    if review.to_payload() != {k: v for k, v in payload.items() if k != SCHEMA_KEY}:
        return "some of its contents are not where or what the guide wrote"
    return ""
