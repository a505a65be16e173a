"""The loaded guide kept in the cache folder, so an unchanged guide is not parsed and checked again.

The key hashes every content file's bytes with the app's version and the guide package's
code, so any edit to either builds the guide afresh (and checks it). A missing, stale or
damaged cache file is only a cache: the guide is loaded from its YAML as on a first start.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any

from guide_app import __version__
from guide_app.guide.model import Guide

FORMAT = 1  # part of the key: change it when the pickled layout changes in a way keys miss
_CODE_DIR = Path(__file__).resolve().parent


def load_guide_cached(content_dir: Path, cache_dir: Path | None) -> Guide:
    """Return the guide in `content_dir`, from `cache_dir` when it was loaded before.

    Raises ContentError, like load_guide, when the content has errors (nothing is cached then).
    """
    path = cache_dir / f"guide-{content_key(content_dir)}.pickle" if cache_dir else None
    if path is not None:
        cached = _read(path)
        if cached is not None:
            return cached
    from guide_app.guide.loader import load_guide  # the YAML reader and checks: only on a miss

    guide = load_guide(content_dir)
    if path is not None:
        _write(path, guide)
    return guide


def content_key(content_dir: Path) -> str:
    """A hash of the content files, the app's version and the code that builds a Guide."""
    key = hashlib.blake2b(digest_size=12)
    key.update(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for code in sorted(_CODE_DIR.glob("*.py")):  # absent in a frozen bundle: the version counts
        stat = code.stat()
        key.update(f"|{code.name}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    if content_dir.is_dir():
        for file in sorted(content_dir.rglob("*.yaml")):
            key.update(f"|{file.relative_to(content_dir).as_posix()}|".encode())
            key.update(file.read_bytes())
    return key.hexdigest()


def _read(path: Path) -> Guide | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        guide = pickle.loads(data)
    except Exception:  # noqa: BLE001 - any damage: drop the cache and load the YAML
        guide = None
    if isinstance(guide, Guide):
        return guide
    with contextlib.suppress(OSError):
        path.unlink()
    return None


def _proxy(mapping: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(mapping)


class _Pickler(pickle.Pickler):
    """Pickles the guide's read-only mappings as dicts that come back read-only."""

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, MappingProxyType):
            return _proxy, (dict(obj),)
        return NotImplemented


def dumps(guide: Guide) -> bytes:
    """The guide as bytes that pickle.loads turns back into an equal Guide."""
    import io

    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(guide)
    return buffer.getvalue()


def _write(path: Path, guide: Guide) -> None:
    """Keep the guide at `path` (through a temporary file), dropping older compiled guides."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(dumps(guide))
        temp.replace(path)
        for old in path.parent.glob("guide-*.pickle"):
            if old != path:
                old.unlink()
    except (OSError, pickle.PicklingError, TypeError):
        with contextlib.suppress(OSError):
            temp.unlink()  # no cache: the next start loads the YAML again
