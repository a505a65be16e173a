"""What commands share: their error, their folder options, the data folder locked as the app."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from guide_app import paths
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


def add_folder_options(
    parser: argparse.ArgumentParser, content: str = "read the guide from another content folder"
) -> None:
    """Give a sub-command `--data-dir` (and, with `content` help, `--content`).

    Own dests: a sub-command's default would otherwise hide `guide-app --data-dir DIR COMMAND`.
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        dest="command_data_dir",
        help=f"the app's data folder (default: ${paths.DATA_DIR_ENV} or the usual one)",
    )
    if content:
        parser.add_argument("--content", metavar="DIR", dest="command_content", help=content)


def data_of(args: argparse.Namespace) -> Path:
    """The data folder a command works on: its own --data-dir, guide-app's, or the usual one."""
    return paths.data_dir(getattr(args, "command_data_dir", None) or args.data_dir)


def content_of(args: argparse.Namespace, data: Path) -> Path:
    """The content a command reads: its own --content, guide-app's, or the edition `data` uses."""
    given = getattr(args, "command_content", None) or args.content
    if given:
        return Path(given)
    from guide_app.store.editions.installed import Editions

    return Editions(DataRoot(data), paths.content_dir(), paths.keys_dir()).active().edition.content
