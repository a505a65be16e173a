"""How a review status looks: its words and a distinct icon shape, never colour alone."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPalette

from guide_app.store.reviews import Status
from guide_app.ui.icons import themed_icon


@cache
def _icon(status: Status) -> QIcon:
    return themed_icon(f"status-{status.value}", QPalette())


def status_icon(status: Status) -> QIcon:
    """The icon of `status`: a tick, a half-filled circle, a cross, a dash or a dotted ring."""
    return _icon(status)


def status_text(status: Status) -> str:
    """The status in words with its key, e.g. 'Met (3)'."""
    return f"{status.label} ({status.key})"
