"""What a QTextDocument holds, run by run: to prove that text shows no link and no image."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QTextCharFormat, QTextDocument


def formats(document: QTextDocument) -> Iterator[QTextCharFormat]:
    """Yield the format of each run of text (or image) in `document`."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            yield iterator.fragment().charFormat()
            iterator += 1
        block = block.next()
