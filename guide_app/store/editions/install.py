"""Install an edition file: check it whole, then put it beside the others and make it the one used.

Checks, in order: the signature against a trusted key, every file's hash, that the edition is
newer than the one in use (or says it replaces it), and the whole content through the loader.
Until every check has passed nothing is written in the data folder; then the edition is
written into a hidden folder and renamed into place, so a half-written edition is never used.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from guide_app.guide.model import Guide
from guide_app.guide.problems import ContentError, Severity
from guide_app.store.editions.edition_file import (
    MANIFEST,
    SIGNATURE,
    VerifiedEdition,
    open_verified,
)
from guide_app.store.editions.installed import INCOMING, Edition, Editions, newer
from guide_app.store.editions.manifest import EditionError
from guide_app.store.editions.trust import trusted_keys


@dataclass(frozen=True)
class Checked:
    """An edition file that passed every check, ready to install, and what it would replace."""

    verified: VerifiedEdition
    in_use: Edition
    pages: int  # how many pages its guide has

    @property
    def edition(self) -> str:
        """The edition's id."""
        return self.verified.manifest.edition


def check(path: Path, editions: Editions) -> Checked:
    """Run every check on the edition file `path`; EditionError if any fails. Writes nothing."""
    keys, _ = trusted_keys(editions.root, editions.shipped_keys)
    verified = open_verified(path, keys)
    manifest = verified.manifest
    in_use = editions.active().edition
    if editions.get(manifest.edition) is not None:
        raise EditionError(
            f"{path}: edition {manifest.edition} is already here; nothing was installed. "
            f"To use it, choose it with: guide-app use-edition {manifest.edition}"
        )
    if not newer(manifest.edition, in_use.id) and in_use.id not in manifest.replaces:
        raise EditionError(
            f"{path} holds edition {manifest.edition}, which is not newer than edition "
            f"{in_use.id} in use here; nothing was installed. (An edition that corrects a "
            "newer one must say it replaces it when it is packed.)"
        )
    with tempfile.TemporaryDirectory(prefix="guide-edition-") as scratch:
        content = Path(scratch) / "content"
        _unpack(verified.files, content)
        guide = _load(content, path)
    if guide.edition != manifest.edition:
        raise EditionError(
            f"{path}: its content says it is edition {guide.edition}, but its manifest says "
            f"{manifest.edition}; nothing was installed"
        )
    return Checked(verified, in_use, len(guide.nodes))


def install(checked: Checked, editions: Editions) -> Edition:
    """Put a checked edition in `<data>/editions/<id>/` and make it the one used; return it."""
    root = editions.root
    folder = root.folder(editions.folder)
    _clear_leftovers(folder)
    incoming = folder / f"{INCOMING}{secrets.token_hex(6)}"
    verified = checked.verified
    root.folder(incoming)
    for name, data in verified.files.items():
        root.write(incoming / "content" / name, data)
    root.write(incoming / SIGNATURE, verified.signature)
    root.write(incoming / MANIFEST, verified.manifest_bytes)
    target = folder / verified.manifest.edition
    root.check()
    if os.path.lexists(target):  # an edition is never written over (rename would take an empty one)
        raise EditionError(f"{target} is in the way; nothing was installed")
    incoming.rename(target)
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
    return editions.choose(verified.manifest.edition, pinned=False)


def _unpack(files: dict[str, bytes], content: Path) -> None:
    """Write an edition's files under `content` (a scratch folder outside the data folder)."""
    for name, data in files.items():
        target = content / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _load(content: Path, path: Path) -> Guide:
    """The edition's guide, loaded and checked; its content problems as file:line if any."""
    from guide_app.guide.load.loader import load_guide  # the YAML reader: only when installing

    try:
        return load_guide(content)
    except ContentError as error:
        problems = tuple(
            f"{_inside(p.file, content)}:{p.line}: {p.message}"
            for p in error.problems
            if p.severity is Severity.ERROR
        )
        raise EditionError(
            f"{path}: the edition's content has {len(problems)} problem(s); nothing was "
            "installed. Send this list to whoever made the edition:",
            problems,
        ) from None


def _inside(file: str, content: Path) -> str:
    """A problem's file named as it is inside the edition (content/areas/x.yaml)."""
    try:
        return "content/" + Path(file).relative_to(content).as_posix()
    except ValueError:
        return file


def _clear_leftovers(folder: Path) -> None:
    """Remove half-written editions left by an install that was cut short."""
    for entry in folder.iterdir():
        if entry.name.startswith(INCOMING) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
