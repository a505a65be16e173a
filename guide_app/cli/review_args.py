"""The `reviews` and `export-review` sub-commands' arguments (the work is in cli/reviews.py)."""

from __future__ import annotations

import argparse

from guide_app.cli.data_folder import add_folder_options

COMMANDS = ("reviews", "export-review", "import-review", "review-folder")
FORMATS = ("pdf", "md", "csv", "review")
MIN_PREFIX = 6  # characters of a review id that name it


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `reviews` and `export-review` to the `guide-app` parser's sub-commands."""
    listing = commands.add_parser(
        "reviews",
        help="list saved service reviews",
        description="List saved service reviews, newest first: id, date, % of the guide's "
        "criteria assessed, and name.",
    )
    add_folder_options(listing)
    export = commands.add_parser(
        "export-review",
        help="export a service review as PDF, Markdown or CSV",
        description="Export a saved service review. Exit 1 if the review is unknown or "
        "ambiguous, or the file cannot be written.",
    )
    export.add_argument(
        "review",
        metavar="REVIEW",
        help=f"the review's id, the first {MIN_PREFIX} or more characters of it, or its name",
    )
    export.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        dest="export_format",
        help="pdf: A4 report to print and sign; md: Markdown; csv: one row per criterion; "
        "review: a file for a colleague to import and merge (import-review)",
    )
    export.add_argument("--output", required=True, metavar="FILE", help="the file to write")
    export.add_argument(
        "--compare", metavar="EARLIER", help="add a comparison with an earlier review"
    )
    export.add_argument(
        "--changes-only",
        action="store_true",
        help="with --compare, list only the criteria whose status changed",
    )
    add_folder_options(export)
    take = commands.add_parser(
        "import-review",
        help="import a review a colleague sent, merging it into ours",
        description="Add the review in FILE, or merge it into the copy here: what only one "
        "side changed is taken; a field both changed is asked about (or settled by --prefer). "
        "Exit 1, changing nothing, if the file is not a review or a conflict is left open.",
    )
    take.add_argument(
        "file", metavar="FILE", help="a file written by export-review --format review"
    )
    take.add_argument(
        "--prefer",
        choices=("mine", "theirs"),
        help="settle every field changed on both sides this way, without asking",
    )
    add_folder_options(take, "")
    place = commands.add_parser(
        "review-folder",
        help="keep reviews on this computer or in a folder the team shares",
        description="Say where service reviews are kept, or change it: FOLDER (a folder the "
        "team shares, such as a network drive) or --local (the data folder). The window and "
        "these commands use it from their next start.",
    )
    place.add_argument("folder", nargs="?", metavar="FOLDER", help="the shared folder to use")
    place.add_argument("--local", action="store_true", help="keep reviews on this computer")
    place.add_argument("--name", metavar="NAME", help="your name, as colleagues see it")
    add_folder_options(place, "")
