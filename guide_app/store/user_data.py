"""The one owner of the user's data: bookmarks, local information, reviews, files and saving."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from guide_app.common.safe_files import DataRoot
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.local_info import LocalInfoStore
from guide_app.store.local_info_file import LocalInfoFile
from guide_app.store.saving import Saveable, SaveRegistry

if TYPE_CHECKING:
    from guide_app.store.review_book import ReviewBook

BOOKMARKS = "bookmarks"  # the names the user reads in "Your … could not be saved"
REVIEWS = "service reviews"
LOCAL_INFO = "local information"
# (which store, what changed, the bookmark, folder, page or review id): one shape for all
Listener = Callable[[str, str, str | None], None]


class UserData:
    """Owns the bookmarks and the local information (stores and files), the reviews and saving.

    The review book is read when first needed.

    Nothing here needs Qt or a widget: the window and the command line read the same data,
    and search reads the reviews' notes without the reviews being shown. `saving` holds one
    entry per document; close, quit, a crash and autosave all flush through it.
    """

    def __init__(
        self,
        data: Path | None,
        root: DataRoot | None = None,
        bookmarks: BookmarkStore | None = None,
        bookmark_file: BookmarkFile | None = None,
        local_info: LocalInfoStore | None = None,
        local_info_file: LocalInfoFile | None = None,
    ) -> None:
        self.data, self.root = data, root
        self.bookmarks = bookmarks if bookmarks is not None else BookmarkStore()
        self.bookmark_file = bookmark_file
        self.saving = SaveRegistry()
        self.bookmark_saving: Saveable = self.saving.register(BOOKMARKS, self._save_bookmarks)
        self.review_saving: Saveable = self.saving.register(REVIEWS, self._save_reviews)
        self.local_info = local_info if local_info is not None else LocalInfoStore()
        self.local_info_file = local_info_file
        self.local_info_saving: Saveable = self.saving.register(LOCAL_INFO, self._save_local)
        self._reviews: ReviewBook | None = None
        self.place_problem = ""  # why the review folder setting could not be read
        self._listeners: list[Listener] = []
        self.bookmarks.subscribe(lambda what, item: self._tell(BOOKMARKS, what, item))
        self.local_info.subscribe(lambda what, item: self._tell(LOCAL_INFO, what, item))

    # Bookmarks -----------------------------------------------------------------------------

    def _save_bookmarks(self) -> None:
        if self.bookmark_file is not None:
            self.bookmark_file.save(self.bookmarks)

    def _save_local(self) -> None:
        if self.local_info_file is not None:
            self.local_info_file.save(self.local_info)

    # Reviews -------------------------------------------------------------------------------

    @property
    def reviews(self) -> ReviewBook:
        """The review book (data None: in memory only), made but not read until needed."""
        if self._reviews is None:
            from guide_app.store.review_book import ReviewBook, book_of  # read after start

            if self.data is None:
                self._reviews = ReviewBook(None)
            else:
                self._reviews, self.place_problem = book_of(self.data, self.root)
            self._reviews.subscribe(lambda what, review_id: self._tell(REVIEWS, what, review_id))
        return self._reviews

    @property
    def reviews_loaded(self) -> bool:
        """Whether the review files have been read."""
        return self._reviews is not None and self._reviews.loaded

    def load_reviews(self) -> list[str]:
        """Read the review files if not yet read; the problems found, the first time only.

        What was rescued from a damaged file is not on disk yet: it is marked to be saved.
        """
        book = self.reviews
        if book.loaded:
            return []
        messages = ([self.place_problem] if self.place_problem else []) + book.load()
        if book.dirty:
            self.review_saving.dirty = True
        return messages

    def _save_reviews(self) -> None:
        if self._reviews is not None:
            self._reviews.save_dirty()

    # Changes and saving --------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call `listener(store, what, id)` after every change to bookmarks, notes or reviews."""
        self._listeners.append(listener)

    def _tell(self, store: str, what: str, item: str | None) -> None:
        for listener in list(self._listeners):
            listener(store, what, item)

    def flush(self) -> bool:
        """Save everything not yet on disk; True when all of it is (failures are kept)."""
        return self.saving.flush()

    def close(self) -> None:
        """Give back what this app holds in a shared review folder (when the window closes)."""
        if self._reviews is not None:
            self._reviews.close()
