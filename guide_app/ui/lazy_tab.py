"""A tab whose pane is built when it is first shown or asked for, not when the window opens."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget

Pane = TypeVar("Pane", bound=QWidget)


class LazyTab(Generic[Pane]):
    """One tab of a QTabWidget: an empty page until the tab is chosen or `get()` is called.

    Then the pane is built and takes the empty page's place, so `currentWidget()` is the pane
    itself. Start-up pays only for the tabs a reader opens.
    """

    def __init__(self, tabs: QTabWidget, title: str, build: Callable[[], Pane]) -> None:
        self._tabs = tabs
        self._title = title
        self._build = build
        self._pane: Pane | None = None
        self._empty = QWidget()
        self._empty.setAccessibleName(title.replace("&", ""))
        tabs.addTab(self._empty, title)
        tabs.currentChanged.connect(self._chosen)

    @property
    def built(self) -> Pane | None:
        """The pane if it has been built, else None (asking builds nothing)."""
        return self._pane

    def get(self) -> Pane:
        """The pane, built now if this is the first time it is needed."""
        if self._pane is None:
            self._pane = pane = self._build()
            tabs, empty = self._tabs, self._empty
            index = tabs.indexOf(empty)
            chosen = tabs.currentIndex() == index
            focused = empty.hasFocus()
            with QSignalBlocker(tabs):  # the tab stays the same one to everyone listening
                tabs.removeTab(index)
                tabs.insertTab(index, pane, self._title)
                if chosen:
                    tabs.setCurrentIndex(index)
            if focused:
                pane.setFocus()
            empty.deleteLater()
            tabs.currentChanged.disconnect(self._chosen)
        return self._pane

    def _chosen(self, index: int) -> None:
        if self._pane is None and self._tabs.widget(index) is self._empty:
            self.get()
