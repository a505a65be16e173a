"""Which public keys may sign an edition: those shipped in resources/keys/ and an administrator's.

An organisation that publishes its own local edition gives its staff its public key; `guide-app
trust-key FILE` puts a copy in `<data>/trusted-keys/`, after the fingerprint has been shown.
"""

from __future__ import annotations

from pathlib import Path

from guide_app.common.safe_files import DataRoot
from guide_app.store.editions.keys import PUBLIC_SUFFIX, KeyFileError, PublicKey, read_public

TRUSTED_FOLDER = "trusted-keys"


def trusted_keys(root: DataRoot | None, shipped: Path) -> tuple[list[PublicKey], list[str]]:
    """The keys trusted here (`shipped`: the app's keys folder), and each unreadable key file."""
    keys: list[PublicKey] = []
    problems: list[str] = []
    files = sorted(shipped.glob(f"*{PUBLIC_SUFFIX}")) if shipped.is_dir() else []
    if root is not None:
        files += root.files(root.path / TRUSTED_FOLDER, f"*{PUBLIC_SUFFIX}")
    for path in files:
        try:
            keys.append(read_public(path))
        except KeyFileError as error:
            problems.append(str(error))
    return keys, problems


def find(keys: list[PublicKey], fingerprint: str) -> PublicKey | None:
    """The key with `fingerprint`, if it is one of `keys`."""
    return next((key for key in keys if key.fingerprint == fingerprint), None)


def add_trusted(key: PublicKey, root: DataRoot, shipped: Path) -> Path | None:
    """Keep a copy of `key` in `<data>/trusted-keys/`; None if it was trusted already."""
    known, _ = trusted_keys(root, shipped)
    if find(known, key.fingerprint) is not None:
        return None
    name = key.fingerprint.removeprefix("SHA256:").replace("/", "_").replace("+", "-")[:16]
    path = root.path / TRUSTED_FOLDER / f"{name}{PUBLIC_SUFFIX}"
    root.write(path, key.line().encode("utf-8"))
    return path
