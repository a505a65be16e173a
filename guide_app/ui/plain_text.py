"""Text from the guide or the user, shown exactly as written where Qt may read it as HTML.

A tooltip, a QLabel left at its default format and a QMessageBox read their text as HTML when
it "might be rich text" (`Qt.mightBeRichText`: a known tag such as `<img src=…>` on the first
line, or `&lt;`). A title holding `<img src=/some/file>` would then make Qt load that file.
Labels that show such text are set to `Qt.TextFormat.PlainText`; tooltips and message boxes,
which have no such setting, get their text through `shown_as_typed`.
"""

from __future__ import annotations

import html

# Qt.mightBeRichText needs a "<" or "&lt;"; any "<" or "&" is escaped, to be safe.
_MARKUP_START = ("<", "&")


def shown_as_typed(text: str) -> str:
    """`text` for a tooltip or a message box: Qt shows it as written and loads nothing.

    Text without "<" or "&" is returned as it is (Qt shows it as plain text). Other text is
    escaped inside an explicit rich-text paragraph that keeps its spaces and line breaks.
    """
    if not any(mark in text for mark in _MARKUP_START):
        return text
    return f'<p style="white-space: pre-wrap">{html.escape(text, quote=False)}</p>'


def window_title(text: str) -> str:
    """`text` for setWindowTitle: Qt hides a "[*]" in it (the modified mark) unless doubled."""
    return text.replace("[*]", "[*][*]")


def menu_text(text: str) -> str:
    """`text` for a menu item or button: Qt reads "&" as a shortcut mark unless doubled."""
    return text.replace("&", "&&")
