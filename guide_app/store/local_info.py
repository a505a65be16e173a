"""The team's local information, one note per guide page, kept in memory with change notices."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from guide_app.common.user_text import clean
from guide_app.guide.model import Guide
from guide_app.store.stamps import now

SCHEMA_VERSION = 1
Listener = Callable[[str, str | None], None]  # (what changed, the page id)


class LocalInfoError(ValueError):
    """A local information record or file is not valid, or the notes may not change."""


@dataclass(frozen=True)
class LocalNote:
    """What the team keeps about one page: their own plain text, and when it last changed."""

    node_id: str
    text: str
    changed: str = field(default_factory=now)

    @classmethod
    def from_dict(cls, record: object) -> LocalNote:
        """Read a record, raising LocalInfoError if it is not valid."""
        if not isinstance(record, dict):
            raise LocalInfoError("a record should be an object")
        values = [record.get(key) for key in ("node_id", "text", "changed")]
        if not all(isinstance(v, str) for v in values) or not str(values[0]).strip():
            raise LocalInfoError("a record needs 'node_id', 'text' and 'changed' as text")
        return cls(*values)  # type: ignore[arg-type]


class LocalInfoStore:
    """Every page's local information, by page id. Nothing here touches the disk.

    A note whose page is not in this edition is kept as it is (and saved and exported).
    Listeners hear "changed" or "removed" with the page id, or "reset" with None.
    """

    def __init__(self) -> None:
        self._notes: dict[str, LocalNote] = {}
        self._listeners: list[Listener] = []
        self.read_only = False
        self.read_only_reason = "it was saved by a newer version of the guide"

    @property
    def notes(self) -> list[LocalNote]:
        """Every note, in the order they were first kept."""
        return list(self._notes.values())

    def __len__(self) -> int:
        return len(self._notes)

    def for_node(self, node_ids: Iterable[str]) -> LocalNote | None:
        """The note kept under any of `node_ids` (a page's id, then its former ids), or None."""
        return next((self._notes[i] for i in node_ids if i in self._notes), None)

    def subscribe(self, listener: Listener) -> None:
        """Call `listener(what, node_id)` after every change."""
        self._listeners.append(listener)

    def _changed(self, what: str, node_id: str | None) -> None:
        for listener in list(self._listeners):
            listener(what, node_id)

    def _writable(self) -> None:
        if self.read_only:
            raise LocalInfoError(f"local information is read-only: {self.read_only_reason}")

    def put(self, note: LocalNote) -> LocalNote | None:
        """Keep `note` as it is (its time too), in place of the page's old one; return the old."""
        self._writable()
        note = LocalNote(note.node_id, clean(note.text), note.changed)
        old = self._notes.get(note.node_id)
        if old == note:
            return old
        self._notes[note.node_id] = note
        self._changed("changed", note.node_id)
        return old

    def set_text(self, node_id: str, text: str) -> LocalNote | None:
        """Keep `text` for the page, stamped now (blank text removes it); return the old note."""
        if not text.strip():
            return self.remove(node_id)
        old = self._notes.get(node_id)
        if old is not None and old.text == clean(text):
            return old
        return self.put(LocalNote(node_id, text))

    def remove(self, node_id: str) -> LocalNote | None:
        """Forget the page's note; return it (None if there was none), so it can be put back."""
        self._writable()
        old = self._notes.pop(node_id, None)
        if old is not None:
            self._changed("removed", node_id)
        return old

    def follow_renames(self, resolve: Callable[[str], str | None]) -> int:
        """Move each note kept under a page's former id to its current id; return how many.

        `resolve(id)` gives the current id of a page (None when it is not in this edition).
        A note is never dropped: one whose page is gone, or whose new id already has a note,
        stays where it is.
        """
        moved = 0
        notes: dict[str, LocalNote] = {}
        for node_id, note in self._notes.items():
            current = resolve(node_id)
            free = current not in self._notes and current not in notes
            if current and current != node_id and free:
                notes[current] = LocalNote(current, note.text, note.changed)
                moved += 1
                continue
            notes.setdefault(node_id, note)
        if moved:
            self._notes = notes
            self._changed("reset", None)
        return moved

    def to_payload(self) -> dict[str, Any]:
        """Everything as plain data (schema_version is added by the document)."""
        return {"notes": [asdict(n) for n in self._notes.values()]}

    def replace_all(self, notes: Iterable[LocalNote]) -> None:
        """Replace the contents (after loading); of two notes for one page the first is kept."""
        self._notes = {}
        for note in notes:
            self._notes.setdefault(note.node_id, note)
        self._changed("reset", None)


def parse(payload: dict[str, Any]) -> tuple[list[LocalNote], int]:
    """The notes in a payload, and how many records could not be read."""
    records = payload.get("notes", [])
    if not isinstance(records, list):
        return [], 1
    good: list[LocalNote] = []
    for record in records:
        try:
            good.append(LocalNote.from_dict(record))
        except LocalInfoError:
            continue
    return good, len(records) - len(good)


def current_ids(guide: Guide) -> Callable[[str], str | None]:
    """The current id of a page given its id or a former one (None: not in this edition)."""

    def current(node_id: str) -> str | None:
        node = guide.resolve(node_id)
        return node.id if node is not None else None

    return current
