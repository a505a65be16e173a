"""One save coordinator: every saved document registered once, flushed by close, quit and crash."""

from __future__ import annotations

import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

RETRY_S = (5, 15, 60)  # seconds before saving again after the first, second, later failures


class Saveable:
    """One document that is saved as a whole: its name for the user and how to save it.

    `dirty` says there are changes not yet on disk; after a failure `failures` counts the
    attempts and `last_error` says why, in words for the user. (A plain class: it is made at
    start-up, where a dataclass's generated code costs time.)
    """

    __slots__ = ("dirty", "failures", "last_error", "save", "what")

    def __init__(self, what: str, save: Callable[[], None]) -> None:
        self.what, self.save = what, save
        self.dirty = False
        self.failures = 0
        self.last_error = ""

    @property
    def retry_after(self) -> int:
        """Seconds to wait before saving again after the failures so far."""
        return RETRY_S[min(max(self.failures, 1) - 1, len(RETRY_S) - 1)]

    def flush(self) -> bool:
        """Save now if anything changed; True when everything is on disk.

        Nothing in memory is dropped when a save fails, whatever the failure (a full disk, a
        file that must not be overwritten, an error in our own code): it is counted, said in
        `last_error`, and the next attempt writes all of it.
        """
        if not self.dirty:
            return True
        try:
            self.save()
        except Exception as error:  # noqa: BLE001 - any failure is kept, said and retried
            self.failures += 1
            self.last_error = getattr(error, "strerror", None) or str(error) or type(error).__name__
            log.warning("saving %s failed (%s)", self.what, error)
            return False
        self.dirty = False
        self.failures = 0
        self.last_error = ""
        return True


class SaveRegistry:
    """Every saved document, by name (qutebrowser's save manager is the model).

    Autosave flushes one document after a change; closing, quitting and a crash flush them
    all through `flush`, so no path saves differently.
    """

    def __init__(self) -> None:
        self._entries: dict[str, Saveable] = {}

    def register(self, what: str, save: Callable[[], None]) -> Saveable:
        """Register a document under the name shown to the user; a name is registered once."""
        if what in self._entries:
            raise ValueError(f"{what!r} is registered already")
        entry = self._entries[what] = Saveable(what, save)
        return entry

    def __getitem__(self, what: str) -> Saveable:
        return self._entries[what]

    @property
    def unsaved(self) -> list[str]:
        """The names of the documents with changes not yet on disk."""
        return [what for what, entry in self._entries.items() if entry.dirty]

    def flush(self) -> bool:
        """Save every document with changes; True when all of them are on disk."""
        results = [entry.flush() for entry in self._entries.values()]  # each one is tried
        return all(results)
