"""The action plan across every review: filter by owner, review and state; open; export CSV."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from guide_app.common.safe_files import write_export
from guide_app.export.action_plan_csv import action_plan_csv
from guide_app.guide.currency import today
from guide_app.guide.model import Guide
from guide_app.store.action_plan import STATES, PlanRow, matching, owners, plan_rows
from guide_app.store.review_book import ReviewBook
from guide_app.store.review_dates import uk_date
from guide_app.ui.window.navigation import review_location

COLUMNS = ("Action", "Owner", "Due", "State", "Criterion", "Review")
_CSV_FILTER = "CSV for a spreadsheet (*.csv)"


class ActionPlanView(QDialog):
    """Every action of every review, open and soonest due first; overdue ones marked in words.

    Enter or a double-click opens the action's criterion in its review.
    """

    def __init__(
        self,
        book: ReviewBook,
        guide: Guide,
        open_location: Callable[[str], object],
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionPlan")
        self.setWindowTitle("Action plan")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.book, self.guide, self.open_location, self.say = book, guide, open_location, say
        self.today = today()
        self.rows = plan_rows(book.reviews, guide)
        self.shown: list[PlanRow] = []
        self.owner = self._combo("planOwner", "Owner", [("Anyone", "")] + [
            (name, name) for name in owners(self.rows)
        ])  # fmt: skip
        self.review = self._combo("planReview", "Review", [("Every review", "")] + [
            (review.name, review.id) for review in book.reviews
        ])  # fmt: skip
        self.state = self._combo("planState", "State", [(s, s) for s in STATES])
        self.state.setCurrentIndex(STATES.index("Open"))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("planTable")
        self.table.setAccessibleName("Actions")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # owner, due, state
        for column in (0, 4, 5):  # what, criterion, review: the room left, wrapped
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.count = QLabel()
        self.count.setObjectName("planCount")
        export = QPushButton("&Export CSV…")
        export.setObjectName("exportPlan")
        export.clicked.connect(self.ask_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(export, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        filters = QHBoxLayout()
        for label, combo in (
            ("&Owner", self.owner),
            ("Re&view", self.review),
            ("S&tate", self.state),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            filters.addWidget(caption)
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        for combo in (self.owner, self.review, self.state):
            combo.currentIndexChanged.connect(lambda _: self.refill())
        self.refill()
        screen = self.screen().availableGeometry()
        self.resize(min(900, screen.width() - 40), min(520, screen.height() - 60))

    def _combo(self, name: str, what: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(f"Show actions by {what.lower()}")
        for label, data in items:
            combo.addItem(label, data)
        return combo

    def refill(self) -> None:
        """Show the actions the filters let through."""
        self.shown = matching(
            self.rows,
            self.today,
            self.owner.currentData(),
            self.review.currentData(),
            self.state.currentData(),
        )
        self.table.setRowCount(len(self.shown))
        for n, row in enumerate(self.shown):
            state = row.state(self.today)
            cells = (
                row.action.what,
                row.action.owner or "No owner",
                uk_date(row.action.due) if row.action.due else "No date",
                f"⚠ {state}" if state == "Overdue" else state,
                row.criterion if row.in_edition else f"{row.criterion} (not in this edition)",
                row.review.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(n, column, item)
        self.table.resizeRowsToContents()
        overdue = sum(r.overdue(self.today) for r in self.shown)
        self.count.setText(
            f"{len(self.shown)} of {len(self.rows)} actions shown"
            + (f"; {overdue} overdue" if overdue else "")
        )

    def open_row(self, n: int) -> None:
        """Open the criterion of the action in row `n` in its review."""
        if 0 <= n < len(self.shown):
            row = self.shown[n]
            self.accept()
            self.open_location(review_location(row.review.id, row.criterion_id))

    def export_to(self, path: Path) -> None:
        """Write the actions shown as CSV to `path` (raises OSError)."""
        write_export(path, action_plan_csv(self.shown, self.today), self.book.data_dir)
        self.say(f"Exported {len(self.shown)} actions to {path}")

    def ask_export(self) -> None:
        """Ask where, then export the actions shown."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name, _ = QFileDialog.getSaveFileName(
            self, "Export action plan", str(Path(folder) / "action-plan.csv"), _CSV_FILTER
        )
        if not name:
            return
        try:
            self.export_to(Path(name))
        except OSError as error:
            self.count.setText(f"Not exported: could not write {name}: {error.strerror or error}")
