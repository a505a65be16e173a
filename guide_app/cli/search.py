"""The `search` command: the window's search, from the command line, on the same data folder."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from guide_app.cli.data_folder import CommandError, add_folder_options, content_of, data_of

if TYPE_CHECKING:
    from guide_app.guide.search.result import Found

# The kind filters of search (guide_app.guide.search.result.FILTERS; a test keeps them equal).
SEARCH_KINDS = (
    "areas",
    "solutions",
    "challenges",
    "examples",
    "principles",
    "evidence",
    "about",
    "notes",
)


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `search` to the `guide-app` parser's sub-commands."""
    search = commands.add_parser(
        "search",
        help="search the guide and your notes; print the best matches",
        description="Search as the guide's Search pane does, on the same data folder: the "
        "active edition's pages, your bookmark notes, local information and review notes. "
        "Print one result a line, best first: id, kind, title and snippet; on stderr, how many "
        "there are and any word that was respelt.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="words to search for")
    search.add_argument("--kind", choices=SEARCH_KINDS, help="only this kind of page")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N results")
    search.add_argument(
        "--exact",
        action="store_true",
        help="search for the words as typed, without respelling one the guide does not use",
    )
    add_folder_options(search)


def run(args: argparse.Namespace) -> int:
    """Print the best matches for the query, one a line; say so when there are none."""
    query = " ".join(args.query)  # as the search field holds it: the last word may be a beginning
    try:
        found, messages = search(args, query)
    except CommandError as error:
        print(f"guide-app search: {error}", file=sys.stderr)
        return 1
    for message in messages:
        print(message, file=sys.stderr)
    where = f" in {args.kind}" if args.kind else ""
    if found.respelt:
        print(
            f"Showing results for {found.searched!r} (search instead for {found.typed!r}: --exact)",
            file=sys.stderr,
        )
    if not found.results:
        print(f"No results for {found.typed!r}{where}")
        return 0
    for result in found.results:
        snippet = " ".join(result.snippet_text.split())
        print(f"{result.target}\t{result.kind}\t{result.title}\t{snippet}")
    shown = len(found.results)
    listed = f" (the first {shown} listed)" if shown < found.total else ""
    print(f"{found.total} result{'s' if found.total != 1 else ''}{listed}", file=sys.stderr)
    return 0


def search(args: argparse.Namespace, query: str) -> tuple[Found, list[str]]:
    """The search the window would make for `query`: its Found, and messages about files."""
    from guide_app.guide.load.loader import load_guide
    from guide_app.guide.problems import ContentError
    from guide_app.guide.search.index import SearchIndex
    from guide_app.store.search_notes import notes_on_disk

    data = data_of(args)
    if data.exists() and not data.is_dir():
        raise CommandError(f"{data} is not a folder")
    content = content_of(args, data)
    try:
        guide = load_guide(content)
    except ContentError as error:
        raise CommandError(f"{error} (see: guide-app check-content {content})") from None
    try:
        notes, messages = notes_on_disk(guide, data)
    except OSError as error:
        raise CommandError(f"cannot read {data}: {error.strerror or error}") from None
    index = SearchIndex(guide)
    index.set_notes(notes)
    kinds = [args.kind] if args.kind else []
    return index.find(query, kinds, max(args.limit, 1), exact=args.exact), messages
