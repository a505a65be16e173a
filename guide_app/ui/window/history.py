"""Back and forward history of the pages the reader has shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class History(QObject):
    """A list of visited node ids with a current position, like a browser's.

    Signals:
        current_changed(str): the page to show now.
        state_changed(): whether back or forward is possible may have changed.
    """

    current_changed = Signal(str)
    state_changed = Signal()

    def __init__(self, limit: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[str] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> str | None:
        """The id shown now, or None before the first page."""
        return self._entries[self._index] if self._index >= 0 else None

    def can_go_back(self) -> bool:
        """Whether there is an earlier page."""
        return self._index > 0

    def can_go_forward(self) -> bool:
        """Whether there is a later page (after going back)."""
        return self._index < len(self._entries) - 1

    def go(self, node_id: str) -> None:
        """Visit `node_id`: later entries are dropped, as in a browser. Revisiting is a no-op."""
        if node_id == self.current:
            return
        del self._entries[self._index + 1 :]
        self._entries.append(node_id)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1
        self._emit()

    def replace(self, node_id: str) -> None:
        """Show `node_id` in place of the current entry (later entries are dropped)."""
        if self._index < 0:
            self.go(node_id)
            return
        if node_id == self.current:
            return
        del self._entries[self._index :]
        self._entries.append(node_id)
        self._emit()

    def back(self) -> None:
        """Show the previous page, if any."""
        if self.can_go_back():
            self._index -= 1
            self._emit()

    def forward(self) -> None:
        """Show the next page, if any."""
        if self.can_go_forward():
            self._index += 1
            self._emit()

    def _emit(self) -> None:
        current = self.current
        if current is not None:
            self.current_changed.emit(current)
        self.state_changed.emit()
