"""The loaded guide kept in the cache folder, so an unchanged guide is not parsed and checked again.

The key names every content file with its size and two checksums of its bytes (zlib's
crc32 and adler32: zlib is loaded already, where hashlib would load OpenSSL, 3 MB), with the
app's version and the guide package's code; it is kept at the head of the cache file and
compared exactly, so any edit to either builds the guide afresh (and checks it). A missing,
stale or damaged cache file is only a cache: the guide is loaded from its YAML as on a first
start.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
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
    path = cache_file(content_dir, cache_dir) if cache_dir else None
    key = content_key(content_dir) if path is not None else ""
    if path is not None:
        cached = _read(path, key)
        if cached is not None:
            return cached
    from guide_app.guide.loader import load_guide  # the YAML reader and checks: only on a miss

    guide = load_guide(content_dir)
    if path is not None:
        _write(path, key, guide)
    return guide


def cache_file(content_dir: Path, cache_dir: Path) -> Path:
    """Where the compiled guide from `content_dir` is kept (named after the folder's path)."""
    where = str(content_dir.absolute()).encode("utf-8", "surrogateescape")
    return cache_dir / f"guide-{zlib.crc32(where):08x}.pickle"


def content_key(content_dir: Path) -> str:
    """Everything a compiled guide depends on: content files, app version, guide code."""
    parts = [f"{FORMAT}|{__version__}|{sys.version}"]
    for name in sorted(_files(_CODE_DIR, ".py", deep=False)):  # none in a frozen bundle
        stat = (_CODE_DIR / name).stat()
        parts.append(f"{name}|{stat.st_size}|{stat.st_mtime_ns}")
    for name in sorted(_files(content_dir, ".yaml", deep=True)):
        data = (content_dir / name).read_bytes()
        parts.append(f"{name}|{len(data)}|{zlib.crc32(data):08x}{zlib.adler32(data):08x}")
    return "\n".join(parts)


def _files(folder: Path, suffix: str, *, deep: bool) -> list[str]:
    """Names (relative, with /) of the files in `folder` ending in `suffix`; [] if none."""
    found = []
    for root, dirs, files in os.walk(folder):
        where = os.path.relpath(root, folder).replace(os.sep, "/")
        prefix = "" if where == "." else f"{where}/"
        found += [prefix + name for name in files if name.endswith(suffix)]
        if not deep:
            dirs.clear()
    return found


def _read(path: Path, key: str) -> Guide | None:
    """The guide kept at `path` if it was compiled from exactly `key`; else None."""
    try:
        with path.open("rb") as file:
            if pickle.load(file) != key:
                return None  # stale: replaced once the guide has been loaded afresh
            guide = pickle.load(file)
    except OSError:
        return None
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


def _dumps(guide: Guide, key: str = "") -> bytes:
    """The key, then the guide, as bytes that two pickle.load calls give back (an equal Guide)."""
    import io

    buffer = io.BytesIO()
    pickle.dump(key, buffer, protocol=pickle.HIGHEST_PROTOCOL)
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(guide)
    return buffer.getvalue()


def _write(path: Path, key: str, guide: Guide) -> None:
    """Keep the guide at `path` (through a temporary file), dropping older compiled guides."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp.write_bytes(_dumps(guide, key))
        temp.replace(path)
        for old in path.parent.glob("guide-*.pickle"):
            if old != path:
                old.unlink()
    except (OSError, pickle.PicklingError, TypeError):
        with contextlib.suppress(OSError):
            temp.unlink()  # no cache: the next start loads the YAML again
