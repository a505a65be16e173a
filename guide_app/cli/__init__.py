"""Command line: the parser; start the app, or run a sub-command (content, reviews, local_info)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from guide_app import __version__, paths
from guide_app.cli import edition_args, local_info, review_args, search


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for `guide-app` and its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="guide-app",
        description="Pain & Mental Health Guide: an offline guide for clinicians.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep every file the app writes under DIR (also ${paths.DATA_DIR_ENV})",
    )
    parser.add_argument(
        "--content", metavar="DIR", help="load the guide from another content folder"
    )
    parser.add_argument(
        "--open",
        metavar="ID",
        dest="open_id",
        help="open the page with this id (as in a guide:ID link)",
    )
    parser.add_argument("--verbose", action="store_true", help="log what the app does to stderr")
    parser.add_argument(
        "--take-over",
        action="store_true",
        help="use the data folder even if it is marked as open by a copy of the guide that "
        "does not respond (one that crashed, or ran on another computer)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="load the content, build the window offscreen, render a page, exit",
    )
    parser.add_argument(  # for benchmarks/startup.py: print "shown" after the first paint, exit
        "--exit-when-shown", action="store_true", help=argparse.SUPPRESS
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check-content",
        help="check content files; list every problem",
        description="Check the guide's content and report every problem "
        "as file:line: message. Exit 1 if there is any.",
    )
    check.add_argument(
        "dir", nargs="?", metavar="DIR", help="content folder (default: the bundled one)"
    )
    search.add_command(commands)
    review_args.add_commands(commands)
    edition_args.add_commands(commands)
    local_info.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "check-content":
        from guide_app.cli import content

        return content.check_content(Path(args.dir) if args.dir else paths.content_dir())
    if args.command in review_args.COMMANDS:
        from guide_app.cli import reviews  # reads and exports reviews: not to start the app

        return reviews.run(args)
    if args.command in edition_args.COMMANDS:
        from guide_app.cli import editions  # signing and installing: not to start the app

        return editions.run(args)
    if args.command in local_info.COMMANDS:
        return local_info.run(args)
    if args.command == "search":
        return search.run(args)
    from guide_app.shell import app

    return app.run(args)
