"""The reader pane: shows one composed page, keeps lines readable, and routes link clicks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QUrl, Signal
from PySide6.QtGui import QFont, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextBrowser, QTextEdit, QWidget

from guide_app.guide.page import Page
from guide_app.ui.reading.page_render import page_html, page_stylesheet
from guide_app.ui.startup import set_enum_property

if TYPE_CHECKING:  # only in annotations
    from PySide6.QtGui import QResizeEvent, QShowEvent

_READABLE_CHARS = 80  # longest comfortable line, in average characters
_SIDE_MARGIN = 16
_READING_SCALE = 1.2  # body text a little larger than the interface's


def _in_address(cursor: QTextCursor) -> bool:
    """Whether the text `cursor` selects is part of a web or e-mail address."""
    from guide_app.guide.search.marks import ADDRESS  # loaded with the search

    block = cursor.block()
    text = block.text()
    start = cursor.selectionStart() - block.position()
    return any(m.start() <= start < m.end() for m in ADDRESS.finditer(text))


class _InertDocument(QTextDocument):
    """A page's document: it loads nothing a page names, from disk or anywhere else."""

    def loadResource(self, type_: int, name: QUrl | str, /) -> Any:
        """Return an empty value: given none, QTextDocument would read a local file itself."""
        return QByteArray()


class Reader(QTextBrowser):
    """Read-only page view. It never fetches anything: links are handed to the window.

    Signals:
        open_location(str): a guide:<id> link was clicked.
        external_link(QUrl): an http(s) or mailto link was clicked; open it outside the app.
        blocked_link(str): a link of another kind was clicked and ignored.
    """

    open_location = Signal(str)
    external_link = Signal(QUrl)
    blocked_link = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(_InertDocument(self))
        self.setUndoRedoEnabled(False)  # as QTextBrowser's own document is
        self.setObjectName("reader")
        self.setAccessibleName("Page")
        self.setAccessibleDescription("The page you are reading. Links open other pages.")
        self._scale_font()
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Always there, so a page is laid out once: lines never reflow when a bar appears.
        set_enum_property(self, "verticalScrollBarPolicy", "ScrollBarAlwaysOn")
        self.anchorClicked.connect(self._link_clicked)
        self._page: Page | None = None
        self._pending = False
        self._apply_palette()

    @property
    def page(self) -> Page | None:
        """The page shown now."""
        return self._page

    def show_page(self, page: Page) -> None:
        """Render `page` and scroll to its anchor, or to the top (clearing any highlight).

        Before the reader is first shown, the page waits: laid out then, at the reader's
        real width, it is laid out once instead of once per size the window passes through.
        """
        self._page = page
        self.setExtraSelections([])
        self._pending = not self.isVisible()
        if self._pending:
            return
        batch = QTextCursor(self.document())
        batch.beginEditBlock()  # the page and its margins laid out once, not twice
        self.setHtml(page_html(page))
        self._fit_width()
        batch.endEditBlock()
        if page.anchor:
            self.scrollToAnchor(page.anchor)
        else:
            self.verticalScrollBar().setValue(0)

    def highlight(self, marks: list[str]) -> int:
        """Mark the words a search found (SearchIndex.highlight's marks); return how many.

        Whole words only, and none in a link: a word inside a web address stays as it is.
        """
        selections = []
        if marks:
            from PySide6.QtCore import QRegularExpression  # found words: not needed to start
            from PySide6.QtGui import QTextCharFormat

            from guide_app.guide.search.marks import marks_regex

            options = QRegularExpression.PatternOption
            pattern = QRegularExpression(
                marks_regex(tuple(marks)),
                options.CaseInsensitiveOption | options.UseUnicodePropertiesOption,
            )
            marked = QTextCharFormat()
            marked.setBackground(self.palette().color(QPalette.ColorRole.Highlight))
            marked.setForeground(self.palette().color(QPalette.ColorRole.HighlightedText))
            cursor = self.document().find(pattern)
            while not cursor.isNull():
                if not cursor.charFormat().isAnchor() and not _in_address(cursor):
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = marked
                    selections.append(selection)
                cursor = self.document().find(pattern, cursor)
        self.setExtraSelections(selections)
        if selections:
            first = QTextCursor(selections[0].cursor)
            first.clearSelection()
            self.setTextCursor(first)
            self.ensureCursorVisible()
        return len(selections)

    def _link_clicked(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == "guide":
            self.open_location.emit(url.path())
        elif scheme in ("http", "https", "mailto"):
            self.external_link.emit(url)
        elif not scheme and url.hasFragment() and not url.path():
            self.scrollToAnchor(url.fragment())
        else:
            self.blocked_link.emit(url.toString())

    def loadResource(self, type_: int, name: QUrl | str, /) -> Any:
        """Load nothing: pages are self-contained and nothing is fetched from disk or network."""
        return None

    def _apply_palette(self) -> None:
        self.document().setDefaultStyleSheet(page_stylesheet(self.palette()))
        if self._page is not None:
            self.show_page(self._page)

    def rescale(self) -> None:
        """Follow the interface's zoom (the reader reads a little larger than the interface)."""
        self._scale_font()
        self._fit_width()

    def _scale_font(self) -> None:
        """Read a little larger than the interface, and follow its zoom."""
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * _READING_SCALE)
        if font != self.font():  # setting the same font would lay the page out again
            self.setFont(font)

    def changeEvent(self, event: QEvent) -> None:
        """Restyle the page when the palette (light, dark) or the zoom changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        elif event.type() == QEvent.Type.ApplicationFontChange:
            self._scale_font()
            self._fit_width()

    def showEvent(self, event: QShowEvent) -> None:
        """Render the page that was waiting for the reader to be shown."""
        super().showEvent(event)
        if self._pending and self._page is not None:
            self.show_page(self._page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep lines to a readable length by widening the side margins on wide windows."""
        super().resizeEvent(event)
        self._fit_width()

    def _fit_width(self) -> None:
        if not self.isVisible():
            return  # the size is not known yet; showing the reader fits it
        readable = self.fontMetrics().averageCharWidth() * _READABLE_CHARS
        # The viewport's width, less the scroll bar (always on). Not viewport().width():
        # Qt's viewport is of a class Python has not met, and finding its type makes
        # PySide6 set up some 40 widget classes (~20 ms at start-up).
        spare = self.maximumViewportSize().width() - readable
        side = max(_SIDE_MARGIN, spare // 2)
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        if fmt.leftMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(_SIDE_MARGIN)
            fmt.setBottomMargin(_SIDE_MARGIN * 2)
            frame.setFrameFormat(fmt)
