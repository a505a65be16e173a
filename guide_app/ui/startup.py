"""The start-up rules in one place: what the first frame may load, and the helpers that keep it so.

The window must paint its first page fast (benchmarks/README.md), so the modules in
FIRST_FRAME are written with three habits, and only they:

- anything not shown at start is imported where it is first used (a dialog, a pane, the
  reviews), or made by a `Lazy` holder;
- PySide6's `Qt` namespace is not touched: building it costs a fifth of a bare window's
  start-up; `qt()` gives it where a key or an enum is needed after start;
- an enum property is set by name through `set_enum_property`, which checks the name.

Every other module is written as plain Qt: imports at the top, `Qt.` enums where they
belong. tests/e2e/test_first_frame.py starts the app and checks the modules it loaded
against FIRST_FRAME and LATER.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

# Modules of ours the first frame may load: a new one here costs start-up time (measure it).
FIRST_FRAME = frozenset(
    {
        "guide_app",
        "guide_app.common",
        "guide_app.common.safe_files",
        "guide_app.common.user_text",
        "guide_app.guide",
        "guide_app.guide.compiled",
        "guide_app.guide.currency",
        "guide_app.guide.locations",
        "guide_app.guide.model",
        "guide_app.guide.page",
        "guide_app.guide.plain",
        "guide_app.guide.problems",
        "guide_app.identity",
        "guide_app.paths",
        "guide_app.shell",
        "guide_app.shell.app",
        "guide_app.shell.crash",
        "guide_app.shell.instance",
        "guide_app.shell.logs",
        "guide_app.shell.signals",
        "guide_app.store",
        "guide_app.store.bookmark_file",
        "guide_app.store.bookmarks",
        "guide_app.store.documents",
        "guide_app.store.editions",
        "guide_app.store.editions.installed",
        "guide_app.store.editions.manifest",
        "guide_app.store.local_info",
        "guide_app.store.local_info_file",
        "guide_app.store.saving",
        "guide_app.store.stamps",
        "guide_app.store.user_data",
        "guide_app.ui",
        "guide_app.ui.autosave",
        "guide_app.ui.bookmarks",
        "guide_app.ui.bookmarks.actions",
        "guide_app.ui.bookmarks.controller",
        "guide_app.ui.bookmarks.names",
        "guide_app.ui.bookmarks.undo",
        "guide_app.ui.clear_button",
        "guide_app.ui.help",
        "guide_app.ui.editions",
        "guide_app.ui.editions.commands",
        "guide_app.ui.help.commands",
        "guide_app.ui.icons",
        "guide_app.ui.lazy_tab",
        "guide_app.ui.local_info",
        "guide_app.ui.local_info.actions",
        "guide_app.ui.local_info.controller",
        "guide_app.ui.local_info.undo",
        "guide_app.ui.look",
        "guide_app.ui.look.appearance",
        "guide_app.ui.look.commands",
        "guide_app.ui.look.contrast",
        "guide_app.ui.look.icon_colours",
        "guide_app.ui.plain_text",
        "guide_app.ui.reading",
        "guide_app.ui.reading.commands",
        "guide_app.ui.reading.contents_model",
        "guide_app.ui.reading.contents_view",
        "guide_app.ui.reading.find_bar",
        "guide_app.ui.reading.link_status",
        "guide_app.ui.reading.page_render",
        "guide_app.ui.reading.reader",
        "guide_app.ui.reading.recent_pages",
        "guide_app.ui.review",
        "guide_app.ui.review.actions",
        "guide_app.ui.search",
        "guide_app.ui.search.controller",
        "guide_app.ui.search.field",
        "guide_app.ui.settings_file",
        "guide_app.ui.startup",
        "guide_app.ui.window",
        "guide_app.ui.window.actions",
        "guide_app.ui.window.announcer",
        "guide_app.ui.window.centre_stack",
        "guide_app.ui.window.chrome",
        "guide_app.ui.window.fit",
        "guide_app.ui.window.history",
        "guide_app.ui.window.main_window",
        "guide_app.ui.window.navigation",
        "guide_app.ui.window.panes",
        "guide_app.ui.window.registry",
        "guide_app.ui.window.reviews_place",
        "guide_app.ui.window.state",
    }
)
# Other modules that must wait until their feature is used, each for a measured reason.
LATER = (
    "yaml",  # the compiled guide is used instead (except at a first start)
    "sqlite3",  # the search index: built after the first paint
    "hashlib",  # with OpenSSL, ~3 MB resident
    "pickle",  # the compiled guide is plain JSON: nothing at start-up unpickles
    "datetime",
    "PySide6.QtPrintSupport",
    "PySide6.QtNetwork",  # never: the app reaches no network
    "PySide6.QtCore.Qt",  # the Qt namespace: ~100 enums, a fifth of a bare window's start-up
)

T = TypeVar("T")


class Lazy(Generic[T]):
    """A thing made the first time it is asked for (`get`), by `make`; `built` until then None."""

    def __init__(self, make: Callable[[], T]) -> None:
        self._make = make
        self.built: T | None = None

    def get(self) -> T:
        """The thing, made now if it was not yet."""
        if self.built is None:
            self.built = self._make()
        return self.built


def qt() -> type[Qt]:
    """PySide6's `Qt` namespace, for code that runs after the first frame (a key press)."""
    from PySide6.QtCore import Qt  # built here, on first use, never at start

    return Qt


def set_enum_property(widget: QObject, name: str, value: str) -> None:
    """Set the enum property `name` to the enum value named `value`, without `Qt` at start.

    Raises ValueError if the widget has no such property or the name is not one of its values.
    """
    if not widget.setProperty(name, value):  # reading it back would build `Qt`
        raise ValueError(f"{type(widget).__name__} has no enum value {value!r} for {name!r}")
