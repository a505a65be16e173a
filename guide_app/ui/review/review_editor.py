"""One review: its details, the checklist (principles, criteria, the criterion panel), a summary."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from guide_app.export.review_report import summary_html
from guide_app.guide.model import Guide, Kind
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import ReviewError, Status
from guide_app.ui.review.criteria_model import CriteriaModel
from guide_app.ui.review.criterion_panel import CriterionPanel
from guide_app.ui.review.privacy import PRIVACY_NOTE


class CriteriaTree(QTreeView):
    """The checklist tree; keys 1–4 and 0 set the status of the selected criterion.

    Signals:
        status_key(Status): a status key was pressed on a criterion.
    """

    status_key = Signal(Status)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 0 to 4 set the status; everything else moves as usual."""
        status = Status.from_key(event.text())
        if status is not None and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.status_key.emit(status)
            event.accept()
            return
        super().keyPressEvent(event)


class ReviewEditor(QWidget):
    """Edits one review. Everything typed goes straight into the ReviewBook (saved by its owner).

    Signals:
        open_node(str): open a guide page (a solution or example that helps).
        message(str): something to tell the user.
    """

    open_node = Signal(str)
    message = Signal(str)

    def __init__(self, book: ReviewBook, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewEditor")
        self.setAccessibleName("Review editor")
        self.book = book
        self.guide = guide
        self.review_id: str | None = None
        self.model = CriteriaModel(book, guide, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        self.details: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, hint in (
            ("name", "Review na&me", "e.g. Spring 2027 review"),
            ("service", "&Service", "e.g. Community MSK physiotherapy"),
            ("date", "Da&te", "YYYY-MM-DD"),
            ("people", "Peop&le present", "Roles or initials, e.g. physio lead, GP, peer worker"),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"review{key.capitalize()}")
            edit.setPlaceholderText(hint)
            edit.setAccessibleName(label.replace("&", ""))
            caption = QLabel(label)
            caption.setBuddy(edit)
            form.addRow(caption, edit)
            self.details[key] = edit
        self.privacy = QLabel(f"⚠ {PRIVACY_NOTE}")
        self.privacy.setObjectName("privacyNote")
        self.privacy.setWordWrap(True)
        self.privacy.setAccessibleName(PRIVACY_NOTE)
        self.tree = CriteriaTree()
        self.tree.setObjectName("criteriaTree")
        self.tree.setAccessibleName("Principles and criteria")
        self.tree.setAccessibleDescription(
            "Arrow keys move between criteria; 1 not met, 2 partly "
            "met, 3 met, 4 not applicable, 0 not assessed; Tab "
            "moves to the notes."
        )
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.expandAll()
        self.panel = CriterionPanel(self.book, self.guide)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.tree)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 4)
        split.setChildrenCollapsible(False)
        self.compare = QComboBox()
        self.compare.setObjectName("compareWith")
        self.compare.setAccessibleName("Compare with an earlier review")
        self.summary = QTextBrowser()
        self.summary.setObjectName("reviewSummary")
        self.summary.setAccessibleName("Review summary")
        self.summary.setOpenLinks(False)
        summary_page = QWidget()
        summary_layout = QVBoxLayout(summary_page)
        compare_row = QHBoxLayout()
        compare_label = QLabel("Compare &with")
        compare_label.setBuddy(self.compare)
        compare_row.addWidget(compare_label)
        compare_row.addWidget(self.compare, 1)
        summary_layout.addLayout(compare_row)
        summary_layout.addWidget(self.summary, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setAccessibleName("Checklist and summary")
        self.tabs.tabBar().setAccessibleName("Checklist or summary")  # a focusable tab bar
        self.tabs.addTab(split, "Chec&klist")
        self.tabs.addTab(summary_page, "S&ummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.privacy)
        layout.addWidget(self.tabs, 1)
        self.setTabOrder(self.details["people"], self.tree)
        self.setTabOrder(self.tree, self.panel.notes)

    def _connect(self) -> None:
        for key, edit in self.details.items():
            edit.editingFinished.connect(lambda k=key: self._commit_detail(k))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.status_key.connect(self.set_status)
        self.panel.open_node.connect(self.open_node)
        self.panel.message.connect(self.message)
        self.tabs.currentChanged.connect(lambda _: self.refresh_summary())
        self.compare.currentIndexChanged.connect(lambda _: self.refresh_summary())
        self.book.subscribe(self._book_changed)

    # Showing -----------------------------------------------------------------------------

    def set_review(self, review_id: str | None) -> None:
        """Edit another review (keeping the selected criterion), or nothing."""
        self.panel.commit_texts()
        current = self.current_node_id()
        self.review_id = review_id
        self.model.set_review(review_id)
        self.tree.expandAll()
        self._fill_details()
        self._fill_compare()
        self.select_node(current or self._first_criterion())
        self.refresh_summary()

    def _first_criterion(self) -> str | None:
        first = self.model.index(0, 0, self.model.index(0, 0))
        return self.model.node(first).id if first.isValid() else None  # type: ignore[union-attr]

    def current_node_id(self) -> str | None:
        """The principle or criterion selected in the checklist."""
        node = self.model.node(self.tree.currentIndex())
        return node.id if node is not None else None

    def select_node(self, node_id: str | None) -> None:
        """Select a principle or criterion by id."""
        index = self.model.index_of(node_id) if node_id else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._current_changed(self.tree.currentIndex())

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.panel.show_node(self.review_id, self.model.node(index))

    def _fill_details(self) -> None:
        review = self.book.lookup(self.review_id)
        read_only = review is not None and self.book.read_only(review.id)
        for key, edit in self.details.items():
            with QSignalBlocker(edit):
                edit.setText(getattr(review, key) if review else "")
            edit.setReadOnly(read_only or review is None)

    def _fill_compare(self) -> None:
        with QSignalBlocker(self.compare):
            self.compare.clear()
            self.compare.addItem("Nothing (no comparison)", "")
            for other in self.book.reviews:
                if other.id != self.review_id:
                    label = f"{other.name} ({other.date})" if other.date else other.name
                    self.compare.addItem(label, other.id)
            current = self.book.lookup(self.review_id)
            if current is not None:
                earlier = current.started_from
                found = self.compare.findData(earlier) if earlier else -1
                self.compare.setCurrentIndex(max(found, 0))

    def refresh_summary(self) -> None:
        """Redraw the summary tab (only while it is shown)."""
        review = self.book.lookup(self.review_id)
        if self.tabs.currentIndex() != 1 or review is None:
            return
        earlier = self.book.lookup(self.compare.currentData() or None)
        self.summary.setHtml(summary_html(review, self.guide, compared_with=earlier))

    def _book_changed(self, review_id: str, what: str) -> None:
        if what in ("added", "removed", "details"):
            self._fill_compare()
        if review_id == self.review_id and review_id in self.book:
            if what == "details":
                self._fill_details()
            self.refresh_summary()

    # Editing -----------------------------------------------------------------------------

    def _commit_detail(self, key: str) -> None:
        review = self.book.lookup(self.review_id)
        if review is None or self.book.read_only(review.id):
            return
        text = self.details[key].text()
        try:
            self.book.update_details(review.id, **{key: text})
        except ReviewError as error:
            self.message.emit(f"Not changed: {error}")
            self._fill_details()

    def set_status(self, status: Status) -> None:
        """Set the status of the selected criterion (as the keys 0 to 4 do)."""
        node = self.model.node(self.tree.currentIndex())
        if node is not None and node.kind is Kind.CRITERION:
            self.panel.set_status(status)
