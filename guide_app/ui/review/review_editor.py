"""One review: the checklist (criteria and the criterion panel), its details, and a summary."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from guide_app.export.review_parts import PRIVACY_NOTE
from guide_app.export.review_report import summary_html
from guide_app.guide.model import Guide, Kind
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_dates import uk_date
from guide_app.store.review_summary import not_in_edition
from guide_app.store.reviews import ReviewState, Status
from guide_app.ui.review.criteria_model import STATUS_ROLE, CriteriaModel
from guide_app.ui.review.criteria_tree import CriteriaTree
from guide_app.ui.review.criterion_panel import CriterionPanel
from guide_app.ui.review.flow_layout import FlowLayout
from guide_app.ui.review.open_elsewhere import OpenElsewhereBar
from guide_app.ui.review.review_details import ReviewDetails

__all__ = ["CriteriaTree", "ReviewEditor"]

FILTERS: tuple[tuple[str, Status | None], ...] = (
    ("All criteria", None),
    (Status.NOT_ASSESSED.label, Status.NOT_ASSESSED),
    (Status.NOT_MET.label, Status.NOT_MET),
    (Status.PARTLY_MET.label, Status.PARTLY_MET),
    (Status.MET.label, Status.MET),
    (Status.NOT_APPLICABLE.label, Status.NOT_APPLICABLE),
)
CHECKLIST, SUMMARY, DETAILS = 0, 1, 2  # the tabs, in order


def scrolled(widget: QWidget, name: str) -> QScrollArea:
    """`widget` in a frameless scroll area that fits its width and scrolls down when short."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields inside
    return area


class ReviewEditor(QWidget):
    """Edits one review. Everything typed goes straight into the ReviewBook (saved by its owner).

    Nothing here asks for more height than a small screen has: the criterion panel and the
    details scroll, the checklist wraps its rows, and every control keeps its size hint.

    Signals:
        open_location(str): open a guide page (a solution or example that helps).
        message(str): something to tell the user (shown and announced).
    """

    open_location = Signal(str)
    message = Signal(str)

    def __init__(
        self,
        book: ReviewBook,
        guide: Guide,
        parent: QWidget | None = None,
        undo: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewEditor")
        self.setAccessibleName("Review editor")
        self.book = book
        self.guide = guide
        self.review_id: str | None = None
        self.model = CriteriaModel(book, guide, self)
        self.panel = CriterionPanel(book, guide, undo=undo)
        self.details_view = ReviewDetails(book)
        self.details = self.details_view.fields  # each detail's line, by name
        self.elsewhere = OpenElsewhereBar(book)  # in a shared folder: who else has it open
        self._split_set = False
        self._build()
        self._connect()

    def _build(self) -> None:
        self.privacy = QLabel(f"⚠ {PRIVACY_NOTE}")
        self.privacy.setObjectName("privacyNote")
        self.privacy.setWordWrap(True)
        self.privacy.setAccessibleName(PRIVACY_NOTE)
        self.final_note = QLabel("⚠ This review is final: it is read-only.")
        self.final_note.setObjectName("finalNote")
        self.final_note.setWordWrap(True)
        self.reopen = QPushButton("Reopen for editing")
        self.reopen.setObjectName("reopenReview")
        self.final_bar = QWidget()
        bar = QHBoxLayout(self.final_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.final_note, 1)
        bar.addWidget(self.reopen)
        self.final_bar.hide()
        self.old_criteria = QLabel()
        self.old_criteria.setObjectName("oldCriteriaNote")
        self.old_criteria.setWordWrap(True)
        self.old_criteria.hide()
        self.tree = CriteriaTree(self.model)
        self.filter = QComboBox()
        self.filter.setObjectName("statusFilter")
        self.filter.setAccessibleName("Show criteria with the status")
        for label, status in FILTERS:
            self.filter.addItem(label, status)
        filter_label = QLabel("Sho&w")
        filter_label.setBuddy(self.filter)
        self.filter_count = QLabel()
        self.filter_count.setObjectName("filterCount")
        filter_row = FlowLayout()  # the count goes under the list when narrow
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter)
        filter_row.addWidget(self.filter_count)
        checklist = QWidget()
        column = QVBoxLayout(checklist)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(filter_row)
        column.addWidget(self.tree, 1)
        self.panel_area = scrolled(self.panel, "criterionPanelArea")
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("checklistSplitter")
        self.split.addWidget(checklist)
        self.split.addWidget(self.panel_area)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setChildrenCollapsible(False)
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
        self.changes_only = QCheckBox("Only what c&hanged")
        self.changes_only.setObjectName("changesOnly")
        self.changes_only.setToolTip(
            "List only the criteria whose status changed (here, and in exports and print)"
        )
        compare_row.addWidget(self.changes_only)
        summary_layout.addLayout(compare_row)
        summary_layout.addWidget(self.summary, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setAccessibleName("Checklist, summary and details")
        self.tabs.tabBar().setAccessibleName("Review pages")
        self.tabs.addTab(self.split, "Chec&klist")
        self.tabs.addTab(summary_page, "S&ummary")
        self.tabs.addTab(scrolled(self.details_view, "reviewDetailsArea"), "&Details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.privacy)
        layout.addWidget(self.final_bar)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.old_criteria)
        layout.addWidget(self.tabs, 1)
        chain = [self.reopen, self.tabs.tabBar(), self.filter, self.tree]
        chain += [*self.panel.tab_chain(), *self.details_view.tab_chain()]
        chain += [self.compare, self.changes_only, self.summary]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.status_key.connect(self.set_status)
        self.filter.currentIndexChanged.connect(lambda _: self._filter_chosen())
        self.panel.open_location.connect(self.open_location)
        self.panel.message.connect(self.message)
        self.details_view.message.connect(self.message)
        self.elsewhere.message.connect(self.message)
        self.reopen.clicked.connect(self.reopen_review)
        self.tabs.currentChanged.connect(lambda _: self.refresh_summary())
        self.compare.currentIndexChanged.connect(lambda _: self.refresh_summary())
        self.changes_only.toggled.connect(lambda _: self.refresh_summary())
        self.book.subscribe(self._book_changed)

    def showEvent(self, event: QShowEvent) -> None:
        """At first show, give the criterion panel three fifths of the width."""
        super().showEvent(event)
        if not self._split_set and self.split.width() > 0:
            self._split_set = True
            width = sum(self.split.sizes())
            self.split.setSizes([width * 2 // 5, width - width * 2 // 5])

    # Showing -----------------------------------------------------------------------------

    def set_review(self, review_id: str | None) -> None:
        """Edit another review (keeping the selected criterion), or nothing."""
        self.panel.commit_texts()
        current = self.current_node_id()
        self.review_id = review_id
        self.elsewhere.show_review(review_id)  # read-only here if open on another computer
        self.model.set_review(review_id)
        self.tree.expandAll()
        self.details_view.set_review(review_id)
        self._fill_compare()
        self._show_state()
        self.select_node(current or self._first_criterion())
        self._refilter()
        self.refresh_summary()

    def focus_checklist(self) -> None:
        """Show the checklist and put the keyboard in it (as after starting a review)."""
        self.tabs.setCurrentIndex(CHECKLIST)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _first_criterion(self) -> str | None:
        first = self.model.index(0, 0, self.model.index(0, 0))
        return self.model.node(first).id if first.isValid() else None  # type: ignore[union-attr]

    def current_node_id(self) -> str | None:
        """The principle or criterion selected in the checklist."""
        node = self.model.node(self.tree.currentIndex())
        return node.id if node is not None else None

    def select_node(self, node_id: str | None) -> None:
        """Select a principle or criterion by id (shown even when the filter would hide it)."""
        index = self.model.index_of(node_id) if node_id else QModelIndex()
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self._refilter()
            self.tree.scrollTo(index)
        self._current_changed(self.tree.currentIndex())

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.panel.show_node(self.review_id, self.model.node(index))
        if _previous is not None and self.tree.shown_status is not None:
            self._refilter()  # the criterion left behind may no longer match

    def _show_state(self) -> None:
        review = self.book.lookup(self.review_id)
        self.final_bar.setVisible(review is not None and review.final)
        self.reopen.setEnabled(review is not None and not self.book.read_only(review.id))
        old = not_in_edition(review, self.guide) if review is not None else []
        self.old_criteria.setText(
            f"ℹ {len(old)} assessed {'criterion is' if len(old) == 1 else 'criteria are'} not "
            "in this edition of the guide. "
            "What was recorded is kept, read-only, at the end of the Summary and in exports."
        )
        self.old_criteria.setVisible(bool(old))

    def _fill_compare(self) -> None:
        with QSignalBlocker(self.compare):
            self.compare.clear()
            self.compare.addItem("Nothing (no comparison)", "")
            for other in self.book.reviews:
                if other.id != self.review_id:
                    when = uk_date(other.date)
                    label = f"{other.name} ({when})" if other.date else other.name
                    self.compare.addItem(label, other.id)
            current = self.book.lookup(self.review_id)
            if current is not None:
                earlier = current.started_from
                found = self.compare.findData(earlier) if earlier else -1
                self.compare.setCurrentIndex(max(found, 0))

    def comparison(self) -> tuple[str | None, bool]:
        """The review the summary compares with (id or None) and whether only changes are listed.

        Exports and print use the same, so the paper says what the screen said.
        """
        earlier = self.compare.currentData() or None
        self.changes_only.setEnabled(earlier is not None)
        return earlier, earlier is not None and self.changes_only.isChecked()

    def refresh_summary(self) -> None:
        """Redraw the summary tab (only while it is shown)."""
        review = self.book.lookup(self.review_id)
        earlier_id, changes_only = self.comparison()
        if self.tabs.currentIndex() != SUMMARY or review is None:
            return
        earlier = self.book.lookup(earlier_id)
        self.summary.setHtml(
            summary_html(review, self.guide, compared_with=earlier, changes_only=changes_only)
        )

    def _book_changed(self, what: str, review_id: str) -> None:
        if what in ("added", "removed", "details", "reloaded"):
            self._fill_compare()
        if review_id == self.review_id and review_id in self.book:
            if what in ("details", "reloaded"):
                self.elsewhere.refresh()
                self.details_view.fill()
                self._show_state()
            if what in ("assessment", "reloaded"):
                self._refilter()
            self.refresh_summary()

    # Filtering ---------------------------------------------------------------------------

    def _filter_chosen(self) -> None:
        chosen = self.filter.currentData()  # a Status comes back from Qt as its str value
        status = Status(chosen) if chosen else None
        current = self.tree.currentIndex().siblingAtColumn(0)
        self.tree.shown_status = status
        matches = status is None or current.data(STATUS_ROLE) == status
        if not matches:  # move to the first criterion shown, so the panel matches the list
            self.tree.setCurrentIndex(QModelIndex())
            self.tree.refilter()
            first = self.tree.first_shown()
            if first.isValid():
                self.tree.setCurrentIndex(first)
        self._refilter()
        self.message.emit(self.filter_count.text())

    def _refilter(self) -> None:
        shown = self.tree.refilter()
        total = sum(
            self.model.rowCount(self.model.index(row, 0)) for row in range(self.model.rowCount())
        )
        status = self.tree.shown_status
        if status is None:
            self.filter_count.setText(f"All {total} criteria shown")
        elif shown == 0:
            self.filter_count.setText(f"No criterion is “{status.label}”")
        else:
            self.filter_count.setText(f"{shown} of {total} criteria shown")

    # Editing -----------------------------------------------------------------------------

    def set_status(self, status: Status) -> None:
        """Set the status of the selected criterion (as the keys 0 to 4 do)."""
        node = self.model.node(self.tree.currentIndex())
        if node is not None and node.kind is Kind.CRITERION:
            self.panel.set_status(status)

    def reopen_review(self) -> None:
        """Make a final review a draft again, so it can be changed."""
        self.details_view.set_state(ReviewState.DRAFT)
        self.tree.setFocus()
