"""Save soon after a change, retry after a failure, and flush on quit: one per saved document."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from guide_app.ui.plain_text import shown_as_typed

log = logging.getLogger(__name__)

DEBOUNCE_MS = 800
RETRY_MS = (5_000, 15_000, 60_000)


class AutoSaver(QObject):
    """Calls `save` a moment after the last change, and keeps retrying while it fails.

    Nothing in memory is dropped when a save fails, whatever the failure (a full disk, a file
    that must not be overwritten, an error in our own code): the owner keeps its data, the user
    is told, and the next attempt writes all of it.

    Signals:
        saved(): a save succeeded.
        failed(str): a save failed; the text says what and why, for the user.
    """

    saved = Signal()
    failed = Signal(str)

    def __init__(self, what: str, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self._save = save
        self._dirty = False
        self._failures = 0
        self.last_error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        """Whether there are changes not yet on disk."""
        return self._dirty

    def changed(self) -> None:
        """Note a change; save after a short pause (unless a retry is already waiting)."""
        self._dirty = True
        if self._failures == 0:
            self._timer.start(DEBOUNCE_MS)

    def flush(self) -> bool:
        """Save now if anything changed; return True when everything is on disk."""
        self._timer.stop()
        if not self._dirty:
            return True
        try:
            self._save()
        except Exception as error:  # noqa: BLE001 - any failure is shown and retried, never lost
            self._failures += 1
            self.last_error = getattr(error, "strerror", None) or str(error) or type(error).__name__
            delay = RETRY_MS[min(self._failures - 1, len(RETRY_MS) - 1)]
            log.warning("saving %s failed (%s); retrying in %d s", self.what, error, delay // 1000)
            self._timer.start(delay)
            self.failed.emit(
                f"Your {self.what} could not be saved ({self.last_error}). "
                f"They are kept and will be saved again in {delay // 1000} seconds."
            )
            return False
        self._dirty = False
        self._failures = 0
        self.last_error = ""
        self.saved.emit()
        return True


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
