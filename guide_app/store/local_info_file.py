"""Local information on disk: local-information.json, versioned, backed up, damage set aside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guide_app.common.safe_files import DataRoot
from guide_app.common.user_text import clean_data
from guide_app.store.documents import SCHEMA_KEY, Document, Loaded, Status, iter_json_objects
from guide_app.store.local_info import SCHEMA_VERSION, LocalInfoStore, parse

FILE_NAME = "local-information.json"


def salvage(text: str) -> dict[str, Any]:
    """Every note record still readable anywhere in damaged `text`, as a payload."""
    notes: list[object] = []
    pending: list[object] = list(iter_json_objects(text))
    pending.reverse()
    while pending:  # depth first, in file order, without recursion
        value = pending.pop()
        if isinstance(value, dict) and "node_id" in value:
            notes.append(value)
        elif isinstance(value, dict | list):
            children = list(value.values() if isinstance(value, dict) else value)
            pending.extend(reversed(children))
    return {"notes": notes}


def rescue(text: str) -> dict[str, Any]:
    """What the app writes for the notes still readable in damaged `text`."""
    notes, _bad = parse(clean_data(salvage(text)))
    store = LocalInfoStore()
    store.replace_all(notes)
    return store.to_payload()


def check(payload: dict[str, Any]) -> str:
    """Say why a readable payload is not exactly what the app writes ("" when it is)."""
    notes, bad = parse(payload)
    if bad:
        return f"{bad} damaged record{'' if bad == 1 else 's'} could not be read"
    store = LocalInfoStore()
    store.replace_all(notes)
    if store.to_payload() != {k: v for k, v in payload.items() if k != SCHEMA_KEY}:
        return "some of its contents are not where or what the guide wrote"
    return ""


class LocalInfoFile:
    """`<data dir>/local-information.json`, with the last versions in `<data dir>/backups/`."""

    def __init__(self, data_dir: Path, root: DataRoot | None = None) -> None:
        self.document = Document(
            data_dir / FILE_NAME,
            SCHEMA_VERSION,
            rescue,
            backups=data_dir / "backups",
            check=check,
            root=root if root is not None else DataRoot(data_dir),
        )
        self.rewrite_needed = False  # a damaged file was set aside, or notes were renamed

    @property
    def path(self) -> Path:
        """The local information file."""
        return self.document.path

    def load_into(self, store: LocalInfoStore, *, inspect_only: bool = False) -> Loaded:
        """Fill `store` from disk; a newer or unreadable file makes the store read-only."""
        loaded = self.document.load(inspect_only=inspect_only)
        notes, _bad = parse(loaded.payload)
        store.replace_all(notes)
        store.read_only = loaded.read_only
        if loaded.status is not Status.FUTURE:
            store.read_only_reason = "its file could not be read, so nothing is saved over it"
        self.rewrite_needed = loaded.set_aside is not None
        return loaded

    def save(self, store: LocalInfoStore) -> None:
        """Write the store (raises OSError on failure; the old file stays intact)."""
        self.document.save(store.to_payload())
