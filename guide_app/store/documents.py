"""Versioned JSON documents: load with migrations, refuse the future, set damage aside, back up."""

from __future__ import annotations

import contextlib
import enum
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_app.common.safe_files import DataRoot
from guide_app.common.user_text import clean_data
from guide_app.store.stamps import file_stamp

log = logging.getLogger(__name__)

SCHEMA_KEY = "schema_version"
# After "<stem>-": a number (newer backups) or only a time stamp (older ones), maybe "-n".
_BACKUP_NAME = re.compile(r"(?:(\d{6,})-)?\d{8}T\d{12}Z(?:-\d+)?\.json")
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


def _refuse_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object from JSON, refusing a key that appears twice (JSON would keep only the last)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise ValueError(f"the key {key!r} appears twice")
        found[key] = value
    return found


def parse_json(raw: bytes) -> Any:
    """JSON from `raw` (UTF-8), every string cleaned of lone surrogates; raises ValueError."""
    return clean_data(json.loads(raw.decode("utf-8"), object_pairs_hook=_refuse_repeated_keys))


def encode(document: Payload) -> bytes:
    """The bytes saved for `document`; text that cannot be UTF-8 is cleaned, never refused."""
    try:
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate got past the door: replace it, still save
        log.warning("text that cannot be saved as UTF-8 was replaced by U+FFFD")
        cleaned = json.dumps(clean_data(document), ensure_ascii=False, indent=2)
        return (cleaned + "\n").encode("utf-8")


def _identity(found: os.stat_result) -> tuple[int, int, int]:
    return (found.st_ino, found.st_size, found.st_mtime_ns)


class Document:
    """One versioned JSON file, its migrations, and its rolling backups.

    Args:
        path: the file.
        version: the schema_version this code writes.
        salvage: rebuilds, from the text of a damaged file, the payload the app would write
            for what can still be read (its readable records only).
        migrations: for each old version N, a function turning a version-N payload into N+1.
        backups: folder for the last BACKUPS_KEPT saved versions.
        check: says why a payload that is valid JSON still does not hold exactly what this
            version writes (a record that cannot be read, a field under a damaged name), so the
            file is set aside before a save could overwrite what is left of it.
        root: the data folder the file lives in (default: the file's folder); nothing is read,
            written or removed through a link, or outside it.
        shared: the file is in a folder other computers write to as well, so another's
            temporary file is not a leftover to remove.
    """

    def __init__(
        self,
        path: Path,
        version: int,
        salvage: Callable[[str], Payload],
        migrations: dict[int, Migration] | None = None,
        backups: Path | None = None,
        check: Check | None = None,
        root: DataRoot | None = None,
        shared: bool = False,
    ) -> None:
        self.path = path
        self.shared = shared
        self.version = version
        self._salvage = salvage
        self._migrations = migrations or {}
        self._backups = backups
        self._check = check
        self.root = root if root is not None else DataRoot(path.parent)
        self.read_only = False
        self._inspect_only = False
        self._seen: tuple[int, int, int] | None = None  # the file as last read or written

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
        elif not self.shared:
            self._remove_stale_temporary_files()
        try:
            raw = self.root.read(self.path)
            self._seen = _identity(os.lstat(self.path))
        except FileNotFoundError:
            return Loaded({}, Status.NEW)
        except IsADirectoryError:
            return self._damaged(None, "", "it is a folder, not a file")
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
            payload = parse_json(raw)
        except (ValueError, RecursionError) as error:  # ValueError: also a number too long
            return self._damaged(raw, text, f"it is not valid JSON ({_short(error)})")
        if not isinstance(payload, dict) or not isinstance(payload.get(SCHEMA_KEY), int):
            return self._damaged(raw, text, f"it has no whole-number '{SCHEMA_KEY}'")
        found = payload[SCHEMA_KEY]
        if found > self.version:
            self.read_only = True
            return Loaded(payload, Status.FUTURE, self._future_message(found))
        if found < 1:
            return self._damaged(raw, text, f"its '{SCHEMA_KEY}' is {found}")
        status = Status.OK
        while payload[SCHEMA_KEY] < self.version:
            step = self._migrations.get(payload[SCHEMA_KEY])
            if step is None:
                return self._damaged(raw, text, f"no way to update format {payload[SCHEMA_KEY]}")
            payload = step(payload)
            status = Status.MIGRATED
        why = self._check(payload) if self._check is not None else ""
        if why:
            return self._damaged(raw, text, why)
        return Loaded(payload, status)

    def changed_on_disk(self) -> bool:
        """Whether the file is no longer as this document last read or wrote it."""
        try:
            return _identity(os.lstat(self.path)) != self._seen
        except FileNotFoundError:
            return self._seen is not None

    def _future_message(self, found: int) -> str:
        return (
            f"{self.path} was saved by a newer version of the guide (format {found}; "
            f"this version understands up to {self.version}). It is shown read-only and "
            "will not be changed. Update the guide to edit it."
        )

    def _remove_stale_temporary_files(self) -> None:
        stale: list[Path] = []
        folders = [(self.path.parent, f".{self.path.name}.*.tmp")]
        if self._backups is not None:
            folders.append((self._backups, f".{self.path.stem}-*.json.*.tmp"))
        for folder, pattern in folders:
            with contextlib.suppress(OSError):  # a folder that is a link: left as it is
                stale += self.root.files(folder, pattern)
        for path in stale:
            with contextlib.suppress(OSError):
                self.root.remove(path)

    def _damaged(self, raw: bytes | None, text: str, why: str) -> Loaded:
        """Keep a copy of the damaged file aside, then save what can still be read in its place.

        The copy is made before the file is replaced, so a kill at any moment leaves either the
        damaged file (read again at the next start) or the copy and what was rescued. If the
        copy cannot be made, the file is left alone and shown read-only.
        """
        payload = clean_data(self._salvage(text))
        if self._inspect_only:
            return Loaded(
                payload,
                Status.DAMAGED,
                (
                    f"{self.path} is damaged ({why}); what could still be read from it is used. "
                    "The app sets it aside when it next opens it."
                ),
            )
        aside = self.path.with_name(f"{self.path.name}.corrupt-{file_stamp()}")
        try:
            if raw is None:  # a folder where the file should be: move it aside whole
                aside = _free_name(aside)
                self.root.move(self.path, aside)
            else:
                aside = self.root.write_new(aside, raw)
        except OSError as error:
            self.read_only = True  # it could not be kept aside: never overwrite it
            return Loaded(
                payload,
                Status.UNREADABLE,
                (
                    f"{self.path} is damaged ({why}) and could not be set aside "
                    f"({error.strerror or error}). It is shown read-only and will not be changed."
                ),
            )
        rescued = "everything that could still be read from it has been kept"
        try:
            self._write(payload)
        except OSError as error:  # the damaged file is still in place: read again next start
            log.warning("could not save what was rescued from %s: %s", self.path, error)
            rescued += " (and will be saved as soon as the disk allows)"
        return Loaded(
            payload,
            Status.DAMAGED,
            f"{self.path} was damaged ({why}). It has been kept as {aside.name}, and {rescued}.",
            set_aside=aside,
        )

    def save(self, payload: Payload) -> None:
        """Write `payload` with the current schema_version, then keep a backup copy.

        Just before writing, the file on disk is looked at again: one written meanwhile by a
        newer version makes the document read-only, and one that is no longer readable is kept
        aside first.

        Raises:
            ReadOnlyError: the document must not be overwritten (newer or unreadable file).
            OSError: the write failed (the data folder moved, a link stands in the way, the
                disk is full); the previous file is intact.
        """
        if self.read_only:
            raise ReadOnlyError(f"{self.path} is read-only in this version of the guide")
        self._look_before_saving()
        self._write(payload)

    def _write(self, payload: Payload) -> None:
        data = encode({SCHEMA_KEY: self.version, **payload})
        self.root.write(self.path, data)
        with contextlib.suppress(OSError):
            self._seen = _identity(os.lstat(self.path))
        self._back_up(data)

    def _look_before_saving(self) -> None:
        """Refuse to save over a file that changed on disk into something not to overwrite."""
        self.root.check(create=True)
        try:
            found = os.lstat(self.path)
        except FileNotFoundError:
            return
        if _identity(found) == self._seen:
            return  # as we last read or wrote it
        raw = self.root.read(self.path)  # raises for a link, pipe or device: never written over
        try:
            on_disk = parse_json(raw)
        except (ValueError, RecursionError):
            on_disk = None
        version = on_disk.get(SCHEMA_KEY) if isinstance(on_disk, dict) else None
        if isinstance(version, int) and version > self.version:
            self.read_only = True
            raise ReadOnlyError(self._future_message(version))
        if not isinstance(version, int):  # not something this version wrote: keep a copy
            aside = self.root.write_new(
                self.path.with_name(f"{self.path.name}.corrupt-{file_stamp()}"), raw
            )
            log.warning("%s changed on disk and could not be read; kept as %s", self.path, aside)

    def _back_up(self, data: bytes) -> None:
        """Keep this version in the backups folder; drop all but the newest BACKUPS_KEPT.

        Backups are numbered (the next number after the highest there), so a clock that
        stands still or goes back never makes a new backup overwrite or outlive another.
        """
        if self._backups is None:
            return
        try:
            kept = self.backups()
            number = (_backup_number(kept[-1], self.path.stem) or 0) + 1 if kept else 1
            name = f"{self.path.stem}-{number:06d}-{file_stamp()}.json"
            self.root.write_new(self._backups / name, data)
            for old in self.backups()[:-BACKUPS_KEPT]:
                self.root.remove(old)
        except OSError as error:  # the document itself is saved; a missing backup is no loss
            log.warning("could not write a backup of %s: %s", self.path, error)

    def backups(self) -> list[Path]:
        """Return the backup files of this document, oldest first."""
        if self._backups is None:
            return []
        try:
            found = self.root.files(self._backups, f"{self.path.stem}-*.json")
        except OSError:
            return []
        stem = self.path.stem
        ours = [p for p in found if _backup_number(p, stem) is not None]
        return sorted(ours, key=lambda p: (_backup_number(p, stem) or 0, p.name))


def _backup_number(path: Path, stem: str) -> int | None:
    """The number of a backup of `stem` (0 for the older, time-stamped names), else None."""
    found = _BACKUP_NAME.fullmatch(path.name.removeprefix(f"{stem}-"))
    if found is None or not path.name.startswith(f"{stem}-"):
        return None
    return int(found.group(1) or 0)


def _free_name(path: Path) -> Path:
    n = 1
    candidate = path
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def _short(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at line {error.lineno}, column {error.colno}"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error).split(":")[0]  # e.g. a number too long to read
