"""What the status bar says about the link under the pointer or the keyboard in the reader."""

from __future__ import annotations

from PySide6.QtCore import QUrl

from guide_app.guide.model import Guide


def link_message(url: QUrl, guide: Guide) -> str:
    """Where the link goes, in words; "" for no link or a place on the same page."""
    scheme = url.scheme()
    if url.isEmpty() or (not scheme and url.hasFragment() and not url.path()):
        return ""  # no link, or a place on this page such as a source
    if scheme in ("http", "https", "mailto"):
        return f"Opens in your browser: {url.toString()}"
    if scheme == "guide":
        node = guide.resolve(url.path())
        return node.title if node is not None else url.toString()
    # a link a click refuses: say so, never leave another link's address showing
    return f"This link is not allowed: {url.toString()}"
