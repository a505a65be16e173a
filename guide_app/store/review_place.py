"""Where the service reviews are kept: the data folder, or a folder a team shares (a setting).

The choice is `review-folder.json` in the data folder (versioned, written like every other
file), so the window and the command line read the same reviews.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide_app.common.safe_files import DataRoot
from guide_app.common.user_text import clean
from guide_app.store.documents import Document

FILE_NAME = "review-folder.json"
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ReviewPlace:
    """The shared review folder (None: the data folder's own) and the name shown to colleagues."""

    shared: Path | None = None
    name: str = ""  # how colleagues see who has a review open ("" : the system's user name)

    def to_payload(self) -> dict[str, str]:
        """What the settings file holds."""
        return {"shared_folder": str(self.shared) if self.shared else "", "name": self.name}


class PlaceError(ValueError):
    """A shared review folder that cannot be used; the message says why."""


def _document(data: Path, root: DataRoot | None) -> Document:
    return Document(data / FILE_NAME, SCHEMA_VERSION, lambda _text: {}, root=root)


def read_place(data: Path | None, root: DataRoot | None = None) -> tuple[ReviewPlace, str]:
    """The review place chosen for `data`, and a message if the setting could not be read."""
    if data is None:
        return ReviewPlace(), ""
    loaded = _document(data, root).load(inspect_only=True)
    folder = loaded.payload.get("shared_folder")
    name = loaded.payload.get("name")
    place = ReviewPlace(
        Path(folder) if isinstance(folder, str) and folder else None,
        clean(name)[:100] if isinstance(name, str) else "",
    )
    return place, loaded.message


def checked_folder(text: str, data: Path) -> Path:
    """The folder typed for shared reviews, checked: it exists, is a folder, is not `data`."""
    if not text.strip():
        raise PlaceError("choose a folder")
    folder = Path(text.strip()).expanduser()
    if not folder.is_absolute():
        raise PlaceError(f"{folder} is not a full path (start it from a drive or /)")
    if not folder.is_dir():
        raise PlaceError(f"{folder} cannot be reached, or is not a folder")
    inside = folder.resolve()
    if inside == data.resolve() or data.resolve() in inside.parents:
        raise PlaceError(f"{folder} is inside the guide's own data folder; choose a shared one")
    return folder


def write_place(data: Path, place: ReviewPlace, root: DataRoot | None = None) -> None:
    """Keep the choice (read by the next start of the window and by the command line)."""
    _document(data, root).save(place.to_payload())
