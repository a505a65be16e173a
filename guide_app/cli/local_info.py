"""The `export-local` and `import-local` commands: local information to and from one file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from guide_app.cli.data_folder import (
    CommandError,
    add_folder_options,
    content_of,
    data_of,
    holding,
)
from guide_app.common.safe_files import read_regular, write_export
from guide_app.guide.model import Guide
from guide_app.guide.problems import ContentError
from guide_app.store.local_info import LocalInfoError, LocalInfoStore, current_ids
from guide_app.store.local_info_file import LocalInfoFile

COMMANDS = ("export-local", "import-local")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export-local` and `import-local` to the `guide-app` parser's sub-commands."""
    export = commands.add_parser(
        "export-local",
        help="export the team's local information to one file",
        description="Write the local information of every page to FILE, to import elsewhere.",
    )
    export.add_argument("file", metavar="FILE", help="the file to write")
    take = commands.add_parser(
        "import-local",
        help="import local information from an exported file",
        description="Show what FILE adds and replaces, then import it once you agree. The "
        "guide must not be open with the same data folder.",
    )
    take.add_argument("file", metavar="FILE", help="a file written by export-local or the app")
    take.add_argument("--yes", action="store_true", help="import without asking")
    add_folder_options(export, "")
    add_folder_options(
        take, "read the guide from another content folder (its page titles and former ids)"
    )


def run(args: argparse.Namespace) -> int:
    """Run `export-local` or `import-local`; say what went wrong and return 1 on failure."""
    data = data_of(args)
    try:
        if args.command == "export-local":
            export_local(data, Path(args.file).expanduser())
        else:
            import_local(
                data, Path(args.file).expanduser(), content_of(args, data), ask=not args.yes
            )
    except CommandError as error:
        print(f"guide-app {args.command}: {error}", file=sys.stderr)
        return 1
    return 0


def export_local(data: Path, output: Path) -> None:
    """Write every note in `data` to `output`; only reads the data folder."""
    from guide_app.store.local_info_exchange import export_json, pages

    if data.exists() and not data.is_dir():
        raise CommandError(f"{data} is not a folder")
    store = LocalInfoStore()
    loaded = LocalInfoFile(data).load_into(store, inspect_only=True)
    if loaded.message:
        print(loaded.message, file=sys.stderr)
    try:
        write_export(output, export_json(store), data)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"Exported the local information of {pages(len(store))} to {output}")


def _guide(content: Path) -> Guide:
    from guide_app.guide.load.loader import load_guide

    try:
        return load_guide(content)
    except ContentError as error:
        raise CommandError(f"the guide in {content} cannot be loaded: {error}") from None


def import_local(data: Path, source: Path, content: Path, *, ask: bool) -> None:
    """Show what `source` changes in `data`, then (agreed, or not `ask`) import and save it.

    The data folder's lock is held throughout, so the app cannot be writing it meanwhile; the
    previous file is kept among the numbered backups.
    """
    from guide_app.store.local_info_exchange import describe, import_json, plan_import, titles

    try:
        notes = import_json(read_regular(source), source.name)
    except LocalInfoError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(f"cannot read {source}: {error.strerror or error}") from None
    guide = _guide(content)
    with holding(data, "File > Import local information…") as root:
        try:
            file, store = LocalInfoFile(data, root), LocalInfoStore()
            loaded = file.load_into(store)
            if loaded.message:
                print(loaded.message, file=sys.stderr)
            if store.read_only:
                raise CommandError(f"{file.path} cannot be changed: {store.read_only_reason}")
            plan = plan_import(store, notes, current_ids(guide))
            if not plan.changes:
                print(f"Nothing to import from {source.name}: it is all here already.")
                return
            print(describe(plan, titles(guide)), end="")
            if ask and not _agreed(f"Import these into {file.path}?"):
                print("Nothing imported; your local information has not been changed.")
                return
            for change in plan.changes:
                store.put(change.new)
            try:
                file.save(store)
            except OSError as error:
                raise CommandError(f"cannot save {file.path}: {error.strerror or error}") from None
            print(
                f"Imported from {source.name}: {len(plan.added)} added, {len(plan.replaced)} "
                f"replaced. The version before is kept in {file.path.parent / 'backups'}."
            )
        except OSError as error:
            raise CommandError(f"cannot use {data}: {error.strerror or error}") from None


def _agreed(question: str) -> bool:
    """Ask on the terminal; anything but yes (or no terminal at all) is no."""
    if not sys.stdin.isatty():
        raise CommandError("not asked, as there is no terminal: add --yes to import")
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
