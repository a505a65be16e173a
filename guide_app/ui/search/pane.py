"""The Search pane: results as you type, with kind, title, breadcrumb and marked snippet."""

from __future__ import annotations

import html
import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.search.query import MAX_QUERY_CHARS, MAX_QUERY_WORDS
from guide_app.guide.search.result import FILTER_LABELS, Found, Result
from guide_app.ui.plain_text import shown_as_typed

if TYPE_CHECKING:
    from guide_app.guide.search.index import SearchIndex

_Index = QModelIndex | QPersistentModelIndex
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
_LINES = 4  # title (one or two lines), kind and area, the rest snippet
SHOWN = 30  # results listed; the count says how many there are in all


class ResultsModel(QAbstractListModel):
    """A list of search results."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[Result] = []

    def set_results(self, results: list[Result]) -> None:
        """Show new results."""
        self.beginResetModel()
        self.results = results
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.results)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        result = self.results[index.row()]
        if role == RESULT_ROLE:
            return result
        if role == Qt.ItemDataRole.DisplayRole:
            return result.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown_as_typed(result.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            trail = f" In {result.breadcrumb}." if result.breadcrumb else ""
            return f"{result.kind_label}: {result.title}.{trail} {result.snippet_text}"
        return None


def wrapped(metrics: QFontMetrics, text: str, width: int, most: int) -> list[str]:
    """`text` in at most `most` lines of `width`, broken between words.

    Only what does not fit in the last line is cut, at the end and between words where it
    can be, with "…": never in the middle.
    """
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        last = f"{lines[-1]} {' '.join(words)}"
        for cut in range(len(lines[-1]), 0, -1):  # the last line, cut between words
            if last[cut] == " " and metrics.horizontalAdvance(last[:cut] + " …") <= width:
                lines[-1] = last[:cut] + " …"
                break
        else:
            lines[-1] = metrics.elidedText(last, Qt.TextElideMode.ElideRight, width)
    return lines or [""]


def _where(result: Result) -> str:
    """The kind and where it is: "Potential solution · Local knowledge", "Your notes · …"."""
    return " · ".join(p for p in (result.kind_label, result.breadcrumb) if p)


class ResultDelegate(QStyledItemDelegate):
    """Draws a result in four lines: the title (one or two), kind and area, then the snippet.

    Titles wrap between words, and only what would not fit is cut, at the end: never in the
    middle. The snippet is clipped between whole lines, so every row reads cleanly at any
    width. Laid-out snippets are kept for a while: typing one more letter mostly shows the
    same results again.
    """

    _KEEP = 256
    _PAD = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple[object, ...], QTextDocument] = OrderedDict()
        self._wrapped: dict[tuple[object, ...], list[str]] = {}  # titles laid out, by width

    def _snippet(
        self, option: QStyleOptionViewItem, result: Result, colour: str, width: int
    ) -> QTextDocument:
        key = (result.target, result.snippet_html, colour, width, option.font.key())
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument()
            document.setDefaultFont(option.font)
            document.setDocumentMargin(0)
            document.setHtml(f'<span style="color:{colour}">{result.snippet_html}</span>')
            document.setTextWidth(width)
            self._documents[key] = document
            if len(self._documents) > self._KEEP:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(key)
        return document

    def _lines(self, font: QFont, text: str, width: int, most: int) -> list[str]:
        """`text` wrapped() in `font`, remembered (a row is painted again at every key)."""
        key = (text, width, most, font.key())
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > self._KEEP:
                self._wrapped.clear()
            self._wrapped[key] = lines = wrapped(QFontMetrics(font), text, width, most)
        return lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        result = index.data(RESULT_ROLE)
        if not isinstance(result, Result):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        widget = cast(QWidget | None, option.widget)  # None when painted outside a view
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = palette.color(role)
        rect: QRect = option.rect.adjusted(self._PAD, self._PAD, -self._PAD, -self._PAD)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        painter.setPen(colour)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        title = self._lines(bold, result.title, rect.width(), _LINES - 2)
        for n, text in enumerate(title):
            painter.drawText(rect.adjusted(0, n * line, 0, 0), Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(option.font)
        where = self._lines(option.font, _where(result), rect.width(), 1)
        top = len(title) * line
        painter.drawText(rect.adjusted(0, top, 0, 0), Qt.AlignmentFlag.AlignLeft, where[0])
        top += line
        snippet = self._snippet(option, result, colour.name(), rect.width())
        painter.translate(rect.left(), rect.top() + top)
        painter.setClipRect(QRect(0, 0, rect.width(), (_LINES - 1 - len(title)) * line))
        snippet.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = option.fontMetrics.lineSpacing() * _LINES + 2 * self._PAD + 4
        return QSize(option.rect.width(), height)


_PROMPT = "Type in the search field above (Ctrl+K)."


def _message(found: Found) -> str:
    """The pane's status: how many results, for what; respelt, listed in part, or cut short."""
    total = found.total
    many = f"{total} result{'s' if total != 1 else ''}"
    if found.respelt:
        message = f"Showing results for “{found.searched}”: {many}."
    elif found.results:
        message = f"{many} for “{found.typed}”"
    else:
        message = f"No results for “{found.typed}”. Try fewer or different words."
    if found.results and len(found.results) < total:
        message += f" The best {len(found.results)} are listed."
    if found.cut == "words":
        message += f" Only the first {MAX_QUERY_WORDS} words are searched."
    elif found.cut:
        message += f" Only the first {MAX_QUERY_CHARS} characters are searched."
    return message


class SearchPane(QWidget):
    """Runs searches as the user types in the toolbar field, and lists the results.

    Signals:
        result_chosen(object): open a Result (its target), remembering what was searched.
        announced(str): a short status ("12 results") for the status bar and screen readers.
    """

    result_chosen = Signal(object)
    announced = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPane")
        self.index: SearchIndex | None = None
        self.text = ""
        self.exact = False  # searching the words as typed: "Search instead for …" was chosen
        self._typed_instead = ""  # what was typed, when a word of it was respelt
        self.last_ms = 0.0
        self.kind = QComboBox()
        self.kind.setObjectName("searchKind")
        self.kind.setAccessibleName("Search in")
        self.kind.addItem("Everything", "")
        for key, label in FILTER_LABELS.items():
            self.kind.addItem(label, key)
        self.model = ResultsModel()
        self.view = QListView()
        self.view.setObjectName("searchResults")
        self.view.setAccessibleName("Search results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ResultDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.count = QLabel("Type in the search field above (Ctrl+K).")
        self.count.setObjectName("searchCount")
        self.count.setWordWrap(True)
        self.count.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
        self.instead = QLabel()  # "Search instead for “anxius”" after a word was respelt
        self.instead.setObjectName("searchInstead")
        self.instead.setWordWrap(True)
        self.instead.setTextFormat(Qt.TextFormat.RichText)  # a link; what was typed is escaped
        self.instead.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.instead.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.instead.hide()
        self.instead.linkActivated.connect(lambda _: self.run(self.text, exact=True))
        row = QHBoxLayout()
        caption = QLabel("&In")
        caption.setBuddy(self.kind)
        row.addWidget(caption)
        row.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(self.instead)
        layout.addWidget(self.view, 1)
        self.kind.currentIndexChanged.connect(lambda _: self.run(self.text))
        self.view.activated.connect(self._activated)

    def run(self, text: str, *, exact: bool = False) -> list[Result]:
        """Search for `text` now and show the results; `exact`: no word is respelt.

        The same text searched again keeps searching it as typed once that was chosen.
        """
        self.exact = exact or (self.exact and text == self.text)
        self.text = text
        self.instead.hide()
        if self.index is None:
            self.count.setText("Preparing search…" if text.strip() else _PROMPT)
            return []
        started = time.perf_counter()
        kind = self.kind.currentData()
        if text.strip():
            found = self.index.find(text, [kind] if kind else [], SHOWN, exact=self.exact)
        else:
            found = Found([], 0, "", "")
        self.model.set_results(found.results)
        self.last_ms = (time.perf_counter() - started) * 1000
        message = _message(found) if text.strip() else _PROMPT
        self.count.setText(message)
        self._typed_instead = found.typed if found.respelt else ""
        if found.respelt:
            self._show_instead()
        if text.strip():
            self.announced.emit(message)
        return found.results

    def _show_instead(self) -> None:
        """Show 'Search instead for “…”', its link in the theme's link colour (clear in Dark)."""
        link = self.palette().color(QPalette.ColorRole.Link).name()
        typed = html.escape(self._typed_instead)
        self.instead.setText(
            f'Search instead for <a href="#exact" style="color:{link}">“{typed}”</a>'
        )
        self.instead.show()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: the link takes its colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._typed_instead:
            self._show_instead()

    def first(self) -> Result | None:
        """The best result shown now."""
        return self.model.results[0] if self.model.results else None

    def focus_results(self) -> None:
        """Move the keyboard into the results, on the first one."""
        if self.model.rowCount():
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        result = index.data(RESULT_ROLE)
        if isinstance(result, Result):
            self.result_chosen.emit(result)
