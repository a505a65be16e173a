"""Local information as one file to pass on: export, read an import, and plan what it changes."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from guide_app.common.user_text import clean_data
from guide_app.guide.model import Guide
from guide_app.store.documents import SCHEMA_KEY
from guide_app.store.local_info import (
    SCHEMA_VERSION,
    LocalInfoError,
    LocalInfoStore,
    LocalNote,
    parse,
)
from guide_app.store.stamps import now

KIND = "guide-app local information"  # the marker that says what an exported file holds


def export_json(store: LocalInfoStore) -> bytes:
    """Every note, pages not in this edition too, as JSON that `import_json` reads back."""
    document = {SCHEMA_KEY: SCHEMA_VERSION, "kind": KIND, "exported": now(), **store.to_payload()}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def import_json(data: bytes, name: str) -> list[LocalNote]:
    """The notes in an exported file called `name`; LocalInfoError says why one is refused."""
    try:
        payload = clean_data(json.loads(data.decode("utf-8")))
    except UnicodeDecodeError:
        raise LocalInfoError(f"{name} is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise LocalInfoError(
            f"{name} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except (ValueError, RecursionError):  # a number too long to read, or nesting too deep
        raise LocalInfoError(f"{name} cannot be read as JSON") from None
    if not isinstance(payload, dict) or payload.get("kind") != KIND:
        raise LocalInfoError(f"{name} is not an export of local information from this guide")
    version = payload.get(SCHEMA_KEY)
    if not isinstance(version, int) or version < 1:
        raise LocalInfoError(f"{name} has no whole-number '{SCHEMA_KEY}'")
    if version > SCHEMA_VERSION:
        raise LocalInfoError(
            f"{name} comes from a newer version of the guide (format {version}); "
            "update the guide to import it"
        )
    if not isinstance(payload.get("notes"), list):
        raise LocalInfoError(f"{name} has no list of notes")
    notes, bad = parse(payload)
    if bad:
        records = "1 record" if bad == 1 else f"{bad} records"
        raise LocalInfoError(f"{records} in {name} could not be read as local information")
    return notes


@dataclass(frozen=True)
class Change:
    """One page an import changes: its note before (None when it is added) and after."""

    node_id: str
    old: LocalNote | None
    new: LocalNote


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do, worked out before anything changes."""

    added: tuple[Change, ...]
    replaced: tuple[Change, ...]
    unchanged: int

    @property
    def changes(self) -> tuple[Change, ...]:
        """Every change, added first."""
        return self.added + self.replaced


def plan_import(
    store: LocalInfoStore,
    notes: list[LocalNote],
    resolve: Callable[[str], str | None] = lambda _id: None,
) -> ImportPlan:
    """Work out what importing `notes` adds and replaces; the same text is left alone.

    A note is matched by its page's current id (`resolve` gives it for a former id, None for
    a page not in this edition, whose note keeps its id). It replaces the kept one only when
    its text differs, so importing one file twice changes nothing the second time.
    """
    added: list[Change] = []
    replaced: list[Change] = []
    unchanged = 0
    seen: set[str] = set()
    for found in notes:
        current = resolve(found.node_id)
        note = replace(found, node_id=current) if current else found
        if note.node_id in seen or not note.text.strip():
            continue
        seen.add(note.node_id)
        old = store.for_node([note.node_id])
        if old is None:
            added.append(Change(note.node_id, None, note))
        elif old.text != note.text:
            replaced.append(Change(note.node_id, old, note))
        else:
            unchanged += 1
    return ImportPlan(tuple(added), tuple(replaced), unchanged)


def pages(n: int) -> str:
    """`n` pages in words: "1 page", "3 pages"."""
    return f"{n} page" if n == 1 else f"{n} pages"


def titles(guide: Guide) -> Callable[[str], str]:
    """A page's title by its id or a former one; one not in this edition says so."""

    def title(node_id: str) -> str:
        node = guide.resolve(node_id)
        return node.title if node is not None else f"{node_id} (not in this edition)"

    return title


def _indented(text: str) -> str:
    return "\n".join(f"      {line}" for line in text.strip().splitlines())


def describe(plan: ImportPlan, title: Callable[[str], str]) -> str:
    """The plan in plain words: each page added, then each page replaced with old and new."""
    lines: list[str] = []

    def page(change: Change) -> None:
        lines.append(f"  {title(change.node_id)}")

    if plan.added:
        lines.append(f"ADDED ({pages(len(plan.added))})")
        for change in plan.added:
            page(change)
            lines += ["    New:", _indented(change.new.text), ""]
    if plan.replaced:
        lines.append(f"REPLACED ({pages(len(plan.replaced))})")
        for change in plan.replaced:
            page(change)
            old = change.old.text if change.old is not None else ""
            lines += ["    Now (will be replaced):", _indented(old)]
            lines += ["    From the file:", _indented(change.new.text), ""]
    return "\n".join(lines).rstrip() + "\n"
