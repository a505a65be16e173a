"""`guide-app review-folder`: say where service reviews are kept, or change it."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from guide_app.cli.data_folder import CommandError, holding
from guide_app.store.review_lock import user_name
from guide_app.store.review_place import PlaceError, checked_folder, read_place, write_place

IN_APP = "Reviews > Review folder…"


def review_folder(args: argparse.Namespace, data: Path) -> int:
    """Print the review folder in use, or set it (FOLDER, --local, --name)."""
    try:
        place, problem = read_place(data)
        if problem:
            print(problem, file=sys.stderr)
        if args.folder and args.local:
            raise CommandError("give a FOLDER or --local, not both")
        if args.folder or args.local or args.name is not None:
            folder = checked_folder(args.folder, data) if args.folder else None
            wanted = replace(
                place,
                shared=folder if args.folder else None if args.local else place.shared,
                name=args.name.strip()[:100] if args.name is not None else place.name,
            )
            with holding(data, IN_APP):
                write_place(data, wanted)
            place = wanted
    except (CommandError, PlaceError) as error:
        print(f"guide-app review-folder: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"guide-app review-folder: cannot save the choice: {error.strerror or error}",
              file=sys.stderr)  # fmt: skip
        return 1
    where = f"{place.shared} (shared)" if place.shared else f"{data / 'reviews'} (this computer)"
    print(f"Reviews are kept in {where}")
    print(f"Colleagues see you as: {place.name or user_name() or 'someone'}")
    return 0
