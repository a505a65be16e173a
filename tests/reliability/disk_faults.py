"""Make one step of a save fail as a full, locked or read-only disk would (stdlib patched)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

# The steps of write_atomic, in order. The first five fail the save; after the rename the file
# is saved, so a failure to sync the folder is only logged by the OS layer and ignored.
FAILING_STEPS = ("create temp file", "write", "fsync", "keep permissions", "rename")
AFTER_RENAME = ("open folder to sync", "fsync folder")
STEPS = FAILING_STEPS + AFTER_RENAME


@dataclass
class DiskFault:
    """While installed, `step` fails with errno `code` for files saved into `folder` only.

    Other folders (the search cache, backups unless they are `folder`) are left alone, so the
    fault is as narrow as the disk problem it stands for. `hits` counts the failures made.
    """

    folder: Path
    step: str
    code: int
    hits: int = 0
    _temps: set[int] = field(default_factory=set)
    _folders: set[int] = field(default_factory=set)

    def _fail(self, where: object = None) -> None:
        self.hits += 1
        raise OSError(self.code, os.strerror(self.code), *([str(where)] if where else []))

    def _ours(self, path: object) -> bool:
        return Path(os.fsdecode(path)).parent == self.folder

    def install(self, patch: pytest.MonkeyPatch) -> None:
        """Patch os.open, os.fdopen, os.fsync, os.chmod and os.replace through `patch`."""
        real_open, real_fdopen, real_fsync = os.open, os.fdopen, os.fsync
        real_chmod, real_replace = os.chmod, os.replace
        fail = self._fail

        class RefusingFile(io.FileIO):
            """The real temporary file, but every write to it fails."""

            def write(self, _data: Any) -> int:
                fail()
                return 0

        def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            creating = bool(flags & os.O_CREAT) and self._ours(path)
            is_folder = Path(os.fsdecode(path)) == self.folder
            if creating and self.step == "create temp file":
                self._fail(path)
            if is_folder and self.step == "open folder to sync":
                self._fail(path)
            fd = real_open(path, flags, *args, **kwargs)
            for found, kept in ((creating, self._temps), (is_folder, self._folders)):
                (kept.add if found else kept.discard)(fd)
            return fd

        def fake_fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
            if fd in self._temps and self.step == "write":
                return io.BufferedWriter(RefusingFile(fd, "wb"))
            return real_fdopen(fd, *args, **kwargs)

        def fake_fsync(fd: Any) -> None:
            if fd in self._temps and self.step == "fsync":
                self._fail()
            if fd in self._folders and self.step == "fsync folder":
                self._fail()
            real_fsync(fd)

        def fake_chmod(path: Any, *args: Any, **kwargs: Any) -> None:
            if self._ours(path) and self.step == "keep permissions":
                self._fail(path)
            real_chmod(path, *args, **kwargs)

        def fake_replace(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
            if self._ours(target) and self.step == "rename":
                self._fail(target)
            real_replace(source, target, *args, **kwargs)

        patch.setattr(os, "open", fake_open)
        patch.setattr(os, "fdopen", fake_fdopen)
        patch.setattr(os, "fsync", fake_fsync)
        patch.setattr(os, "chmod", fake_chmod)
        patch.setattr(os, "replace", fake_replace)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes (temporary files included)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def temp_files(folder: Path) -> list[Path]:
    """Temporary files of a save, anywhere under `folder`."""
    return sorted(folder.rglob(".*.tmp"))
