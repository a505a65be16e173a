"""A date typed as 31/01/2027 (or 2027-01-31) or picked from a calendar; its error beside it."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from guide_app.store.review_dates import DateError, iso_date, uk_date
from guide_app.ui.icons import themed_icon

PLACEHOLDER = "DD/MM/YYYY"


class DateField(QWidget):
    """A line to type a date in and a calendar button; a wrong date stays, with a message under it.

    Day first as written in the UK (31/01/2027, 3/12/2026) or year first (2027-01-31) is
    understood, and shown back as DD/MM/YYYY. Text that is not a date is never replaced: it
    stays for the user to correct, and `error` (just under it) says why. Alt+Down or F4 opens
    the calendar, as in a drop-down list.

    Signals:
        committed(str): a date was typed or picked (YYYY-MM-DD; "" when the line is cleared).
        refused(str): what was typed is not a date (the message beside the field, to announce).
    """

    committed = Signal(str)
    refused = Signal(str)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self._stored = ""  # the date last filled in or committed, YYYY-MM-DD or ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(PLACEHOLDER)
        self.edit.setAccessibleName(what)
        self.edit.setAccessibleDescription(
            "Day, month and year, for example 31/01/2027. Alt+Down opens a calendar."
        )
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)
        self.pick = QToolButton()
        self.pick.setObjectName("datePicker")
        self.pick.setAccessibleName(f"Choose the {what[:1].lower() + what[1:]} from a calendar")
        self.pick.setToolTip("Choose from a calendar (Alt+Down)")
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down in the line opens it
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setMenu(QMenu(self.pick))
        self.pick.menu().aboutToShow.connect(self._calendar_shown)
        self._calendar: QCalendarWidget | None = None
        self.error = QLabel()
        self.error.setObjectName("dateError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(2)
        line.addWidget(self.edit, 1)
        line.addWidget(self.pick)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(line)
        column.addWidget(self.error)
        self.edit.editingFinished.connect(self.commit)
        self.retint()

    # Showing -----------------------------------------------------------------------------

    def set_date(self, stored: str) -> None:
        """Show a stored date (YYYY-MM-DD or ""), unless wrong text typed over it still waits."""
        if self.has_error and stored == self._stored:
            return  # what the user typed is kept until it is corrected
        self._stored = stored
        self.edit.setText(uk_date(stored))
        self._clear_error()

    def reset(self, text: str = "") -> None:
        """Forget the date and any error, and show `text` (a draft typed before, or nothing)."""
        self._stored = ""
        self.edit.setText(text)
        self._clear_error()

    def set_placeholder(self, text: str) -> None:
        """Show `text` in the empty line (wide enough to be read whole)."""
        self.edit.setPlaceholderText(text)
        self.retint()

    def set_read_only(self, read_only: bool) -> None:
        """Let the date be typed and picked, or only read."""
        self.edit.setReadOnly(read_only)
        self.pick.setEnabled(not read_only)

    def retint(self) -> None:
        """Draw the calendar button in the palette's colours at the font's size."""
        self.pick.setIcon(themed_icon("calendar", QApplication.palette()))
        metrics = self.edit.fontMetrics()
        self.pick.setIconSize(QSize(metrics.height(), metrics.height()))
        self.edit.setMinimumWidth(metrics.horizontalAdvance(self.edit.placeholderText()) + 16)

    def changeEvent(self, event: QEvent) -> None:
        """Follow the zoom and the theme."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.retint()

    @property
    def has_error(self) -> bool:
        """Whether the text shown is not a date (and was not stored)."""
        return not self.error.isHidden()

    def text(self) -> str:
        """The text as typed."""
        return self.edit.text()

    def date(self) -> str | None:
        """The date typed, as YYYY-MM-DD ("" when blank), or None if the text is not a date."""
        try:
            return iso_date(self.edit.text())
        except DateError:
            return None

    # Typing and picking --------------------------------------------------------------------

    def commit(self) -> bool:
        """Check what was typed: store it (as YYYY-MM-DD) or say beside the field why not."""
        if self.edit.isReadOnly():
            return True
        try:
            stored = iso_date(self.edit.text())
        except DateError as error:
            self.show_error(f"{self.what} not saved: {error}.")
            return False
        self._clear_error()
        if self.edit.text() != uk_date(stored):
            self.edit.setText(uk_date(stored))  # shows how it was read: 3/12/2026 -> 03/12/2026
        if stored != self._stored:
            self._stored = stored
            self.committed.emit(stored)
        return True

    def show_error(self, message: str) -> None:
        """Say under the field why its text was not taken (also for screen readers)."""
        self.error.setText(f"⚠ {message}")
        self.error.show()
        self.edit.setAccessibleDescription(message)
        self.refused.emit(message)

    def _clear_error(self) -> None:
        self.error.hide()
        self.edit.setAccessibleDescription(
            "Day, month and year, for example 31/01/2027. Alt+Down opens a calendar."
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt+Down or F4 in the line opens the calendar."""
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and bool(
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if (alt_down or event.key() == Qt.Key.Key_F4) and self.pick.isEnabled():
                self.pick.showMenu()
                return True
        return super().eventFilter(watched, event)

    def _calendar_shown(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.setObjectName("dateCalendar")
            self._calendar.setAccessibleName(f"Calendar: {self.what}")
            self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self._calendar.setGridVisible(True)
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
            action = QWidgetAction(self.pick.menu())
            action.setDefaultWidget(self._calendar)
            self.pick.menu().addAction(action)
        shown = self.date() or self._stored
        day = QDate.fromString(shown, "yyyy-MM-dd") if shown else QDate.currentDate()
        self._calendar.setSelectedDate(day if day.isValid() else QDate.currentDate())
        self._calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.pick.menu().close()
        self.edit.setText(day.toString("dd/MM/yyyy"))
        self.commit()
        self.edit.setFocus()
