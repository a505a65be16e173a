"""Bookmarks on disk: bookmarks.json (versioned, backed up), import, export and merging."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from guide_app.common.safe_files import DataRoot
from guide_app.common.user_text import clean_data
from guide_app.store.bookmarks import (
    SCHEMA_VERSION,
    Bookmark,
    BookmarkError,
    BookmarkStore,
    Folder,
)
from guide_app.store.documents import (
    SCHEMA_KEY,
    Document,
    Loaded,
    Status,
    iter_json_objects,
)
from guide_app.store.stamps import now

FILE_NAME = "bookmarks.json"
T = TypeVar("T")


def _read_all(records: object, reader: Callable[[dict[str, Any]], T]) -> tuple[list[T], int]:
    """Read each record with `reader`; return the good ones and how many were bad."""
    if not isinstance(records, list):
        return [], 1
    good: list[T] = []
    for record in records:
        try:
            good.append(reader(record if isinstance(record, dict) else {}))
        except BookmarkError:
            continue
    return good, len(records) - len(good)


def parse(payload: dict[str, Any]) -> tuple[list[Folder], list[Bookmark], int]:
    """Read folders and bookmarks from a payload; return them and how many records were bad."""
    folders, bad_folders = _read_all(payload.get("folders", []), Folder.from_dict)
    bookmarks, bad_bookmarks = _read_all(payload.get("bookmarks", []), Bookmark.from_dict)
    return folders, bookmarks, bad_folders + bad_bookmarks


def salvage(text: str) -> dict[str, Any]:
    """Rebuild a payload from every bookmark and folder record still readable in `text`.

    Records are looked for inside every object that can be read, however deep (a damaged file
    may have them under a changed name, or inside an object that is not a record itself).
    """
    folders, bookmarks = [], []
    pending: list[object] = list(iter_json_objects(text))
    pending.reverse()
    while pending:  # depth first, in file order, without recursion
        value = pending.pop()
        if isinstance(value, dict) and "node_id" in value:
            bookmarks.append(value)
        elif isinstance(value, dict) and "name" in value and "id" in value:
            folders.append(value)
        elif isinstance(value, dict | list):
            children = list(value.values() if isinstance(value, dict) else value)
            pending.extend(reversed(children))
    return {"folders": folders, "bookmarks": bookmarks}


def rescue(text: str) -> dict[str, Any]:
    """What the app writes for the records still readable in damaged `text` (see `salvage`)."""
    folders, bookmarks, _bad = parse(clean_data(salvage(text)))
    store = BookmarkStore()
    store.replace_all(folders, bookmarks)
    return store.to_payload()


Parsed = tuple[list[Folder], list[Bookmark]]


def check(payload: dict[str, Any], keep: Callable[[Parsed], None] | None = None) -> str:
    """Say why a readable payload is not exactly what the app writes ("" when it is).

    A record that cannot be read, a field under a damaged name or a bookmark in a folder that
    is not there would otherwise be dropped silently and then overwritten by the next save.
    `keep` receives what was parsed, so an accepted payload need not be parsed again.
    """
    folders, bookmarks, bad = parse(payload)
    if bad:
        return f"{bad} damaged record{'' if bad == 1 else 's'} could not be read"
    store = BookmarkStore()
    store.replace_all(folders, bookmarks)
    if store.to_payload() != {k: v for k, v in payload.items() if k != SCHEMA_KEY}:
        return "some of its contents are not where or what the guide wrote"
    if keep is not None:
        keep((folders, bookmarks))
    return ""


class BookmarkFile:
    """`<data dir>/bookmarks.json`, with the last versions in `<data dir>/backups/`."""

    def __init__(self, data_dir: Path, root: DataRoot | None = None) -> None:
        self.document = Document(
            data_dir / FILE_NAME,
            SCHEMA_VERSION,
            rescue,
            backups=data_dir / "backups",
            check=lambda payload: check(payload, self._keep),
            root=root if root is not None else DataRoot(data_dir),
        )
        self.rewrite_needed = False  # a damaged file was set aside: save what was rescued
        self._accepted: Parsed | None = None  # what the check parsed from the file it accepted

    def _keep(self, parsed: Parsed) -> None:
        self._accepted = parsed

    def _take_accepted(self) -> Parsed | None:
        accepted, self._accepted = self._accepted, None
        return accepted

    @property
    def path(self) -> Path:
        """The bookmarks file."""
        return self.document.path

    def load_into(self, store: BookmarkStore, *, inspect_only: bool = False) -> Loaded:
        """Fill `store` from disk; a newer or unreadable file makes the store read-only.

        When a damaged file was set aside, `rewrite_needed` says so: what was rescued from it
        has been written in its place already when the disk allowed, and the owner saves it
        again soon in case it did not. With `inspect_only` (the command line) nothing on disk
        is touched.
        """
        self._accepted = None
        loaded = self.document.load(inspect_only=inspect_only)
        accepted = self._take_accepted()
        if accepted is not None and loaded.set_aside is None:
            folders, bookmarks = accepted  # the check parsed this very payload
        else:  # no file, or what was salvaged from a damaged one
            folders, bookmarks, _bad = parse(loaded.payload)
        store.replace_all(folders, bookmarks)
        store.read_only = loaded.read_only
        if loaded.status is not Status.FUTURE:
            store.read_only_reason = "their file could not be read, so nothing is saved over it"
        self.rewrite_needed = loaded.set_aside is not None
        return loaded

    def save(self, store: BookmarkStore) -> None:
        """Write the store (raises OSError on failure; the old file stays intact)."""
        self.document.save(store.to_payload())


# Import and export -----------------------------------------------------------------------


def export_json(store: BookmarkStore) -> bytes:
    """Return every bookmark and folder as JSON that import_json reads back losslessly."""
    document = {SCHEMA_KEY: SCHEMA_VERSION, "exported": now(), **store.to_payload()}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def import_json(data: bytes) -> tuple[list[Folder], list[Bookmark]]:
    """Read an exported file; raise BookmarkError saying why if any part of it is not valid."""
    try:
        payload = clean_data(json.loads(data.decode("utf-8")))
    except UnicodeDecodeError:
        raise BookmarkError("the file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise BookmarkError(
            f"the file is not valid JSON (line {error.lineno}: {error.msg})"
        ) from None
    except (ValueError, RecursionError):  # a number too long to read, or nesting too deep
        raise BookmarkError("the file is not a bookmarks export (it cannot be read)") from None
    if not isinstance(payload, dict) or not isinstance(payload.get(SCHEMA_KEY), int):
        raise BookmarkError("the file is not a bookmarks export (no schema_version)")
    if payload[SCHEMA_KEY] > SCHEMA_VERSION:
        raise BookmarkError(
            f"the file comes from a newer version of the guide (format "
            f"{payload[SCHEMA_KEY]}); update the guide to import it"
        )
    if not isinstance(payload.get("bookmarks"), list):
        raise BookmarkError("the file has no list of bookmarks")
    folders, bookmarks, bad = parse(payload)
    if bad:
        raise BookmarkError(
            "1 record in the file is not a valid bookmark or folder"
            if bad == 1
            else f"{bad} records in the file are not valid bookmarks or folders"
        )
    return folders, bookmarks


@dataclass(frozen=True)
class MergeResult:
    """What an import did."""

    added: int
    notes_merged: int
    already_there: int
    folders_added: int


def merge(store: BookmarkStore, folders: list[Folder], bookmarks: list[Bookmark]) -> MergeResult:
    """Add imported bookmarks without duplicates; never lose either side's note.

    A page already bookmarked keeps its bookmark; an imported note it does not already hold is
    added below its own note. Folders are matched by name.
    """
    folder_by_name = {f.name: f.id for f in store.folders}
    imported_folder: dict[str, str] = {}
    folders_added = 0
    for folder in folders:
        if folder.name not in folder_by_name:
            folder_by_name[folder.name] = store.add_folder(folder.name).id
            folders_added += 1
        imported_folder[folder.id] = folder_by_name[folder.name]
    added = merged = same = 0
    for incoming in bookmarks:
        existing = store.for_node([incoming.node_id])
        if existing is None:
            target = imported_folder.get(incoming.folder or "")
            created = store.add(incoming.node_id, incoming.title, incoming.note, target)
            added += created is not None
        elif incoming.note.strip() and incoming.note.strip() not in existing.note:
            joined = f"{existing.note.rstrip()}\n\n{incoming.note.strip()}".strip()
            store.update(existing.id, note=joined)
            merged += 1
        else:
            same += 1
    return MergeResult(added, merged, same, folders_added)


def export_markdown(store: BookmarkStore, describe: Callable[[str], tuple[str, bool]]) -> str:
    """Return the bookmarks as readable Markdown, grouped by folder, notes included.

    `describe(node_id)` gives the page's current title and whether it is in this edition.
    Every title, name, id and note is escaped, so it reads as typed and is never a link, an
    image, HTML or a heading; each line of a note stays a line of a quote.
    """
    from guide_app.common.user_text import escape_markdown

    def text(value: str) -> str:
        return escape_markdown(" ".join(value.split()))

    lines = ["# Bookmarks", "", f"Exported {now()} from the Pain & Mental Health Guide.", ""]
    groups: list[tuple[str, list[Bookmark]]] = [
        ("Not in a folder", [b for b in store.bookmarks if b.folder is None])
    ]
    groups += [(f.name, [b for b in store.bookmarks if b.folder == f.id]) for f in store.folders]
    for name, members in groups:
        if not members:
            continue
        lines += [f"## {text(name)}", ""]
        for bookmark in members:
            page_title, present = describe(bookmark.node_id)
            where = f"guide:{text(bookmark.node_id)}"
            where += "" if present else ", not in this edition"
            shown = text(bookmark.title)
            if bookmark.title != page_title:
                shown += f" ({text(page_title)})"
            lines.append(f"- **{shown}** ({where})")
            note = [escape_markdown(line.strip()) for line in bookmark.note.strip().splitlines()]
            for n, line in enumerate(note):
                hard_break = "\\" if line and n + 1 < len(note) and note[n + 1] else ""
                lines.append(f"  > {line}{hard_break}".rstrip())
        lines.append("")
    return "\n".join(lines)
