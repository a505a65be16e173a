"""An edition's manifest: its id, date, what it replaces, who signed it, and each file's SHA-256.

The manifest is the signed part of an edition file: every file's hash is in it, so one
signature covers the whole content. Reading one checks every field's type and shape.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

KIND = "guide-app-edition"
FORMAT = 1
EDITION_ID = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,3}")
FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9_][A-Za-z0-9._-]{0,99}){0,7}")
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
HASH = re.compile(r"[0-9a-f]{64}")
MAX_FILES = 4000


class EditionError(Exception):
    """An edition that cannot be used, and why, in words for the user."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems  # for content errors: every problem as file:line


@dataclass(frozen=True)
class Manifest:
    """What an edition file says it holds (see the module docstring)."""

    edition: str
    date: str
    signer: str  # the signing key's fingerprint
    files: dict[str, str]  # name inside content/ -> SHA-256 in hex
    replaces: tuple[str, ...] = field(default=())

    def to_bytes(self) -> bytes:
        """The manifest as the edition file holds it (and as it is signed)."""
        record = {
            "kind": KIND,
            "format": FORMAT,
            "edition": self.edition,
            "date": self.date,
            "replaces": list(self.replaces),
            "signer": self.signer,
            "files": dict(sorted(self.files.items())),
        }
        return json.dumps(record, indent=1, ensure_ascii=True).encode("ascii") + b"\n"


def edition_number(edition: str) -> tuple[int, ...]:
    """`2026.2` as (2026, 2), to put editions in order."""
    return tuple(int(part) for part in edition.split("."))


def check_edition_id(edition: str) -> str:
    """`edition` if it can name an edition (numbers and dots: 2027.1); else EditionError."""
    if not EDITION_ID.fullmatch(edition):
        raise EditionError(
            f"“{edition}” cannot name an edition: use numbers separated by dots, such as 2027.1"
        )
    return edition


def parse(data: bytes, where: str) -> Manifest:
    """The manifest in `data`, read from `where`; EditionError says what is wrong."""
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", 1)
        raise EditionError(f"{where}:{line}: the edition's manifest is damaged") from None
    if not isinstance(record, dict) or record.get("kind") != KIND:
        raise EditionError(f"{where}: this is not a guide edition file")
    if record.get("format") != FORMAT:
        raise EditionError(
            f"{where}: the edition is in format {record.get('format')!r}, which this version "
            f"of the guide cannot read (it reads format {FORMAT}); a newer version may"
        )
    edition, date, signer = record.get("edition"), record.get("date"), record.get("signer")
    replaces, files = record.get("replaces"), record.get("files")
    if not (isinstance(edition, str) and EDITION_ID.fullmatch(edition)):
        raise EditionError(f"{where}: the manifest's edition id is missing or malformed")
    if not (isinstance(date, str) and DAY.fullmatch(date)):
        raise EditionError(f"{where}: the manifest's date is missing or malformed")
    if not (isinstance(signer, str) and signer.startswith("SHA256:")):
        raise EditionError(f"{where}: the manifest does not say which key signed it")
    if not (
        isinstance(replaces, list)
        and all(isinstance(r, str) and EDITION_ID.fullmatch(r) for r in replaces)
    ):
        raise EditionError(f"{where}: the manifest's list of replaced editions is malformed")
    if not (isinstance(files, dict) and 0 < len(files) <= MAX_FILES):
        raise EditionError(f"{where}: the manifest lists no files, or too many")
    for name, digest in files.items():
        if not (FILE_NAME.fullmatch(name) and isinstance(digest, str) and HASH.fullmatch(digest)):
            raise EditionError(f"{where}: the manifest names a file it may not hold: {name!r}")
    return Manifest(edition, date, signer, dict(files), tuple(replaces))
