"""Save soon after a change, retry after a failure, and flush on quit: one per saved document."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from guide_app.store.saving import Saveable
from guide_app.ui.plain_text import shown_as_typed

log = logging.getLogger(__name__)

DEBOUNCE_MS = 800


class AutoSaver(QObject):
    """Saves a registered document a moment after the last change, and retries while it fails.

    The saving itself, and what a failure keeps, is the store's (`store.saving.Saveable`);
    this adds the timers and the signals.

    Signals:
        saved(): a save succeeded.
        failed(str): a save failed; the text says what and why, for the user.
    """

    saved = Signal()
    failed = Signal(str)

    def __init__(self, entry: Saveable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entry = entry  # registered with the user data's one save coordinator
        self.what = entry.what
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet on disk."""
        return self.entry.dirty

    @property
    def last_error(self) -> str:
        """Why the last save failed, in words for the user ("" after a success)."""
        return self.entry.last_error

    def changed(self) -> None:
        """Note a change; save after a short pause (unless a retry is already waiting)."""
        self.entry.dirty = True
        if self.entry.failures == 0:
            self._timer.start(DEBOUNCE_MS)

    def flush(self) -> bool:
        """Save now if anything changed; return True when everything is on disk."""
        self._timer.stop()
        was_dirty = self.entry.dirty
        if self.entry.flush():
            if was_dirty:
                self.saved.emit()
            return True
        delay = self.entry.retry_after
        log.warning("retrying to save %s in %d s", self.what, delay)
        self._timer.start(delay * 1000)
        self.failed.emit(
            f"Your {self.what} could not be saved ({self.entry.last_error}). "
            f"They are kept and will be saved again in {delay} seconds."
        )
        return False


def flush_or_ask(
    parent: QWidget, saver: AutoSaver, where: str, save_copy: Callable[[], bool] | None = None
) -> bool:
    """Save before closing; if that fails, ask. Return False when the user chooses to stay.

    The user may try again, save a copy elsewhere (when `save_copy` is given), or close anyway.
    """
    from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when first needed

    buttons = QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard
    buttons |= QMessageBox.StandardButton.Cancel
    if save_copy is not None:
        buttons |= QMessageBox.StandardButton.Save
    while not saver.flush():
        if QGuiApplication.platformName() == "offscreen":  # nobody could answer: do not hang
            log.error("closing with unsaved %s: %s", saver.what, saver.last_error)
            return True
        answer = QMessageBox.warning(
            parent,
            f"{saver.what.capitalize()} not saved",
            shown_as_typed(
                f"Your {saver.what} could not be saved to {where}:\n{saver.last_error}.\n\n"
                "Try again, save a copy elsewhere, or close anyway (changes since the last save "
                "would be lost)."
            ),
            buttons,
            QMessageBox.StandardButton.Retry,
        )
        if answer == QMessageBox.StandardButton.Save and save_copy is not None and save_copy():
            return True
        if answer == QMessageBox.StandardButton.Discard:
            return True
        if answer == QMessageBox.StandardButton.Cancel:
            return False
    return True
