"""Fresh ids and timestamps for everything the user saves (bookmarks, folders, reviews)."""

from __future__ import annotations

import os


def now() -> str:
    """The current time as saved files record it (UTC, to the second, ISO 8601)."""
    import datetime as dt  # only when something is stamped: start-up need not load it

    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def precise_now() -> str:
    """The current time to the microsecond (UTC, ISO 8601): to order revisions made quickly."""
    import datetime as dt

    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def file_stamp() -> str:
    """The current time for a file name (UTC, to the microsecond, sortable, no colons)."""
    import datetime as dt

    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


def new_id() -> str:
    """A fresh unique id: 128 random bits as 32 hex digits (what uuid4().hex looks like)."""
    return os.urandom(16).hex()
