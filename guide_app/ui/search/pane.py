"""The Search pane: results as you type, with kind, title, breadcrumb and marked snippet."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractListModel,
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

from guide_app.guide.search.query import MAX_QUERY_CHARS, MAX_QUERY_WORDS, shorten
from guide_app.guide.search.result import FILTER_LABELS, Result
from guide_app.ui.plain_text import shown_as_typed

if TYPE_CHECKING:
    from guide_app.guide.search.index import SearchIndex

_Index = QModelIndex | QPersistentModelIndex
RESULT_ROLE = Qt.ItemDataRole.UserRole + 1
_LINES = 4  # title, breadcrumb, two lines of snippet


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


class ResultDelegate(QStyledItemDelegate):
    """Draws a result in four lines: title, kind and breadcrumb, two lines of snippet.

    Title and breadcrumb are elided to one line each, and the snippet is clipped between whole
    lines, so every row reads cleanly at any width. Laid-out snippets are kept for a while:
    typing one more letter mostly shows the same results again.
    """

    _KEEP = 256
    _PAD = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple[object, ...], QTextDocument] = OrderedDict()

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
        title = QFontMetrics(bold).elidedText(
            result.title, Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, title)
        painter.setFont(option.font)
        where = " · ".join(p for p in (result.kind_label, result.breadcrumb) if p)
        where = option.fontMetrics.elidedText(where, Qt.TextElideMode.ElideMiddle, rect.width())
        painter.drawText(rect.adjusted(0, line, 0, 0), Qt.AlignmentFlag.AlignLeft, where)
        snippet = self._snippet(option, result, colour.name(), rect.width())
        painter.translate(rect.left(), rect.top() + 2 * line)
        painter.setClipRect(QRect(0, 0, rect.width(), 2 * line))
        snippet.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        height = option.fontMetrics.lineSpacing() * _LINES + 2 * self._PAD + 4
        return QSize(option.rect.width(), height)


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
        row = QHBoxLayout()
        caption = QLabel("&In")
        caption.setBuddy(self.kind)
        row.addWidget(caption)
        row.addWidget(self.kind, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        self.kind.currentIndexChanged.connect(lambda _: self.run(self.text))
        self.view.activated.connect(self._activated)

    def run(self, text: str) -> list[Result]:
        """Search for `text` now and show the results."""
        self.text = text
        if self.index is None:
            self.count.setText("The search index is being prepared…")
            return []
        started = time.perf_counter()
        kind = self.kind.currentData()
        results = self.index.search(text, [kind] if kind else []) if text.strip() else []
        self.model.set_results(results)
        self.last_ms = (time.perf_counter() - started) * 1000
        searched, cut = shorten(text)  # what the index searched: a pasted page is cut short
        searched = searched.strip()
        if not text.strip():
            message = "Type in the search field above (Ctrl+K)."
        elif results:
            message = f"{len(results)} result{'s' if len(results) != 1 else ''} for “{searched}”"
        else:
            message = f"No results for “{searched}”. Try fewer or different words."
        if cut == "words":
            message += f" Only the first {MAX_QUERY_WORDS} words are searched."
        elif cut:
            message += f" Only the first {MAX_QUERY_CHARS} characters are searched."
        self.count.setText(message)
        if text.strip():
            self.announced.emit(message)
        return results

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
