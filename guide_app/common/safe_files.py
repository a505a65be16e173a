"""Files in the data folder: plain files only, no links followed, atomic writes, bounded reads."""

from __future__ import annotations

import contextlib
import errno
import fnmatch
import os
import stat
import tempfile
from pathlib import Path

READ_LIMIT = 64 * 1024 * 1024  # no file the app writes comes near this (10,000 bookmarks: 3 MB)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a pipe opens at once instead of waiting for a writer
_BINARY = getattr(os, "O_BINARY", 0)


class UnsafePathError(OSError):
    """Something stands where a plain file or folder should be: a link, a pipe, a device."""


class FolderMovedError(OSError):
    """The data folder was moved, deleted or replaced while the app had it open."""


class TooLargeError(OSError):
    """A file is larger than the app ever writes; it is not read."""


def _what(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a link to somewhere else"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a plain file"


def unsafe(path: Path, mode: int, wanted: str = "a plain file") -> UnsafePathError:
    """The error for `path`, found to be of `mode` where `wanted` should be."""
    return UnsafePathError(
        errno.EPERM,
        f"it is {_what(mode)}, not {wanted}; the guide reads and writes only plain files "
        "inside its data folder, so it has left it as it is",
        str(path),
    )


def read_regular(path: Path, limit: int = READ_LIMIT) -> bytes:
    """The bytes of `path` if it is a plain file of at most `limit` bytes (links not followed).

    Raises FileNotFoundError when there is no file, UnsafePathError for a link, pipe, device
    or folder (opened without waiting, so a pipe never hangs the app), TooLargeError past
    `limit`, and OSError for anything else.
    """
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise
    if not stat.S_ISREG(before.st_mode):
        if stat.S_ISDIR(before.st_mode):
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
        raise unsafe(path, before.st_mode)
    try:
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError as error:
        if error.errno == errno.ELOOP:  # replaced by a link since the check
            raise unsafe(path, stat.S_IFLNK) from None
        raise
    with os.fdopen(handle, "rb") as stream:
        found = os.fstat(stream.fileno())
        if not stat.S_ISREG(found.st_mode):
            raise unsafe(path, found.st_mode)
        if found.st_size > limit:
            raise _too_large(path, found.st_size, limit)
        data = stream.read(found.st_size + 1)  # its size: reading up to the limit costs more
        if len(data) > found.st_size:  # it grew since: read on, up to the limit
            data += stream.read(limit + 1 - len(data))
    if len(data) > limit:
        raise _too_large(path, len(data), limit)
    return data


def _too_large(path: Path, size: int, limit: int) -> TooLargeError:
    return TooLargeError(
        errno.EFBIG,
        f"it is larger ({size / 1e6:.1f} MB) than any file the guide writes "
        f"(it reads up to {limit / 1e6:.0f} MB), so it has not been read",
        str(path),
    )


def write_atomic(path: Path, data: bytes, *, shared: bool = False) -> None:
    """Replace `path` with `data` so that a crash leaves either the old file or the new one.

    The bytes go to a new temporary file with an unpredictable name, created exclusively in
    the same folder, are flushed and synced, and the file is renamed over `path` (atomic on
    POSIX and NTFS); on POSIX the folder is synced too. A new file is private to the user
    (0600), unless `shared`: then it gets the permissions any program's new file would get
    (0666 less the umask), for an export a colleague may read; a file replaced keeps its own.
    Something other than a plain file at
    `path` (a link, pipe, device) is refused with UnsafePathError and left as it is; missing
    folders are made (inside the data folder, use DataRoot.write, which checks them). Any
    failure raises OSError and leaves `path` as it was; the temporary file is removed.
    """
    _refuse_unless_regular(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)  # inside the data folder, DataRoot checked it
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(path, temp, _shared_mode() if shared else None)
        temp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _sync_folder(folder)


def write_new(path: Path, data: bytes) -> Path:
    """Write `data` atomically to a new file named `path`, or with -2, -3 … added to its name.

    An existing file is never overwritten, so a copy set aside or a backup made in the same
    instant as another, or after the clock went back, keeps both. (The app holds the data
    folder's lock, so no other writer can take the free name in between.) Returns the name.
    """
    for n in range(1, 10_000):
        candidate = path if n == 1 else _numbered(path, n)
        try:
            os.lstat(candidate)
        except FileNotFoundError:
            write_atomic(candidate, data)
            return candidate
    raise FileExistsError(errno.EEXIST, "no free name for a new file", str(path))


def _numbered(path: Path, n: int) -> Path:
    if path.suffix == ".json":
        return path.with_name(f"{path.stem}-{n}.json")
    return path.with_name(f"{path.name}-{n}")


def _refuse_unless_regular(path: Path) -> None:
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):  # no file yet (or no folder for it)
        return
    if not stat.S_ISREG(mode):
        raise unsafe(path, mode)


def _keep_mode(path: Path, temp: Path, new_mode: int | None = None) -> None:
    """Give the new file the old file's permissions; a new one `new_mode`, or private (0600)."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        if new_mode is None:
            return
        mode = new_mode
    temp.chmod(mode)


def _shared_mode() -> int:
    """0666 less the process's umask: what a file made by any other program would get."""
    mask = os.umask(0o022)  # read it (there is no other portable way) and put it back
    os.umask(mask)
    return 0o666 & ~mask


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


class DataRoot:
    """The data folder, as it was when the app took it: everything written stays inside it.

    Every folder between the data folder and a file must be a real folder (not a link), every
    file written or removed a plain file; the data folder itself is never created again once
    taken, so if it is moved or replaced while the app runs, writes fail with
    FolderMovedError instead of making a new folder that another start could open too.
    """

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.create = create  # False: a folder made elsewhere (a shared one), never made here
        self._identity: tuple[int, int] | None = None
        with contextlib.suppress(OSError):
            self.claim()

    def claim(self) -> None:
        """Remember the data folder as it is now (call once it exists and is locked)."""
        found = self.path.stat()  # the data folder itself may be reached through a link
        if not stat.S_ISDIR(found.st_mode):
            raise unsafe(self.path, found.st_mode, "a folder")
        self._identity = (found.st_dev, found.st_ino)

    def check(self, *, create: bool = False) -> None:
        """Raise FolderMovedError unless the data folder is still the one taken.

        A data folder never taken (none existed when this was made) is taken now; with
        `create`, it is made first if it does not exist (else FileNotFoundError).
        """
        try:
            found = self.path.stat()
        except FileNotFoundError:
            found = None
        if self._identity is None:
            if found is None:
                if not create or not self.create:
                    raise FileNotFoundError(errno.ENOENT, "no data folder yet", str(self.path))
                self.path.mkdir(parents=True, exist_ok=True)  # a first start: make it
            self.claim()
            return
        if found is None or (found.st_dev, found.st_ino) != self._identity:
            raise FolderMovedError(
                errno.ENOENT,
                "the data folder was moved, deleted or replaced while the guide was open; "
                "nothing is written there until the guide is started again",
                str(self.path),
            )

    def folder(self, folder: Path, *, create: bool = True) -> Path:
        """`folder` (the data folder or one inside it), checked to be real folders all the way.

        Missing folders are made when `create`; otherwise FileNotFoundError is raised. A link
        or a file on the way raises UnsafePathError.
        """
        self.check(create=create)
        try:
            parts = Path(folder).relative_to(self.path).parts
        except ValueError:
            raise UnsafePathError(
                errno.EPERM, "it is outside the data folder", str(folder)
            ) from None
        current = self.path
        for part in parts:
            current = current / part
            try:
                mode = os.lstat(current).st_mode
            except FileNotFoundError:
                if not create:
                    raise
                try:
                    current.mkdir()
                    continue
                except FileExistsError:  # another process made it a moment ago: check it
                    mode = os.lstat(current).st_mode
            if not stat.S_ISDIR(mode):
                raise unsafe(current, mode, "a folder")
        return current

    def odd_folders(self, names: tuple[str, ...]) -> list[str]:
        """A sentence for each of `names` (folders in the data folder) that is not a real folder.

        For the user at start: such a folder is left as it is and nothing is written into it
        (a linked `backups` folder means no backups, a linked `logs` folder no log file).
        """
        told = []
        for name in names:
            path = self.path / name
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue  # none yet: made when first needed
            if not stat.S_ISDIR(mode):
                told.append(
                    f"{path} is {_what(mode)}, not a folder. The guide leaves it as it "
                    "is and writes nothing there; replace it with a plain folder."
                )
        return told

    def write(self, path: Path, data: bytes) -> None:
        """Atomically replace the plain file `path` inside the data folder with `data`."""
        self.folder(path.parent)
        write_atomic(path, data)

    def write_new(self, path: Path, data: bytes) -> Path:
        """Write a new file inside the data folder, never over another (see `write_new`)."""
        self.folder(path.parent)
        return write_new(path, data)

    def read(self, path: Path, limit: int = READ_LIMIT) -> bytes:
        """The bytes of the plain file `path` inside the data folder (see `read_regular`)."""
        self.folder(path.parent, create=False)
        return read_regular(path, limit)

    def files(self, folder: Path, pattern: str, *, plain_only: bool = True) -> list[Path]:
        """The plain files in `folder` whose names match `pattern`, sorted; [] if no folder.

        With `plain_only` false, whatever else matches is listed too (to be reported).
        """
        try:
            where = self.folder(folder, create=False)
        except FileNotFoundError:
            return []
        found = []
        with os.scandir(where) as entries:
            for entry in entries:
                if fnmatch.fnmatchcase(entry.name, pattern) and (
                    entry.is_file(follow_symlinks=False) or not plain_only
                ):
                    found.append(where / entry.name)
        return sorted(found)

    def remove(self, path: Path) -> None:
        """Delete the plain file `path` inside the data folder (a link or pipe is refused)."""
        self.folder(path.parent, create=False)
        mode = os.lstat(path).st_mode
        if not stat.S_ISREG(mode):
            raise unsafe(path, mode)
        path.unlink()

    def move(self, source: Path, target: Path) -> None:
        """Rename `source` to `target` inside the data folder, replacing a plain file there."""
        self.folder(source.parent, create=False)
        self.folder(target.parent)
        _refuse_unless_regular(target)
        source.replace(target)


def write_export(path: Path, data: bytes, data_dir: Path | None) -> None:
    """Write an export (a report, a PDF, bookmarks) the user asked for at `path`.

    Refused with UnsafePathError: a place inside the guide's own data folder (an export could
    replace the file it came from), and anything at `path` that is not a plain file (a link, a
    pipe, a device), which an export would otherwise replace with a plain file.
    """
    if data_dir is not None:
        where = Path(os.path.realpath(path.parent)) / path.name
        own = Path(os.path.realpath(data_dir))
        if where == own or own in where.parents:
            raise UnsafePathError(
                errno.EPERM,
                f"it is inside the guide's own data folder ({data_dir}); "
                "choose a place outside it, such as your Documents folder",
                str(path),
            )
    write_atomic(path, data, shared=True)
