"""Signed edition files for tests: a publisher's keys, and content folders at a given edition."""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from guide_app.store.editions import keys
from guide_app.store.editions.edition_file import content_files, pack
from tests.helpers.content_kit import GUIDE, write_content


@dataclass(frozen=True)
class Publisher:
    """A key pair whose public half sits in a folder of keys the app ships."""

    key: keys.PrivateKey
    public_file: Path
    shipped_keys: Path


def make_publisher(folder: Path, name: str = "Test publisher") -> Publisher:
    """A new key pair in `folder`, its public key also in `folder/shipped-keys/`."""
    key = keys.generate(name)
    private, public = keys.write_pair(key, folder)
    shipped = folder / "shipped-keys"
    shipped.mkdir()
    (shipped / public.name).write_bytes(public.read_bytes())
    return Publisher(keys.read_private(private), public, shipped)


def content_at(folder: Path, edition: str, **changes: str | None) -> Path:
    """The test content (tests/helpers/content_kit.py) as edition `edition`."""
    guide = GUIDE.replace('edition: "1"', f'edition: "{edition}"')
    return write_content(folder, guide=guide, **changes)


def edition_file(
    folder: Path, key: keys.PrivateKey, edition: str, *, replaces: tuple[str, ...] = ()
) -> Path:
    """A signed edition file of the test content as `edition`, written beside `folder`."""
    content = content_at(folder / f"content-{edition}", edition)
    output = folder / f"edition-{edition}.guide-edition"
    pack(content_files(content), edition, "2026-01-01", key, output, replaces)
    return output


def folder_hash(folder: Path) -> str:
    """One hash of every path and file's bytes under `folder` (links as their target's name)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        if path.is_symlink():
            digest.update(str(path.readlink()).encode())
        elif path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def rewritten(file: Path, change: dict[str, bytes | None], name: str = "") -> Path:
    """A copy of the edition file with members replaced or added (or, with None, dropped)."""
    with zipfile.ZipFile(file) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    for member, data in change.items():
        if data is None:
            members.pop(member)
        else:
            members[member] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    out = file.with_name(name or "changed-" + file.name)
    out.write_bytes(buffer.getvalue())
    return out
