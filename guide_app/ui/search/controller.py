"""Search in the window: the toolbar field, the Search pane, the index and the user's notes."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from guide_app.common.safe_files import DataRoot
from guide_app.guide.model import Guide
from guide_app.store.user_data import UserData
from guide_app.ui.search.field import SearchField
from guide_app.ui.startup import Lazy

if TYPE_CHECKING:
    from guide_app.guide.search.index import SearchIndex
    from guide_app.store.review_book import ReviewBook
    from guide_app.ui.search.pane import SearchPane

log = logging.getLogger(__name__)
_NOTES_REFRESH_MS = 500


class SearchController(QObject):
    """Builds the index in a thread after the first paint; keeps the user's notes in it.

    The Search pane is built when first needed: by typing, or by choosing its tab.

    Signals:
        open_marked(str, list): open a result's target and mark these words on the page.
        shown(): the Search pane should come to the front.
        announced(str): the pane's short status ("12 results"), for the status bar.
        problems(list): problems found in the review files when search read them first.
    """

    open_marked = Signal(str, list)
    shown = Signal()
    announced = Signal(str)
    problems = Signal(list)
    _built = Signal()  # from the building thread; delivered in the UI thread

    def __init__(
        self,
        guide: Guide,
        user_data: UserData,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
        root: DataRoot | None = None,
    ) -> None:
        super().__init__(parent)
        self.guide = guide
        self.cache_dir = cache_dir
        self.root = root  # the data folder the cache is in, as the app took it
        self._builder: threading.Thread | None = None
        self._building: SearchIndex | None = None
        self.user_data = user_data
        self.reviews: ReviewBook | None = None  # read with the index, for their notes
        self.field = SearchField()
        self._pane = Lazy(self._make_pane)
        self.index: SearchIndex | None = None
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.timeout.connect(self.refresh_notes)
        self.field.textChanged.connect(self._typed)
        self.field.down.connect(self._focus_results)
        self.field.enter.connect(self._open_best)
        self._open_when_ready = False  # Enter was pressed while the index was being prepared
        self._built.connect(self._take_index)
        user_data.subscribe(lambda *_: self._notes_timer.start(_NOTES_REFRESH_MS))

    @property
    def pane(self) -> SearchPane:
        """The Search pane, built the first time it is needed."""
        return self._pane.get()

    def _make_pane(self) -> SearchPane:
        from guide_app.ui.search.pane import SearchPane  # not needed for the first frame

        pane = SearchPane()
        pane.index = self.index  # None while preparing: the pane says so
        pane.result_chosen.connect(self._open)
        pane.announced.connect(self.announced)
        return pane

    def _focus_results(self) -> None:
        self.pane.focus_results()

    def prepare(self) -> None:
        """Start building the index in a thread (after the first paint), so typing never waits."""
        if self._builder is None and self.index is None:
            # Not a daemon: a process ending while the index is built waits for it (a second or
            # less) rather than tearing Qt down under it, which aborts the process.
            self._builder = threading.Thread(target=self._build, name="search-index")
            self._builder.start()

    def _build(self) -> None:
        from guide_app.guide.search.index import SearchIndex  # sqlite3: after the first paint

        started = time.perf_counter()
        self._building = SearchIndex(self.guide, self.cache_dir, self.root)
        how = "opened from its cache" if self._building.cached else "built"
        log.info("search index %s in %.1f ms", how, (time.perf_counter() - started) * 1000)
        self._built.emit()

    def finish(self) -> None:
        """Wait for a build under way (before the window goes), so no thread outlives it."""
        if self._builder is not None:
            self._builder.join()

    def ensure_index(self) -> SearchIndex:
        """The index, waiting for its build if needed (never on the typing path: see _typed)."""
        if self.index is None:
            if self._builder is not None:
                self._builder.join()
            self._take_index()
        assert self.index is not None
        return self.index

    def _take_index(self) -> None:
        """Hand the built index on; read the reviews, whose notes are found; run what waits."""
        if self.index is not None:
            return
        from guide_app.guide.search.index import SearchIndex

        index = self._building or SearchIndex(self.guide, self.cache_dir, self.root)
        self.index = index
        if self._pane.built is not None:
            self._pane.built.index = index
        problems = self.user_data.load_reviews()  # read here, not through their view
        self.reviews = self.user_data.reviews
        if problems:
            self.problems.emit(problems)
        self.refresh_notes()
        if self._pane.built is not None and self.field.text():
            self.pane.run(self.field.text())
        if self._open_when_ready:
            self._open_when_ready = False
            self._open_best()

    def refresh_notes(self) -> None:
        """Put the current bookmark and review notes into the index."""
        self._notes_timer.stop()
        if self.index is not None and self.reviews is not None:
            from guide_app.store.search_notes import collect_notes  # with the index

            notes = collect_notes(
                self.guide, self.user_data.bookmarks, self.reviews, self.user_data.local_info
            )
            self.index.set_notes(notes)

    def _typed(self, text: str) -> None:
        """Search as the user types; until the index is ready the pane says it is preparing.

        Never waits for the index here: the build goes on in its thread and the text typed
        meanwhile is searched as soon as the index is handed on (_take_index).
        """
        if self.index is None:
            self.prepare()
        self._open_when_ready = False
        self.pane.run(text)
        if text.strip():
            self.shown.emit()

    def _open_best(self) -> None:
        if self.index is None:  # Enter while preparing: open the best result once ready
            self._open_when_ready = bool(self.field.text().strip())
            self.prepare()
            return
        best = self.pane.first() if self.pane.text == self.field.text() else None
        if best is None:
            best = next(iter(self.pane.run(self.field.text())), None)
        if best is not None:
            self._open(best)

    def _open(self, result: object) -> None:
        from guide_app.guide.search.result import Result  # loaded with the pane

        if isinstance(result, Result) and self.index is not None:
            # The words marked are the words searched: respelt, unless the pane searched as typed.
            marks = self.index.highlight(self.pane.text, exact=self.pane.exact)
            self.open_marked.emit(result.target, marks)
