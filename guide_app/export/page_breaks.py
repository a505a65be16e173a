"""Where a report's pages break: never just after a heading, never through a table row or a line.

Qt's own pagination of a QTextDocument splits table rows across pages and leaves a heading at a
page's foot, and it knows no "keep together". So the report is laid out as one long strip (no
page height), cut into pieces that must not be split (a line, a heading, a table row), and the
pieces are put on pages here; each page is painted as one or two slices of the strip.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QGuiApplication,
    QTextBlock,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
_AFTER = QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter


@dataclass(frozen=True)
class Slice:
    """A stretch of the laid-out strip, from `top` to `bottom`, painted on a page."""

    top: float
    bottom: float

    @property
    def height(self) -> float:
        """How tall it is."""
        return self.bottom - self.top


@dataclass(frozen=True)
class Piece:
    """A stretch of the strip that is never split between pages."""

    top: float
    bottom: float
    keep_with_next: bool = False  # a heading, or a table row that keeps its table whole
    break_before: bool = False  # starts a page (page-break-before: always)
    repeat: Slice | None = None  # its table's heading row, repeated on a page that it starts


Page = list[Slice]


def paginate(pieces: list[Piece], height: float) -> list[Page]:
    """Put `pieces`, in order, on pages `height` tall; each page is the slices to paint.

    A page ends before a piece that does not fit or that must start a page; a full page ends
    before the run of pieces kept with the one that did not fit, unless that run fills the
    page. A piece taller than a page gets a page of its own and is cut at its foot (`pieces`
    makes none: a row that tall is cut between lines).
    """
    pages: list[Page] = []
    first = 0
    while first < len(pieces):
        repeat = pieces[first].repeat
        room = height - (repeat.height if repeat else 0.0)
        top = pieces[first].top
        end = first + 1
        while end < len(pieces) and not pieces[end].break_before:
            if pieces[end].bottom - top > room:
                end = _before_kept_run(pieces, first, end)
                break
            end += 1
        page = [Slice(top, pieces[end - 1].bottom)]
        pages.append([repeat, *page] if repeat else page)
        first = end
    return pages or [[Slice(0.0, 0.0)]]


def _before_kept_run(pieces: list[Piece], first: int, end: int) -> int:
    """Where a full page should end: before the run of pieces kept with `pieces[end]`."""
    back = end
    while back > first and pieces[back - 1].keep_with_next:
        back -= 1
    return back if back > first else end


def pieces(document: QTextDocument, height: float) -> list[Piece]:
    """The pieces of `document`, laid out without a page height, from top to bottom.

    Headings are kept with what follows, as is any text between a heading and the table it
    introduces; a table that fits on a page of `height` is kept whole; a longer one breaks
    between rows, its heading row repeated; a row breaks between lines only if it is taller
    than a page; other text breaks between lines.
    """
    layout = document.documentLayout()
    layout.documentSize()  # finishes the layout
    px = _pixel(document)
    found: list[Piece] = []
    introducing = False  # between a heading and the table it introduces
    after_frame = False
    pending_break = False
    for frame, block in _top_level(document):
        if isinstance(frame, QTextTable):
            policy = frame.format().pageBreakPolicy()
            before = pending_break or bool(policy & _BEFORE)
            found += _table(frame, layout, px, height, break_before=before)
            introducing, after_frame, pending_break = False, True, bool(policy & _AFTER)
            continue
        if frame is not None or not block.isValid():
            continue
        if after_frame and not block.text():  # the empty block Qt keeps after each table
            after_frame = False
            continue
        after_frame = False
        policy = block.blockFormat().pageBreakPolicy()
        heading = block.blockFormat().headingLevel() > 0
        introducing = introducing or heading
        lines = _lines(block, layout, keep=introducing, whole=heading)
        if lines and (pending_break or policy & _BEFORE):
            lines[0] = replace(lines[0], break_before=True)
        found += lines
        pending_break = bool(policy & _AFTER)
    return found


def _top_level(document: QTextDocument) -> Iterator[tuple[QTextFrame | None, QTextBlock]]:
    """The root frame's blocks and frames (tables) in order."""
    item = document.rootFrame().begin()
    while not item.atEnd():
        yield item.currentFrame(), item.currentBlock()
        item += 1


def _pixel(document: QTextDocument) -> float:
    """How many layout units make one HTML pixel (as Qt scales `cellpadding` and `border`).

    Qt takes a pixel as 1/96 inch, or as the primary screen's logical pixel where there is one.
    """
    screens = QGuiApplication.screens()
    default_dpi = round(screens[0].logicalDotsPerInchY()) if screens else 100
    return document.documentLayout().paintDevice().logicalDpiY() / default_dpi


def _lines(
    block: QTextBlock, layout: QAbstractTextDocumentLayout, *, keep: bool, whole: bool
) -> list[Piece]:
    """The block as one piece if `whole`, else one per line; each kept with the next if `keep`."""
    rect = layout.blockBoundingRect(block)
    text = block.layout()
    count = text.lineCount()
    if whole or count <= 1:
        return [Piece(rect.top(), rect.bottom(), keep_with_next=keep)]
    edges = [rect.top()]
    edges += [rect.top() + text.lineAt(n).y() for n in range(1, count)]
    edges.append(rect.bottom())
    return [Piece(a, b, keep_with_next=keep) for a, b in pairwise(edges)]


def _table(
    table: QTextTable,
    layout: QAbstractTextDocumentLayout,
    px: float,
    height: float,
    *,
    break_before: bool,
) -> list[Piece]:
    """A piece per row, from border to border (a row taller than a page: one per break)."""
    form = table.format()
    edge = (form.cellPadding() + form.border()) * px
    rows = [_row_extent(table, r, layout) for r in range(table.rows())]
    rows = [(top - edge, bottom + edge, lines) for top, bottom, lines in rows]
    if not rows:
        return []
    heads = min(form.headerRowCount(), len(rows) - 1)
    repeat = Slice(rows[0][0], rows[heads - 1][1]) if heads else None
    found = []
    for r, (top, bottom, lines) in enumerate(rows):
        found.append(
            Piece(
                top,
                bottom,
                keep_with_next=r < heads,
                break_before=break_before and r == 0,
                repeat=repeat if r >= heads else None,
            )
        )
        if bottom - top > height:
            found[-1:] = _split_row(found[-1], lines)
    if found[-1].bottom - found[0].top <= height:  # the whole table fits: keep it together
        found = [replace(p, keep_with_next=True) for p in found[:-1]] + found[-1:]
    return found


def _row_extent(
    table: QTextTable, row: int, layout: QAbstractTextDocumentLayout
) -> tuple[float, float, list[tuple[float, float]]]:
    """The top and bottom of a row's text, and every line in it (top, bottom)."""
    tops, bottoms, lines = [], [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.row() != row or cell.column() != column:  # spanned from another cell
            continue
        block = cell.firstCursorPosition().block()
        last = cell.lastCursorPosition().block()
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            tops.append(rect.top())
            bottoms.append(rect.bottom())
            text = block.layout()
            for n in range(text.lineCount()):
                line = text.lineAt(n)
                lines.append((rect.top() + line.y(), rect.top() + line.y() + line.height()))
            if block == last:
                break
            block = block.next()
    if not tops:
        return 0.0, 0.0, []
    return min(tops), max(bottoms), sorted(lines)


def _split_row(row: Piece, lines: list[tuple[float, float]]) -> list[Piece]:
    """A row as pieces that break only where no cell has a line (used if it overfills a page)."""
    cuts = []
    reach = row.top
    for top, bottom in lines:
        if top >= reach and reach > row.top:
            cuts.append(top)
        reach = max(reach, bottom)
    if not cuts:
        return [row]
    edges = [row.top, *cuts, row.bottom]
    return [
        replace(row, top=a, bottom=b, break_before=row.break_before and n == 0)
        for n, (a, b) in enumerate(pairwise(edges))
    ]
