"""The `reviews` and `export-review` commands (sharing a review: review_sharing.py)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from guide_app.cli.data_folder import CommandError, content_of, data_of
from guide_app.common.safe_files import write_export
from guide_app.export.review_csv import review_csv_bytes
from guide_app.export.review_markdown import review_markdown
from guide_app.export.review_parts import one_line
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.guide.problems import ContentError
from guide_app.store.review_book import ReviewBook, book_of
from guide_app.store.review_summary import summarise
from guide_app.store.reviews import Review, ReviewError


def _say(line: str, stream: TextIO | None = None) -> None:
    """Write one line to stdout (or `stream`)."""
    (stream or sys.stdout).write(line + "\n")


def run(args: argparse.Namespace) -> int:
    """Run `reviews` or `export-review`; print a one-line message and return 1 on failure."""
    data = data_of(args)
    if args.command == "review-folder":
        from guide_app.cli.review_folder import review_folder

        return review_folder(args, data)
    content = content_of(args, data)
    try:
        if args.command == "import-review" or getattr(args, "export_format", "") == "review":
            from guide_app.cli import review_sharing  # writes the data folder: takes its lock

            if args.command == "import-review":
                review_sharing.receive(args, data)
            else:
                guide = _guide(content)
                review_sharing.send(args, data, (guide.edition, guide.date))
            return 0
        book, messages = read_reviews(data)
        for message in messages:
            _say(message, sys.stderr)
        if args.command == "reviews":
            list_reviews(book.reviews, content, data)
        else:
            export_review(args, book, content, data)
    except CommandError as error:
        _say(f"guide-app {args.command}: {error}", sys.stderr)
        return 1
    return 0


def read_reviews(data: Path) -> tuple[ReviewBook, list[str]]:
    """Every review in `data`, and messages about files that are not quite right.

    Only reads: a damaged file is read as far as it can be and left as it is (the app sets it
    aside when it next opens it), and a half-written temporary file is never touched.
    """
    if data.exists() and not data.is_dir():
        raise CommandError(f"{data} is not a folder")
    book, problem = book_of(data)
    try:
        messages = ([problem] if problem else []) + book.load(inspect_only=True)
    except OSError as error:
        raise CommandError(f"cannot read {data}: {error.strerror or error}") from None
    return book, messages


def find(book: ReviewBook, wanted: str) -> Review:
    """The review whose id, id prefix (6+ characters) or name (any case) is `wanted`."""
    try:
        return book.find(wanted)
    except ReviewError as error:
        raise CommandError(f"{error} (see: guide-app reviews)") from None


def _guide(content: Path) -> Guide:
    try:
        return load_guide(content)
    except ContentError as error:
        raise CommandError(
            f"the guide in {content} cannot be loaded: {error} "
            f"(see: guide-app check-content {content})"
        ) from None


def list_reviews(reviews: list[Review], content: Path, data: Path) -> None:
    """Print one line per review: id, date, % assessed and name, in aligned columns."""
    if not reviews:
        _say(f"No saved reviews in {data}")
        return
    guide = _guide(content)
    for review in reviews:
        percent = summarise(review, guide).percent_assessed
        _say(f"{review.id}  {review.date or '-':<10}  {percent:>3}%  {one_line(review.name)}")


def export_review(args: argparse.Namespace, book: ReviewBook, content: Path, data: Path) -> None:
    """Write the review named by `args.review` to `args.output` in `args.export_format`."""
    if not book.reviews:
        raise CommandError(f"no saved reviews in {data}")
    review = find(book, args.review)
    earlier = find(book, args.compare) if args.compare else None
    if args.changes_only and earlier is None:
        raise CommandError("--changes-only lists what changed since a review named by --compare")
    changes_only = bool(args.changes_only)
    guide = _guide(content)
    output = Path(args.output).expanduser()
    pages = ""
    if args.export_format == "md":
        text = review_markdown(review, guide, compared_with=earlier, changes_only=changes_only)
        data_bytes = text.encode("utf-8")
    elif args.export_format == "csv":
        data_bytes = review_csv_bytes(review, guide)
    else:
        data_bytes, count = _pdf(review, guide, earlier, changes_only)
        pages = f", {count} page{'s' if count != 1 else ''}"
    try:
        write_export(output, data_bytes, data)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {_why(output, error)}") from None
    _say(f"Exported {one_line(review.name)!r} to {output} ({args.export_format}{pages})")


def _why(output: Path, error: OSError) -> str:
    """Why `output` could not be written; names a file that stands where a folder should be."""
    for folder in output.parents:
        if folder.exists():
            return (
                f"{folder} is not a folder" if not folder.is_dir() else error.strerror or str(error)
            )
    return error.strerror or str(error)


def _pdf(
    review: Review, guide: Guide, earlier: Review | None, changes_only: bool
) -> tuple[bytes, int]:
    """The PDF's bytes, made by an offscreen Qt that never shows anything."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["guide-app"])  # alive while drawing
    from guide_app.export.review_pdf import pdf_bytes

    return pdf_bytes(review, guide, compared_with=earlier, changes_only=changes_only)
