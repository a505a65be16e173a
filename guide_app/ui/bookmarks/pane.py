"""The Bookmarks pane: folders and bookmarks, a filter, sorting, and each bookmark's note."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from guide_app.guide.model import Node
from guide_app.store.bookmarks import Bookmark, BookmarkError, Folder
from guide_app.ui.bookmarks.details import NoteField, room_for_details, scrolling, when
from guide_app.ui.bookmarks.model import NOT_IN_EDITION, BookmarksModel
from guide_app.ui.bookmarks.proxy import SORTS, BookmarksProxy
from guide_app.ui.bookmarks.undo import MoveBookmark, RemoveBookmark, RemoveFolder
from guide_app.ui.clear_button import add_clear_button
from guide_app.ui.plain_text import menu_text

_NOTE_SAVE_MS = 400


class BookmarksPane(QWidget):
    """List of bookmarks with a details editor below.

    Signals:
        open_location(str): open the bookmarked page (a node id, maybe a former one).
    """

    open_location = Signal(str)

    def __init__(
        self, model: BookmarksModel, undo: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookmarksPane")
        self.model = model
        self.store = model.store
        self.undo = undo
        self.proxy = BookmarksProxy(model)
        model.move_handler = self._move
        self._editing: str | None = None
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.timeout.connect(self._commit_note)
        self._note_typed_in = False  # the note was typed in since it was last filled
        self._expand_pending = False
        self._just_added: str | None = None  # a bookmark made or brought back: select it
        self._select_timer = QTimer(self)
        self._select_timer.setSingleShot(True)  # many added at once (an import): select once
        self._select_timer.timeout.connect(self._select_just_added)
        self._build()
        self._connect()
        self._show_details()
        self.store.subscribe(self._store_changed)

    # Layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.filter = QLineEdit()
        self.filter.setObjectName("bookmarkFilter")
        self.filter.setPlaceholderText("Filter titles and notes")
        self.filter.setAccessibleName("Filter bookmarks")
        add_clear_button(self.filter, "Clear the filter")
        self.sort = QComboBox()
        self.sort.setObjectName("bookmarkSort")
        self.sort.setAccessibleName("Sort bookmarks by")
        for label, _role in SORTS:
            self.sort.addItem(label)
        self.view = QTreeView()
        self.view.setObjectName("bookmarksList")
        self.view.setAccessibleName("Bookmarks")
        self.view.setAccessibleDescription(
            "Your bookmarks and folders. Enter opens a bookmark, "
            "F2 renames, Delete removes (Ctrl+Z brings it back)."
        )
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setSortingEnabled(False)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.expand_all()
        self.title = QLineEdit()
        self.title.setObjectName("bookmarkTitle")
        self.title.setAccessibleName("Bookmark title")
        self.note = NoteField("The note")
        self.note.setObjectName("bookmarkNote")
        self.note.setAccessibleName("Bookmark note")
        self.note.setPlaceholderText("Why you keep this page, e.g. 'use with new referrals'")
        self.note.setTabChangesFocus(True)
        self.info = QLabel()
        self.info.setObjectName("bookmarkInfo")
        self.info.setAccessibleName("Bookmark details")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.PlainText)  # it names the page
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_folder = QPushButton("New f&older")
        self.delete = QPushButton("&Delete")
        self.delete.setAccessibleDescription(
            "Delete the selected bookmark or folder (Ctrl+Z undoes)"
        )

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.sort)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_folder)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        title_label = QLabel("&Title")
        title_label.setBuddy(self.title)
        note_label = QLabel("&Note")
        note_label.setBuddy(self.note)
        form.addRow(title_label, self.title)
        form.addRow(note_label, self.note)
        form.addRow(self.note.message)  # hidden unless the note is too long
        form.addRow(self.info)
        list_part = QWidget()
        list_layout = QVBoxLayout(list_part)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(top)
        list_layout.addWidget(self.view, 1)
        list_layout.addLayout(buttons)
        self.details_area = details_area = scrolling(self.details)  # never cut off at 200 %
        self.split = split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(list_part)
        split.addWidget(details_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        self.delete_action = QAction("Delete", self.view)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.delete_action)

    def _connect(self) -> None:
        self.filter.textChanged.connect(self._filter_changed)
        self.sort.currentIndexChanged.connect(lambda n: self.proxy.set_sort(SORTS[n][1]))
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_details())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.proxy.modelReset.connect(self._after_reset)
        self.proxy.layoutChanged.connect(self._show_details)
        self.proxy.dataChanged.connect(lambda *_: self._changed_elsewhere())
        self.title.editingFinished.connect(self._commit_title)
        self.note.textChanged.connect(self._note_typed)
        self.new_folder.clicked.connect(self.ask_new_folder)
        self.delete.clicked.connect(self.delete_selected)
        self.delete_action.triggered.connect(self.delete_selected)

    # Selection and details ---------------------------------------------------------------

    def current_item(self) -> Folder | Bookmark | None:
        """The folder or bookmark selected in the list."""
        return self.model.item(self.proxy.mapToSource(self.view.currentIndex()))

    def select(self, item_id: str) -> None:
        """Select the folder or bookmark with `item_id` (clearing the filter if it hides it)."""
        index = self.proxy.mapFromSource(self.model.index_of(item_id))
        if not index.isValid() and self.filter.text():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index_of(item_id))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def select_page(self, node: Node | None) -> bool:
        """Select the bookmark of `node` (under its id or a former one); False if it has none.

        Show bookmarks (Ctrl+B) calls this, so that the note typed next is the current page's.
        """
        bookmark = self.store.for_node([node.id, *node.aliases]) if node is not None else None
        if bookmark is None:
            return False
        self.select(bookmark.id)
        shown = self.current_item()
        return isinstance(shown, Bookmark) and shown.id == bookmark.id

    def _store_changed(self, what: str, item_id: str | None) -> None:
        """A bookmark was made (Ctrl+D) or brought back (undo): it becomes the selected one."""
        if what == "added" and item_id is not None:
            self._just_added = item_id
            self._select_timer.start(0)

    def _select_just_added(self) -> None:
        added, self._just_added = self._just_added, None
        if added is not None and self.model.index_of(added).isValid():
            self.select(added)

    def expand_all(self) -> None:
        """Open every folder: now if the pane is on screen, else when it is next shown.

        Laying out the whole tree takes a while with thousands of bookmarks; start-up, with
        the pane in a tab behind another, should not pay for it.
        """
        self._expand_pending = not self.isVisible()
        if not self._expand_pending:
            self.view.expandAll()

    def showEvent(self, event: QShowEvent) -> None:
        """Open the folders if that was left for when the pane is shown; size the details."""
        super().showEvent(event)
        if self._expand_pending:
            self.expand_all()
        QTimer.singleShot(0, self._room_for_details)  # once the pane is laid out

    def changeEvent(self, event: QEvent) -> None:
        """After a zoom, give the details the room they now ask for."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self.isVisible():
            QTimer.singleShot(0, self._room_for_details)

    def _room_for_details(self) -> None:
        room_for_details(self.split, self.details_area, self.details)

    def _after_reset(self) -> None:
        self.expand_all()
        if self._editing is not None:
            self.select(self._editing)
        self._show_details()

    def _show_details(self) -> None:
        self._commit_note()
        item = self.current_item()
        bookmark = item if isinstance(item, Bookmark) else None
        self._editing = item.id if item is not None else None
        editable = bookmark is not None and not self.store.read_only
        self.details.setEnabled(bookmark is not None)
        with QSignalBlocker(self.title), QSignalBlocker(self.note):
            self.title.setText(bookmark.title if bookmark else "")
            self.title.setCursorPosition(0)
        self.note.fill(bookmark.note if bookmark else "", read_only=not editable)
        self.title.setReadOnly(not editable)
        self.delete.setEnabled(item is not None and not self.store.read_only)
        self.new_folder.setEnabled(not self.store.read_only)
        self._refresh_info()

    def _refresh_info(self) -> None:
        item = self.current_item()
        if not isinstance(item, Bookmark):
            self.info.setText(
                ""
                if item is None
                else "A folder. Drag bookmarks onto it, or use Move to in the right-click menu."
            )
            return
        page = self.model.page_title(item)
        where = (
            f"Page: {page}"
            if page is not None
            else (f"This page is {NOT_IN_EDITION} of the guide; your title and note are kept.")
        )
        self.info.setText(f"{where}\nSaved {when(item.created)}; changed {when(item.changed)}.")

    def _commit_title(self) -> None:
        item = self.current_item()
        if isinstance(item, Bookmark) and not self.store.read_only:
            self.store.update(item.id, title=self.title.text())

    def _note_typed(self) -> None:
        self._note_typed_in = True
        self._note_timer.start(_NOTE_SAVE_MS)

    def _changed_elsewhere(self) -> None:
        """A bookmark changed (an import merged a note, undo): show it unless being typed in."""
        item = self.current_item()
        if isinstance(item, Bookmark) and not self._note_typed_in and not self.title.hasFocus():
            with QSignalBlocker(self.title), QSignalBlocker(self.note):
                self.note.fill(item.note, read_only=self.store.read_only)
                if self.title.text() != item.title:
                    self.title.setText(item.title)
        self._refresh_info()

    def _commit_note(self) -> None:
        self._note_timer.stop()
        typed, self._note_typed_in = self._note_typed_in, False
        if self._editing is None or self.store.read_only or not typed:
            return
        try:
            bookmark = self.store.get(self._editing)
        except BookmarkError:
            return
        if self.note.toPlainText() != bookmark.note and self.note.isEnabled():
            self.store.update(bookmark.id, note=self.note.toPlainText())

    # Actions -----------------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.expand_all()

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(self.proxy.mapToSource(index))
        if isinstance(item, Bookmark):
            self.open_location.emit(item.node_id)

    def delete_selected(self) -> None:
        """Delete the selected bookmark or folder through the undo stack."""
        item = self.current_item()
        if item is None or self.store.read_only:
            return
        self._commit_note()
        if isinstance(item, Bookmark):
            self.undo.push(RemoveBookmark(self.store, item.id))
        else:
            self.undo.push(RemoveFolder(self.store, item.id))

    def ask_new_folder(self) -> None:
        """Ask for a name and make a folder."""
        name, ok = QInputDialog.getText(self, "New folder", "Folder name:")
        if ok and name.strip():
            self.select(self.store.add_folder(name).id)

    def _move(self, bookmark_ids: list[str], folder_id: str | None) -> None:
        self.undo.beginMacro("Move bookmarks")
        for bookmark_id in bookmark_ids:
            self.undo.push(MoveBookmark(self.store, bookmark_id, folder_id))
        self.undo.endMacro()

    def _context_menu(self, point: QPoint) -> None:
        item = self.current_item()
        menu = QMenu(self)
        if isinstance(item, Bookmark):
            menu.addAction("&Open", lambda: self.open_location.emit(item.node_id))
            menu.addAction("&Rename", lambda: self.view.edit(self.view.currentIndex()))
            move = menu.addMenu("&Move to")
            move.addAction("No folder", lambda: self._move([item.id], None))
            for folder in self.store.folders:
                move.addAction(menu_text(folder.name), partial(self._move, [item.id], folder.id))
        elif isinstance(item, Folder):
            menu.addAction("&Rename", lambda: self.view.edit(self.view.currentIndex()))
        menu.addAction("New &folder…", self.ask_new_folder)
        if item is not None:
            menu.addAction("&Delete", self.delete_selected)
        for action in menu.actions():
            action.setEnabled(not self.store.read_only or action.text() == "&Open")
        menu.popup(self.view.viewport().mapToGlobal(point))
