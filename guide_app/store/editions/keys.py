"""Ed25519 key files: make a pair, read and write them, name a key by its fingerprint, sign, verify.

PyNaCl (libsodium) does the cryptography; it is imported only when a key signs or verifies,
never at start-up. A key file is one line of text: `guide-app-ed25519-public <base64> <name>`
(or `-private`, holding the 32-byte seed), so an administrator can read and mail it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from guide_app.common.safe_files import read_regular, write_new

PUBLIC_TAG = "guide-app-ed25519-public"
PRIVATE_TAG = "guide-app-ed25519-private"
PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".key"
_KEY_BYTES = 32
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._()&'-]{0,79}")
_LIMIT = 4096


class KeyFileError(ValueError):
    """A key file that cannot be used, and why (the message names the file)."""


@dataclass(frozen=True)
class PublicKey:
    """A public key and who it belongs to, as named in its file."""

    raw: bytes
    name: str
    path: Path | None = None

    @property
    def fingerprint(self) -> str:
        """`SHA256:` and the key's hash in base64, as ssh prints it: read it out to compare."""
        digest = hashlib.sha256(self.raw).digest()
        return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")

    def line(self) -> str:
        """The key as its file holds it."""
        return f"{PUBLIC_TAG} {base64.b64encode(self.raw).decode('ascii')} {self.name}\n"

    def verify(self, message: bytes, signature: bytes) -> bool:
        """Whether `signature` is this key's Ed25519 signature of `message`."""
        from nacl.exceptions import BadSignatureError
        from nacl.signing import VerifyKey

        try:
            VerifyKey(self.raw).verify(message, signature)
        except (BadSignatureError, ValueError):
            return False
        return True


@dataclass(frozen=True)
class PrivateKey:
    """A signing key (its 32-byte seed) and the name of its public half."""

    seed: bytes
    name: str

    def public(self) -> PublicKey:
        """The public key that checks this key's signatures."""
        from nacl.signing import SigningKey

        return PublicKey(bytes(SigningKey(self.seed).verify_key), self.name)

    def sign(self, message: bytes) -> bytes:
        """The 64-byte Ed25519 signature of `message`."""
        from nacl.signing import SigningKey

        return bytes(SigningKey(self.seed).sign(message).signature)


def check_name(name: str) -> str:
    """`name` if it can name a key (letters, digits, spaces, a little punctuation); else raise."""
    if not _NAME.fullmatch(name):
        raise KeyFileError(
            f"“{name}” cannot name a key: use up to 80 letters, digits, spaces and . _ - ( ) & '"
        )
    return name


def generate(name: str) -> PrivateKey:
    """A new key pair, named `name` (the organisation that will sign with it)."""
    return PrivateKey(os.urandom(_KEY_BYTES), check_name(name))


def write_pair(key: PrivateKey, folder: Path) -> tuple[Path, Path]:
    """Write `<slug>.key` (readable by its owner only) and `<slug>.pub` into `folder`.

    Never over an existing file: a key that signed editions must not be lost to a second run.
    """
    folder.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", key.name.lower()).strip("-") or "edition-key"
    private, public = folder / f"{slug}{PRIVATE_SUFFIX}", folder / f"{slug}{PUBLIC_SUFFIX}"
    for path in (private, public):
        if os.path.lexists(path):
            raise KeyFileError(f"{path} already exists; choose another folder or name")
    line = f"{PRIVATE_TAG} {base64.b64encode(key.seed).decode('ascii')} {key.name}\n"
    written = write_new(private, line.encode("ascii"))
    written.chmod(0o600)
    if written != private:  # write_new never replaces a file: one appeared since the check
        raise KeyFileError(f"{private} appeared while the key was written; it is at {written}")
    public_written = write_new(public, key.public().line().encode("utf-8"))
    public_written.chmod(0o644)  # to be given away
    return written, public_written


def read_public(path: Path) -> PublicKey:
    """The public key in the file `path`; KeyFileError names the file and what is wrong."""
    raw, name = _read(path, PUBLIC_TAG)
    return PublicKey(raw, name, path)


def read_private(path: Path) -> PrivateKey:
    """The private key in the file `path`; KeyFileError names the file and what is wrong."""
    seed, name = _read(path, PRIVATE_TAG)
    return PrivateKey(seed, name)


def _read(path: Path, tag: str) -> tuple[bytes, str]:
    """The key bytes and name from a key file whose first word must be `tag`."""
    try:
        text = read_regular(path, _LIMIT).decode("utf-8")
    except UnicodeDecodeError:
        raise KeyFileError(f"{path}:1: not a key file (it is not text)") from None
    except OSError as error:
        raise KeyFileError(f"{path}: cannot be read: {error.strerror or error}") from None
    lines = [line for line in text.splitlines() if line.strip()]
    parts = lines[0].split(" ", 2) if len(lines) == 1 else []
    if len(parts) != 3 or parts[0] != tag:
        other = PRIVATE_TAG if tag == PUBLIC_TAG else PUBLIC_TAG
        hint = (
            f" (it is a {'private' if tag == PUBLIC_TAG else 'public'} key)"
            if parts and parts[0] == other
            else ""
        )
        raise KeyFileError(f"{path}:1: not a {tag} key file{hint}")
    try:
        raw = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != _KEY_BYTES:
        raise KeyFileError(f"{path}:1: the key is damaged (it is not 32 bytes of base64)")
    try:
        return raw, check_name(parts[2].strip())
    except KeyFileError as error:
        raise KeyFileError(f"{path}:1: {error}") from None
