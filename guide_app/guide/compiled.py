"""The loaded guide kept in the cache folder, so an unchanged guide is not parsed and checked again.

The cache file (`cache/guide-<crc of the content folder's path>.jsonl`) holds plain data,
never code: its first line is the key as a JSON string; the second is the guide as JSON
lists, strings, integers and nulls (`plain.to_plain`), read back by an explicit decoder
(`plain.from_plain`) that checks every value's type and shape and every id the guide refers
to, and builds the model itself. Nothing in the file can name a class or a function to
call, so a file planted in a shared or portable data folder can at worst show wrong text,
never run anything. The pickled caches of earlier versions (`guide-*.pickle`) are deleted
unread wherever they are seen. (JSON rather than marshal, which is faster to read but not
meant for data from others; read as below, JSON takes no longer than the pickle did.)

The key names every content file with its size and two checksums of its bytes (zlib's
crc32 and adler32: zlib is loaded already, where hashlib would load OpenSSL, 3 MB), with the
layout's, the app's and Python's versions and the guide package's code. The file's first
line is compared byte for byte with the key's, before anything after it is decoded; any
edit to the content or the code builds the guide afresh (and checks it). A missing, stale,
damaged or refused cache file (larger than the guide could be, a link, a pipe, in a linked
folder) is only a cache: the guide is loaded from its YAML as on a first start, and the file
is replaced through the data folder's writer (`safe_files.DataRoot`: real folders only, no
link followed, a temporary file of an unpredictable name renamed into place).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
import zlib
from pathlib import Path

from guide_app import __version__
from guide_app.common.safe_files import DataRoot
from guide_app.guide.model import Guide
from guide_app.guide.plain import LAYOUT, NotAGuideError, from_plain, to_plain

FORMAT = f"2.{LAYOUT}"  # part of the key: the file's layout, and the guide's in it
SUFFIX = ".jsonl"  # two lines: the key, then the guide
_CODE_DIR = Path(__file__).resolve().parent
_GROWTH = 4  # a compiled guide is never this many times the size of its YAML (it is ~1.1)
_SLACK = 1 << 20


def load_guide_cached(
    content_dir: Path, cache_dir: Path | None, root: DataRoot | None = None
) -> Guide:
    """Return the guide in `content_dir`, from `cache_dir` when it was loaded before.

    `root` is the data folder holding `cache_dir` (by default its parent): every read,
    write and removal goes through it. Raises ContentError, like load_guide, when the
    content has errors (nothing is cached then).
    """
    if cache_dir is None:
        from guide_app.guide.load.loader import load_guide

        return load_guide(content_dir)
    if root is None:
        root = DataRoot(cache_dir.parent)
    path = cache_file(content_dir, cache_dir)
    key, size = _key_and_size(content_dir)
    _drop_pickles(root, cache_dir)
    cached = _read(root, path, key, size * _GROWTH + _SLACK)
    if cached is not None:
        return cached
    from guide_app.guide.load.loader import load_guide  # the YAML reader and checks: only on a miss

    guide = load_guide(content_dir)
    _write(root, path, key, guide)
    return guide


def cache_file(content_dir: Path, cache_dir: Path) -> Path:
    """Where the compiled guide from `content_dir` is kept (named after the folder's path)."""
    where = str(content_dir.absolute()).encode("utf-8", "surrogateescape")
    return cache_dir / f"guide-{zlib.crc32(where):08x}{SUFFIX}"


def content_key(content_dir: Path) -> str:
    """Everything a compiled guide depends on: content files, app version, guide code."""
    return _key_and_size(content_dir)[0]


def _key_and_size(content_dir: Path) -> tuple[str, int]:
    """The key (see content_key) and the size of the content files in bytes."""
    parts = [f"{FORMAT}|{__version__}|{sys.version}"]
    for name in sorted(_files(_CODE_DIR, ".py", deep=False)):  # none in a frozen bundle
        stat = (_CODE_DIR / name).stat()
        parts.append(f"{name}|{stat.st_size}|{stat.st_mtime_ns}")
    size = 0
    for name in sorted(_files(content_dir, ".yaml", deep=True)):
        data = (content_dir / name).read_bytes()
        size += len(data)
        parts.append(f"{name}|{len(data)}|{zlib.crc32(data):08x}{zlib.adler32(data):08x}")
    return "\n".join(parts), size


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


def _header(key: str) -> bytes:
    """The first line of a cache file compiled from `key` (the key as one JSON string)."""
    return json.dumps(key).encode("ascii") + b"\n"


def _drop_pickles(root: DataRoot, cache_dir: Path) -> None:
    """Delete, unread, the compiled guides of earlier versions (pickles could run code)."""
    with contextlib.suppress(OSError):
        for old in root.files(cache_dir, "guide-*.pickle"):
            with contextlib.suppress(OSError):
                root.remove(old)


def _read(root: DataRoot, path: Path, key: str, limit: int) -> Guide | None:
    """The guide kept at `path` if it was compiled from exactly `key`; else None.

    A file compiled from another key is left to be replaced once the guide has been loaded
    afresh; one with the right key that does not decode is deleted.
    """
    try:
        data = root.read(path, limit)  # larger than any guide compiled from it: never read
    except OSError:  # none, too large, a link, a pipe, in a linked folder ...
        return None
    guide = _decode(data, key)
    if guide is None and data.startswith(_header(key)):
        with contextlib.suppress(OSError):
            root.remove(path)
    return guide


def _decode(data: bytes, key: str) -> Guide | None:
    """The guide in `data` (a cache file's bytes) if its first line is exactly `key`'s."""
    header = _header(key)
    if not data.startswith(header):
        return None  # compiled from something else (or not ours): the body is never read
    collecting = gc.isenabled()
    gc.disable()  # thousands of new lists and strings, none in a cycle: ~1/4 of the time
    try:
        return from_plain(json.loads(str(memoryview(data)[len(header) :], "utf-8")))
    except (ValueError, RecursionError, NotAGuideError):
        return None  # not valid UTF-8 or JSON, or not a guide: only a cache
    finally:
        if collecting:
            gc.enable()


def _dumps(guide: Guide, key: str) -> bytes:
    """The cache file's bytes for `guide` compiled from `key`."""
    body = json.dumps(to_plain(guide), separators=(",", ":"))  # ASCII: read 30 % faster
    return _header(key) + body.encode("utf-8")


def _write(root: DataRoot, path: Path, key: str, guide: Guide) -> None:
    """Keep the guide at `path` if it reads back equal, dropping older compiled guides."""
    try:
        data = _dumps(guide, key)
    except (ValueError, TypeError):
        return
    if _decode(data, key) != guide:
        return  # a guide the decoder would refuse: caching it would only be read in vain
    with contextlib.suppress(OSError):
        root.write(path, data)
        for old in root.files(path.parent, f"guide-*{SUFFIX}"):
            if old != path:
                root.remove(old)
