"""Versioned JSON documents: load with migrations, refuse the future, set damage aside, back up."""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_app.store.atomic import write_atomic
from guide_app.store.stamps import file_stamp

log = logging.getLogger(__name__)

SCHEMA_KEY = "schema_version"
_HEAD_VERSION = re.compile(r'^\s*\{\s*"schema_version"\s*:\s*(\d+)')
BACKUPS_KEPT = 10
Payload = dict[str, Any]
Migration = Callable[[Payload], Payload]
Check = Callable[[Payload], str]  # why a readable payload is not what the app wrote, or ""


class Status(enum.Enum):
    """What loading found."""

    NEW = "new"  # no file yet
    OK = "ok"
    MIGRATED = "migrated"  # an older version, brought up to date (written back on next save)
    DAMAGED = "damaged"  # unreadable or partly readable: set aside, readable records kept
    FUTURE = "future"  # written by a newer version of the app: read-only, never overwritten
    UNREADABLE = "unreadable"  # the file could not be opened (permissions): read-only


class ReadOnlyError(OSError):
    """Refused to write a document that must not be overwritten."""


@dataclass(frozen=True)
class Loaded:
    """The result of loading a document: what could be read and what the user must be told."""

    payload: Payload
    status: Status
    message: str = ""
    set_aside: Path | None = None

    @property
    def read_only(self) -> bool:
        """True when saving would destroy something: the file is newer or could not be read."""
        return self.status in (Status.FUTURE, Status.UNREADABLE)


def iter_json_objects(text: str) -> Iterator[dict[str, Any]]:
    """Yield every JSON object that can still be decoded somewhere in damaged `text`.

    Used to rescue the readable records of a truncated or corrupted file: each `{` is tried as
    the start of an object, and a decoded object is skipped over as a whole.
    """
    decoder = json.JSONDecoder()
    position = text.find("{", 1)
    while position != -1:
        try:
            value, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError):  # ValueError: also a number too long to read
            position = text.find("{", position + 1)
            continue
        if isinstance(value, dict):
            yield value
            position = text.find("{", end)
        else:
            position = text.find("{", position + 1)


class Document:
    """One versioned JSON file, its migrations, and its rolling backups.

    Args:
        path: the file.
        version: the schema_version this code writes.
        migrations: for each old version N, a function turning a version-N payload into N+1.
        salvage: rebuilds a payload from the text of a damaged file (readable records only).
        backups: folder for the last BACKUPS_KEPT saved versions.
        check: says why a payload that is valid JSON still does not hold exactly what this
            version writes (a record that cannot be read, a field under a damaged name), so the
            file is set aside before a save could overwrite what is left of it.
    """

    def __init__(
        self,
        path: Path,
        version: int,
        salvage: Callable[[str], Payload],
        migrations: dict[int, Migration] | None = None,
        backups: Path | None = None,
        check: Check | None = None,
    ) -> None:
        self.path = path
        self.version = version
        self._salvage = salvage
        self._migrations = migrations or {}
        self._backups = backups
        self._check = check
        self.read_only = False
        self._inspect_only = False

    def load(self, *, inspect_only: bool = False) -> Loaded:
        """Read the file. Never raises for bad content; changes a file only to set it aside.

        Temporary files left by a save (or a backup) that was killed half-way are removed first
        (the app holds the data folder's lock, so no other save can be under way). With
        `inspect_only` (the command line, which may run beside the app) nothing on disk is
        touched at all, and the document becomes read-only.
        """
        self._inspect_only = inspect_only
        if inspect_only:
            self.read_only = True
        for stale in () if inspect_only else self._stale_temporary_files():
            with contextlib.suppress(OSError):
                stale.unlink()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Loaded({}, Status.NEW)
        except IsADirectoryError:
            return self._damaged("", "it is a folder, not a file")
        except OSError as error:
            self.read_only = True
            reason = error.strerror or str(error)
            return Loaded(
                {},
                Status.UNREADABLE,
                f"{self.path} could not be read ({reason}). "
                "It has not been changed; nothing will be saved over it.",
            )
        text = raw.decode("utf-8", errors="replace")
        try:
            payload = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as error:  # ValueError: also a number too long
            return self._damaged(text, f"it is not valid JSON ({_short(error)})")
        if not isinstance(payload, dict) or not isinstance(payload.get(SCHEMA_KEY), int):
            return self._damaged(text, f"it has no whole-number '{SCHEMA_KEY}'")
        found = payload[SCHEMA_KEY]
        if found > self.version:
            self.read_only = True
            return Loaded(
                payload,
                Status.FUTURE,
                (
                    f"{self.path} was saved by a newer version of the guide (format {found}; "
                    f"this version understands up to {self.version}). It is shown read-only and "
                    "will not be changed. Update the guide to edit it."
                ),
            )
        if found < 1:
            return self._damaged(text, f"its '{SCHEMA_KEY}' is {found}")
        status = Status.OK
        while payload[SCHEMA_KEY] < self.version:
            step = self._migrations.get(payload[SCHEMA_KEY])
            if step is None:
                return self._damaged(text, f"no way to update format {payload[SCHEMA_KEY]}")
            payload = step(payload)
            status = Status.MIGRATED
        why = self._check(payload) if self._check is not None else ""
        if why:
            return self._damaged(text, why)
        return Loaded(payload, status)

    def _stale_temporary_files(self) -> list[Path]:
        found = list(self.path.parent.glob(f".{self.path.name}.*.tmp"))
        if self._backups is not None:
            found += self._backups.glob(f".{self.path.stem}-*.json.*.tmp")
        return found

    def _damaged(self, text: str, why: str) -> Loaded:
        """Set the file aside under a new name, and keep what can still be read from it."""
        if self._inspect_only:
            return Loaded(
                self._salvage(text),
                Status.DAMAGED,
                (
                    f"{self.path} is damaged ({why}); what could still be read from it is used. "
                    "The app sets it aside when it next opens it."
                ),
            )
        aside = self.path.with_name(f"{self.path.name}.corrupt-{file_stamp()}")
        try:
            self.path.replace(aside)
        except OSError as error:
            self.read_only = True  # it could not be moved: never overwrite it
            return Loaded(
                self._salvage(text),
                Status.UNREADABLE,
                (
                    f"{self.path} is damaged ({why}) and could not be set aside "
                    f"({error.strerror or error}). It is shown read-only and will not be changed."
                ),
            )
        payload = self._salvage(text)
        return Loaded(
            payload,
            Status.DAMAGED,
            (
                f"{self.path} was damaged ({why}). It has been kept as {aside.name}, and "
                "everything that could still be read from it has been kept."
            ),
            set_aside=aside,
        )

    def save(self, payload: Payload) -> None:
        """Write `payload` with the current schema_version, then keep a backup copy.

        Raises:
            ReadOnlyError: the document must not be overwritten (newer or unreadable file).
            OSError: the write failed; the previous file is intact.
        """
        on_disk = self._version_on_disk()
        if self.read_only or (on_disk is not None and on_disk > self.version):
            self.read_only = True
            raise ReadOnlyError(f"{self.path} is read-only in this version of the guide")
        document = {SCHEMA_KEY: self.version, **payload}
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        write_atomic(self.path, data)
        self._back_up(data)

    def _version_on_disk(self) -> int | None:
        """Read the schema_version at the head of the file on disk (we always write it first)."""
        try:
            with self.path.open("rb") as stream:
                head = stream.read(256).decode("utf-8", errors="replace")
        except OSError:
            return None
        found = _HEAD_VERSION.search(head)
        return int(found.group(1)) if found else None

    def _back_up(self, data: bytes) -> None:
        """Keep this version in the backups folder; drop all but the newest BACKUPS_KEPT."""
        if self._backups is None:
            return
        stem = self.path.stem
        try:
            write_atomic(self._backups / f"{stem}-{file_stamp()}.json", data)
            kept = sorted(self._backups.glob(f"{stem}-*.json"))
            for old in kept[:-BACKUPS_KEPT]:
                old.unlink()
        except OSError as error:  # the document itself is saved; a missing backup is no loss
            log.warning("could not write a backup of %s: %s", self.path, error)

    def backups(self) -> list[Path]:
        """Return the backup files of this document, oldest first."""
        if self._backups is None or not self._backups.is_dir():
            return []
        return sorted(self._backups.glob(f"{self.path.stem}-*.json"))


def _short(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno}, column {error.colno}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error).split(":")[0]  # e.g. a number too long to read
