"""Every command of the window, gathered from the features that declare them, in one order."""

from __future__ import annotations

from guide_app.ui.bookmarks.actions import SPECS as BOOKMARKS
from guide_app.ui.editions.commands import SPECS as EDITIONS
from guide_app.ui.help.commands import SPECS as HELP
from guide_app.ui.local_info.actions import SPECS as LOCAL_INFO
from guide_app.ui.look.commands import SPECS as LOOK
from guide_app.ui.reading.commands import GOING, PAGE
from guide_app.ui.review.actions import SPECS as REVIEWS
from guide_app.ui.window.actions import EDIT, LEAVING, NAVIGATION, ActionSpec
from guide_app.ui.window.panes import SPECS as PANES

# The order of the shortcuts page; menus and the toolbar order by each spec's own place.
SPECS: tuple[ActionSpec, ...] = (
    *NAVIGATION, *GOING, *PANES, *BOOKMARKS, *LOCAL_INFO, *REVIEWS, *EDIT, *PAGE, *EDITIONS, *LOOK,
    *HELP, *LEAVING,
)  # fmt: skip
