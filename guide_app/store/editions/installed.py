"""The editions in a data folder: which are installed in `<data>/editions/`, and which is used.

An installed edition is a folder `<data>/editions/<id>/` holding `content/` and the signed
manifest; it appears there only whole (install.py renames it into place). The choice is kept
in `<data>/editions/active.json`. The edition shipped with the app is always there to go back to.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from guide_app.common.safe_files import DataRoot
from guide_app.store.editions.manifest import (
    EDITION_ID,
    EditionError,
    Manifest,
    edition_number,
    parse,
)

FOLDER = "editions"
ACTIVE = "active.json"
SHIPPED = "shipped"
INCOMING = ".incoming-"
_SCHEMA = 1
_EDITION_LINE = re.compile(rb'(?m)^edition:[ \t]*["\']?([0-9.]+)["\']?[ \t]*(#.*)?$')
_DATE_LINE = re.compile(rb"(?m)^date:[ \t]*([0-9]{4}-[0-9]{2}-[0-9]{2})[ \t]*(#.*)?$")


@dataclass(frozen=True)
class Edition:
    """One edition this data folder can use: the shipped one, or one installed from a file."""

    id: str
    date: str
    content: Path
    shipped: bool = False
    signer: str = ""  # the key's fingerprint (installed editions)
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    """The edition to use at start, and anything the user should be told about the choice."""

    edition: Edition
    messages: tuple[str, ...] = ()


def shipped_edition(content: Path) -> Edition:
    """The edition in the app's own `content` folder (read from guide.yaml without parsing it)."""
    head = (content / "guide.yaml").read_bytes()[:8192]
    edition, date = _EDITION_LINE.search(head), _DATE_LINE.search(head)
    return Edition(
        edition.group(1).decode("ascii") if edition else "0",
        date.group(1).decode("ascii") if date else "",
        content,
        shipped=True,
    )


def newer(one: str, other: str) -> bool:
    """Whether edition `one` comes after edition `other`."""
    return edition_number(one) > edition_number(other)


class Editions:
    """The editions of one data folder (read and changed only through its DataRoot)."""

    def __init__(self, root: DataRoot, shipped_content: Path, keys: Path) -> None:
        """`shipped_content` is the app's own content folder; `keys`, the keys shipped with it."""
        self.root = root
        self.folder = root.path / FOLDER
        self.shipped = shipped_edition(shipped_content)
        self.shipped_keys = keys

    def installed(self) -> list[Edition]:
        """The editions installed from files, oldest first; a damaged folder is left out."""
        found = []
        for path in self._folders():
            try:
                manifest = parse(self.root.read(path / "edition.json"), str(path))
            except (OSError, EditionError):
                continue
            if manifest.edition == path.name and (path / "content").is_dir():
                found.append(_installed(manifest, path))
        return sorted(found, key=lambda e: edition_number(e.id))

    def all(self) -> list[Edition]:
        """The shipped edition and every installed one, oldest first."""
        return sorted([self.shipped, *self.installed()], key=lambda e: edition_number(e.id))

    def get(self, edition_id: str) -> Edition | None:
        """The edition named `edition_id` ("shipped" names the shipped one)."""
        if edition_id in (SHIPPED, self.shipped.id):
            return self.shipped
        return next((e for e in self.installed() if e.id == edition_id), None)

    def chosen(self) -> tuple[str, bool]:
        """The id kept as the one to use (or "shipped"), and whether the user pinned it."""
        try:
            record = json.loads(self.root.read(self.folder / ACTIVE, 4096))
        except (OSError, ValueError):
            return SHIPPED, False
        if not isinstance(record, dict):
            return SHIPPED, False
        active, pinned = record.get("active"), record.get("pinned")
        if not (isinstance(active, str) and (active == SHIPPED or EDITION_ID.fullmatch(active))):
            return SHIPPED, False
        return active, pinned is True

    def choose(self, edition_id: str, *, pinned: bool) -> Edition:
        """Keep `edition_id` as the one to use from the next start; return that edition.

        `pinned` (the user chose it) keeps it even when a newer version of the app ships a
        newer edition; an installed edition that is not pinned gives way to a newer shipped one.
        """
        edition = self.get(edition_id)
        if edition is None:
            known = ", ".join(e.id for e in self.all())
            raise EditionError(f"there is no edition {edition_id} here (there are: {known})")
        record = {
            "schema_version": _SCHEMA,
            "active": SHIPPED if edition.shipped else edition.id,
            "pinned": pinned,
        }
        self.root.write(self.folder / ACTIVE, json.dumps(record, indent=1).encode("ascii"))
        return edition

    def active(self) -> Choice:
        """The edition to use now, and why it is not the one chosen if it is not."""
        chosen, pinned = self.chosen()
        if chosen == SHIPPED or chosen == self.shipped.id:
            return Choice(self.shipped)
        edition = self.get(chosen)
        if edition is None:
            return Choice(
                self.shipped,
                (
                    (
                        f"The content edition {chosen} chosen for this data folder is missing "
                        f"or damaged in {self.folder}, so the app's own edition "
                        f"{self.shipped.id} is used. Install the edition again to use it."
                    ),
                ),
            )
        if not pinned and newer(self.shipped.id, edition.id):
            return Choice(self.shipped)  # the app was updated with a newer edition
        return Choice(edition)

    def _folders(self) -> list[Path]:
        """The installed edition folders (none half-written, none that is not a folder)."""
        try:
            where = self.root.folder(self.folder, create=False)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(
            entry
            for entry in where.iterdir()
            if EDITION_ID.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink()
        )


def _installed(manifest: Manifest, path: Path) -> Edition:
    """The Edition for the installed folder `path` whose manifest is `manifest`."""
    return Edition(
        manifest.edition,
        manifest.date,
        path / "content",
        signer=manifest.signer,
        replaces=manifest.replaces,
    )
