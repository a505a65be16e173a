"""A criterion's sample (how many, chosen how) and the risk of not improving, in its panel."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QIntValidator, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from guide_app.export.review_parts import RISK_COLOURS, RISK_HEADING
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import MAX_SAMPLE, Assessment, ReviewError, Risk
from guide_app.ui.review.flow_layout import FlowLayout
from guide_app.ui.text_limit import LimitedLine

_SAVE_MS = 400


@cache
def risk_icon(risk: Risk, side: int = 16) -> QIcon:
    """A filled disc in the risk's colour (an empty ring when not rated)."""
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(RISK_COLOURS.get(risk, "#757575"))
    painter.setPen(colour)
    if risk is not Risk.NONE:
        painter.setBrush(colour)
    painter.drawEllipse(2, 2, side - 4, side - 4)
    painter.end()
    return QIcon(pixmap)


class SampleAndRisk(QWidget):
    """The sample a criterion was judged on, and the risk of not improving on it.

    Every change goes straight into the ReviewBook; the sample's description after a pause
    (or `commit()`), like the panel's notes.

    Signals:
        message(str): something to tell the user (a change refused).
    """

    message = Signal(str)

    def __init__(self, book: ReviewBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleAndRisk")
        self.book = book
        self.review_id: str | None = None
        self.criterion_id: str | None = None
        self._typed = self._size_typed = False  # typed in, not yet stored
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.commit)
        self.sample_size = QLineEdit()  # a plain field: a spin box's arrows crowd it at 200 %
        self.sample_size.setObjectName("sampleSize")
        self.sample_size.setValidator(QIntValidator(0, MAX_SAMPLE, self.sample_size))
        self.sample_size.setPlaceholderText("Not recorded")
        self.sample_size.setAccessibleName("Sample size: how many records, people or cases")
        self._fit_size_field()
        self.how = QLineEdit()
        self.how.setObjectName("sampleHow")
        self.how.setPlaceholderText("How they were chosen, e.g. the last 10 referrals")
        self.how.setAccessibleName("How the sample was chosen")
        self.how_limit = LimitedLine(self.how, "How the sample was chosen")
        self.how_limit.refused.connect(self.message)
        self.risk_group = QButtonGroup(self)
        self.risk_buttons: dict[Risk, QRadioButton] = {}
        risks = QWidget()
        risks.setObjectName("riskButtons")
        flow = FlowLayout(risks)
        for risk in (Risk.LOW, Risk.MEDIUM, Risk.HIGH, Risk.NONE):
            button = QRadioButton(risk.label)
            button.setObjectName(f"risk-{risk.value or 'none'}")
            button.setAccessibleName(f"{RISK_HEADING}: {risk.label}")
            button.setIcon(risk_icon(risk))
            self.risk_group.addButton(button)
            self.risk_buttons[risk] = button
            flow.addWidget(button)
            button.toggled.connect(partial(self._risk_toggled, risk))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        size_label, how_label = QLabel("Sa&mple size"), QLabel("C&hosen how")
        size_label.setBuddy(self.sample_size)
        how_label.setBuddy(self.how)
        risk_label = QLabel(RISK_HEADING)
        risk_label.setWordWrap(True)
        grid.addWidget(size_label, 0, 0)
        grid.addWidget(self.sample_size, 0, 1, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(how_label, 1, 0)
        grid.addWidget(self.how, 1, 1)
        grid.addWidget(self.how_limit.message, 2, 1)
        grid.addWidget(risk_label, 3, 0)
        grid.addWidget(risks, 3, 1)
        grid.setColumnStretch(1, 1)
        self.sample_size.textEdited.connect(self._size_typed_in)
        self.sample_size.editingFinished.connect(self.commit)
        self.how.textEdited.connect(self._how_typed)
        self.how.editingFinished.connect(self.commit)

    def _fit_size_field(self) -> None:
        """Wide enough for "Not recorded" in the font of the moment (it follows the zoom)."""
        room = self.sample_size.fontMetrics().horizontalAdvance("Not recorded") * 1.4
        self.sample_size.setMaximumWidth(round(room))

    def changeEvent(self, event: QEvent) -> None:
        """Follow the window's zoom."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_size_field()

    def tab_chain(self) -> list[QWidget]:
        """Size, how chosen, then the risks: Tab stops on the one chosen, arrows move among them."""
        return [self.sample_size, self.how, *self.risk_buttons.values()]

    def show_assessment(
        self, review_id: str, criterion_id: str, found: Assessment, read_only: bool
    ) -> None:
        """Show what `found` records for the criterion, editable unless `read_only`."""
        if (review_id, criterion_id) != (self.review_id, self.criterion_id):
            self.commit()
        self.review_id, self.criterion_id = review_id, criterion_id
        if not self._size_typed:
            with QSignalBlocker(self.sample_size):
                self.sample_size.setText(str(found.sample_size) if found.sample_size else "")
        if not self._typed:
            self.how_limit.fill(found.sample_how, read_only=read_only)
        self.sample_size.setReadOnly(read_only)
        self.how.setReadOnly(read_only or self.how_limit.too_long)
        for risk, button in self.risk_buttons.items():
            with QSignalBlocker(button):
                button.setChecked(risk is found.risk)
            button.setEnabled(not read_only)
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if risk is found.risk else Qt.FocusPolicy.ClickFocus
            )

    def commit(self) -> None:
        """Store the sample's size and description as typed (only what was typed in)."""
        self._timer.stop()
        if self._size_typed:
            self._size_typed = False
            size = int(self.sample_size.text() or 0)
            self._edit(lambda r, c: self.book.set_sample_size(r, c, size))
        if self._typed:
            self._typed = False
            text = self.how.text()
            self._edit(lambda r, c: self.book.set_text(r, c, "sample_how", text))

    def _how_typed(self, _text: str) -> None:
        self._typed = True
        self._timer.start(_SAVE_MS)

    def _size_typed_in(self, _text: str) -> None:
        self._size_typed = True
        self._timer.start(_SAVE_MS)

    def _risk_toggled(self, risk: Risk, on: bool) -> None:
        if on and self._edit(lambda r, c: self.book.set_risk(r, c, risk)):
            self.message.emit(f"{RISK_HEADING}: {risk.label}.")

    def _edit(self, change: Callable[[str, str], None]) -> bool:
        if self.review_id is None or self.criterion_id is None:
            return False
        if self.review_id not in self.book or self.book.lookup(self.review_id) is None:
            return False
        try:
            change(self.review_id, self.criterion_id)
        except ReviewError as error:
            self.message.emit(str(error))
            return False
        return True
