"""The one way the app writes a file: temporary file, flush, fsync, atomic replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one.

    The bytes go to a temporary file in the same folder, are flushed and synced to disk, and the
    temporary file is then renamed over `path` (atomic on POSIX and on Windows NTFS). On POSIX the
    folder is synced too, so the rename itself survives a power cut. Any failure raises OSError
    and leaves `path` as it was; the temporary file is removed.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(path, temp)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(folder)


def _keep_mode(path: Path, temp: Path) -> None:
    """Give the new file the old file's permissions; a new file stays private to the user."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        return
    temp.chmod(mode)


def _sync_folder(folder: Path) -> None:
    """Sync a folder's entry table so a completed rename is durable (POSIX only)."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some filesystems refuse fsync on folders; the rename has happened regardless
    finally:
        os.close(descriptor)
