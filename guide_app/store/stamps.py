"""Fresh ids and timestamps for everything the user saves (bookmarks, folders, reviews)."""

from __future__ import annotations

import datetime as dt
import os


def now() -> str:
    """The current time as saved files record it (UTC, to the second, ISO 8601)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_id() -> str:
    """A fresh unique id: 128 random bits as 32 hex digits (what uuid4().hex looks like)."""
    return os.urandom(16).hex()
