"""What commands share: the error they report, and the data folder locked as the app locks it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guide_app.common.safe_files import DataRoot


class CommandError(Exception):
    """What went wrong, in one line for the user, and any lines that follow (problems found)."""

    def __init__(self, message: str, lines: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.lines = lines


@contextmanager
def holding(data: Path, instead: str) -> Iterator[DataRoot]:
    """The data folder, locked as the app locks it; refused while the guide has it open.

    `instead` says what to do in the open guide (for example "File > Install content update…").
    """
    from guide_app.shell.instance import InstanceGuard  # Qt's lock file, as the app uses

    guard = InstanceGuard(data)
    try:
        if not guard.acquire(serve=False):
            raise CommandError(
                f"the guide is open with the data folder {data}. Close it and run this again, "
                f"or use {instead} in the guide."
            )
    except OSError as error:
        raise CommandError(
            f"the data folder {data} cannot be used: {error.strerror or error}"
        ) from None
    try:
        yield guard.root
    finally:
        guard.release()
