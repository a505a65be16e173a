"""`export-review --format review` and `import-review`: a review sent to a colleague and back."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from guide_app.cli.data_folder import CommandError, holding
from guide_app.common.safe_files import write_export
from guide_app.store.review_book import ReviewBook, book_of
from guide_app.store.review_exchange import read_shared, shared_bytes, with_revision
from guide_app.store.review_import import apply_import, plan_import
from guide_app.store.review_merge import Conflict
from guide_app.store.reviews import ReviewError

SEND_IN_APP = "Reviews > Send to a colleague…"
IMPORT_IN_APP = "Reviews > Import review…"


@contextlib.contextmanager
def _book(data: Path) -> Iterator[ReviewBook]:
    """The reviews, read (the caller holds the data folder's lock); shared locks given back."""
    book, problem = book_of(data)
    for message in ([problem] if problem else []) + book.load():
        print(message, file=sys.stderr)
    try:
        yield book
    finally:
        book.close()


def send(args: argparse.Namespace, data: Path, edition: tuple[str, str]) -> None:
    """Write the review to a file for a colleague, recording it as a revision here."""
    output = Path(args.output).expanduser()
    with holding(data, SEND_IN_APP), _book(data) as book:
        try:
            review = book.find(args.review)
            sent = with_revision(review)
            if sent is not review:
                book.put(sent, "details")
                book.save_dirty()
            write_export(output, shared_bytes(sent, *edition), data)
        except ReviewError as error:
            raise CommandError(f"{error} (see: guide-app reviews)") from None
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror or error}") from None
    print(f"Sent “{sent.name}” to {output}: a colleague imports it with guide-app import-review")


def receive(args: argparse.Namespace, data: Path) -> None:
    """Add the review in the file, or merge it into ours; conflicts settled as asked."""
    source = Path(args.file).expanduser()
    try:
        shared = read_shared(source)
    except ReviewError as error:
        raise CommandError(str(error)) from None
    with holding(data, IMPORT_IN_APP), _book(data) as book:
        try:
            incoming = plan_import(book, shared.review)
            if incoming.changes_nothing:
                print(f"Nothing new in {source.name}: “{shared.review.name}” is up to date here.")
                return
            choose = _chooser(args, incoming.conflicts)
            result = apply_import(book, incoming, choose)
            book.save_dirty()
        except (ReviewError, OSError) as error:
            raise CommandError(f"nothing was imported: {error}") from None
    if incoming.merged is None:
        print(f"Added “{shared.review.name}” from {source.name} (edition {shared.edition or '?'}).")
    else:
        merged = incoming.merged
        print(
            f"Merged {source.name} into “{result.name if result else shared.review.name}”: "
            f"{merged.taken} change(s) taken, {len(merged.conflicts)} conflict(s) settled. "
            "The version before is kept among the review's backups."
        )


def _chooser(
    args: argparse.Namespace, conflicts: tuple[Conflict, ...]
) -> Callable[[Conflict], str]:
    """How each conflict is settled: --prefer, else asked on the terminal, else refused."""
    if not conflicts or args.prefer:
        return lambda _c: args.prefer or "mine"
    listing = "\n".join(f"  {describe(c)}" for c in conflicts)
    if not sys.stdin.isatty():
        raise CommandError(
            f"{len(conflicts)} field(s) were changed both here and there:\n{listing}\n"
            "Nothing was imported: run it again with --prefer mine or --prefer theirs, or "
            f"use {IMPORT_IN_APP} to choose each one"
        )
    answers: dict[tuple[str, ...], str] = {}
    for conflict in conflicts:
        print(describe(conflict))
        reply = input("  Keep [m]ine or take [t]heirs? ").strip().lower()
        answers[conflict.key] = "theirs" if reply.startswith("t") else "mine"
    return lambda c: answers[c.key]


def describe(conflict: Conflict) -> str:
    """A conflict in one line: where, then both values."""
    where = " ".join(conflict.key[1:])
    return f"{where}: here {conflict.mine!r}, theirs {conflict.theirs!r}"
