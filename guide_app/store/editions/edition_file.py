"""An edition file: a zip of `edition.json` (the manifest), `edition.sig` and `content/`.

`pack` makes one from a content folder and a private key; `open_verified` reads one and checks,
in this order, its shape, the signature against a trusted key and every file's hash. Nothing
is written anywhere while an edition is checked.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from guide_app.common.safe_files import read_regular, write_export
from guide_app.store.editions.keys import PrivateKey, PublicKey
from guide_app.store.editions.manifest import (
    FILE_NAME,
    MAX_FILES,
    EditionError,
    Manifest,
    check_edition_id,
    parse,
)
from guide_app.store.editions.trust import find

MANIFEST = "edition.json"
SIGNATURE = "edition.sig"
CONTENT = "content/"
SUFFIX = ".guide-edition"
FILE_LIMIT = 64 << 20  # an edition file, and all its content unpacked
_MEMBER_LIMIT = 16 << 20
_SIGNATURE_BYTES = 64
_STAMP = (2020, 1, 1, 0, 0, 0)  # the same bytes for the same content and key


@dataclass(frozen=True)
class VerifiedEdition:
    """An edition whose signature and hashes have been checked; its files, held in memory."""

    manifest: Manifest
    signature: bytes
    manifest_bytes: bytes
    files: dict[str, bytes]  # name inside content/ -> bytes
    key: PublicKey


def content_files(folder: Path) -> dict[str, bytes]:
    """Every file of a content folder by its name inside it (hidden files and caches left out)."""
    found: dict[str, bytes] = {}
    for where, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(where) / name
            relative = path.relative_to(folder).as_posix()
            if not FILE_NAME.fullmatch(relative):
                raise EditionError(f"{path}: an edition cannot hold a file with this name")
            found[relative] = read_regular(path, _MEMBER_LIMIT)
    if len(found) > MAX_FILES:
        raise EditionError(f"{folder} holds more than {MAX_FILES} files")
    return found


def pack(
    files: dict[str, bytes],
    edition: str,
    date: str,
    key: PrivateKey,
    output: Path,
    replaces: tuple[str, ...] = (),
) -> Manifest:
    """Write the signed edition of `files` (see content_files) to `output`; return its manifest."""
    check_edition_id(edition)
    for earlier in replaces:
        check_edition_id(earlier)
    digests = {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}
    manifest = Manifest(edition, date, key.public().fingerprint, digests, tuple(replaces))
    body = manifest.to_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [(MANIFEST, body), (SIGNATURE, key.sign(body))] + [
            (CONTENT + name, files[name]) for name in sorted(files)
        ]:
            archive.writestr(zipfile.ZipInfo(name, _STAMP), data, zipfile.ZIP_DEFLATED)
    write_export(output, buffer.getvalue(), None)
    return manifest


def open_verified(path: Path, keys: list[PublicKey]) -> VerifiedEdition:
    """The edition in the file `path`, checked; EditionError says plainly why it is refused."""
    try:
        data = read_regular(path, FILE_LIMIT)
    except OSError as error:
        raise EditionError(f"{path} cannot be read: {error.strerror or error}") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise EditionError(f"{path} is not a guide edition file (it is not a zip file)") from None
    with archive:
        members = _members(archive, path)
        if MANIFEST not in members or SIGNATURE not in members:
            raise EditionError(f"{path} is not a guide edition file (it has no signed manifest)")
        body = _read(archive, members[MANIFEST], path)
        manifest = parse(body, f"{path} ({MANIFEST})")
        signature = _read(archive, members[SIGNATURE], path)
        key = find(keys, manifest.signer)
        if key is None:
            raise EditionError(
                f"{path} is signed with a key this computer does not trust "
                f"({manifest.signer}). If your organisation gave you its public key, check "
                "its fingerprint with them and add it with: guide-app trust-key FILE"
            )
        if len(signature) != _SIGNATURE_BYTES or not key.verify(body, signature):
            raise EditionError(
                f"{path}: the signature does not match. The file was changed after it was "
                "signed, or it is damaged; ask for a new copy."
            )
        return VerifiedEdition(
            manifest, signature, body, _checked(archive, members, manifest, path), key
        )


def _members(archive: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    """The archive's members by name, refusing duplicates, folders, odd names and huge sizes."""
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in archive.infolist():
        name = info.filename
        plain = name in (MANIFEST, SIGNATURE) or (
            name.startswith(CONTENT) and FILE_NAME.fullmatch(name.removeprefix(CONTENT))
        )
        if not plain or info.is_dir() or name in members:
            raise EditionError(f"{path} holds an entry an edition may not hold: {name!r}")
        total += info.file_size
        if info.file_size > _MEMBER_LIMIT or total > FILE_LIMIT:
            raise EditionError(f"{path} unpacks to more than an edition can hold")
        members[name] = info
    return members


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    """One member's bytes, never more than it declares (a crafted zip cannot balloon)."""
    try:
        with archive.open(info) as member:
            data = member.read(min(info.file_size, _MEMBER_LIMIT) + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise EditionError(f"{path}: {info.filename} is damaged ({error})") from None
    if len(data) != info.file_size:
        raise EditionError(f"{path}: {info.filename} is damaged (its size is wrong)")
    return data


def _checked(
    archive: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    manifest: Manifest,
    path: Path,
) -> dict[str, bytes]:
    """Each file the manifest lists, with its hash checked; no file it does not list."""
    listed = {CONTENT + name for name in manifest.files}
    extra = sorted(set(members) - listed - {MANIFEST, SIGNATURE})
    if extra:
        raise EditionError(f"{path} holds a file its signed manifest does not list: {extra[0]}")
    files = {}
    for name, digest in sorted(manifest.files.items()):
        info = members.get(CONTENT + name)
        if info is None:
            raise EditionError(f"{path} lacks {CONTENT}{name}, which its manifest lists")
        data = _read(archive, info, path)
        if hashlib.sha256(data).hexdigest() != digest:
            raise EditionError(
                f"{path}: {CONTENT}{name} was changed after the edition was signed "
                "(its SHA-256 does not match the manifest); nothing was installed"
            )
        files[name] = data
    return files
