"""Build the QApplication and the main window from the guide and the user's data folder."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from guide_app import __version__, identity, paths
from guide_app.common.safe_files import DataRoot
from guide_app.guide.compiled import load_guide_cached
from guide_app.guide.model import Guide
from guide_app.guide.problems import ContentError
from guide_app.shell import logs
from guide_app.shell.crash import CrashHandler
from guide_app.shell.instance import InstanceGuard, hand_over
from guide_app.shell.signals import SignalQuitter
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.editions.installed import Editions
from guide_app.store.local_info import LocalInfoStore, current_ids
from guide_app.store.local_info_file import LocalInfoFile
from guide_app.store.user_data import UserData
from guide_app.ui.icons import app_icon
from guide_app.ui.plain_text import shown_as_typed
from guide_app.ui.settings_file import DataSettings
from guide_app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


def _set_identity() -> None:
    """Name the app before any path is resolved (QStandardPaths builds folders from these)."""
    QApplication.setOrganizationName(identity.ORG_NAME)
    QApplication.setOrganizationDomain(identity.ORG_DOMAIN)
    QApplication.setApplicationName(identity.DATA_FOLDER_NAME)
    QApplication.setApplicationDisplayName(identity.APP_NAME)
    QGuiApplication.setDesktopFileName(identity.APP_ID)


def open_settings(data_dir: Path, root: DataRoot | None = None) -> DataSettings:
    """Return the preferences store inside `data_dir` (an INI file, so --data-dir holds it all)."""
    return DataSettings(paths.settings_file(data_dir), root)


def create_main_window(
    content_dir: Path | None = None,
    data_dir: Path | None = None,
    open_id: str | None = None,
    place: paths.DataPlace | None = None,
    *,
    compiled: bool = True,
    root: DataRoot | None = None,
) -> MainWindow:
    """Load the guide and return its main window, restored, for a running QApplication.

    With `compiled`, an unchanged guide comes from the data folder's cache instead of being
    parsed and checked again. `root` is the data folder as the app took it (with its lock);
    by default it is taken as it is now. Raises ContentError when the content has errors: the
    app never shows half a guide.
    """
    _set_identity()
    data = paths.data_dir(data_dir)
    if root is None:
        data.mkdir(parents=True, exist_ok=True)
        root = DataRoot(data)
    started = time.perf_counter()
    cache = paths.cache_dir(data) if compiled else None
    if content_dir is None:
        guide, content, told = _active_edition(root, cache)
    else:
        content, told = content_dir, []
        guide = load_guide_cached(content, cache, root=root)
    log.info(
        "loaded %d nodes from %s in %.1f ms",
        len(guide.nodes),
        content,
        (time.perf_counter() - started) * 1000,
    )
    for warning in guide.warnings:
        log.warning("%s", warning)
    bookmarks = BookmarkStore()
    bookmark_file = BookmarkFile(data, root)
    loaded = bookmark_file.load_into(bookmarks)
    local_info, local_file = LocalInfoStore(), LocalInfoFile(data, root)
    local_loaded = local_file.load_into(local_info)
    if not local_info.read_only and local_info.follow_renames(current_ids(guide)):
        local_file.rewrite_needed = True  # kept under a page's former id: saved under its new
    settings = open_settings(data, root)
    user_data = UserData(data, root, bookmarks, bookmark_file, local_info, local_file)
    window = MainWindow(guide, settings, user_data, place or paths.DataPlace(data, "given"))
    window.setWindowIcon(app_icon())
    window.restore_state(open_id)
    told += [m for m in (loaded.message, local_loaded.message, settings.problem) if m]
    told += root.odd_folders(("backups", "logs", "cache", "requests"))
    if told:
        for message in told:
            log.warning("%s", message)
        QTimer.singleShot(0, lambda: window.report(told))
    return window


def _active_edition(root: DataRoot, cache: Path | None) -> tuple[Guide, Path, list[str]]:
    """The guide of the content edition chosen for this data folder, its folder, and news.

    An installed edition that no longer loads (its files were changed on disk) gives way to
    the edition shipped with the app, and the user is told; the shipped one must load.
    """
    editions = Editions(root, paths.content_dir(), paths.keys_dir())
    choice = editions.active()
    told = list(choice.messages)
    content = choice.edition.content
    try:
        return load_guide_cached(content, cache, root=root), content, told
    except ContentError as error:
        if choice.edition.shipped:
            raise
        for problem in error.problems:
            log.error("edition %s: %s", choice.edition.id, problem)
        told.append(
            f"The content edition {choice.edition.id} in {content.parent} no longer loads "
            f"({len(error.problems)} problem(s), listed in the log), so the app's own edition "
            f"{editions.shipped.id} is used. Install the edition again to use it."
        )
    content = editions.shipped.content
    return load_guide_cached(content, cache, root=root), content, told


def run(args: argparse.Namespace) -> int:
    """Start the app from parsed command-line arguments; return the exit status."""
    logs.setup(verbose=args.verbose)
    if args.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _set_identity()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    content = Path(args.content) if args.content else None
    data, mode = paths.data_location(args.data_dir)
    guard = InstanceGuard(data)
    try:
        if not guard.acquire(serve=not args.smoke_test):
            if args.smoke_test:  # it reads the user's data: never beside a running app
                return _say_and_fail(
                    f"smoke test not run: the guide is open with the data folder {data}."
                )
            if not _already_running(guard, data, args.open_id, take_over=args.take_over):
                return 0 if guard.handed_over else 1
    except OSError as error:
        return _say_and_fail(
            f"The guide cannot use the data folder {data}: "
            f"{error.strerror or error}. Start it with --data-dir pointing at a "
            "folder you can write to."
        )
    try:
        return _run_holding(args, app, guard, content, mode)
    finally:
        guard.release()  # also after an error: a lock must not outlive the app


def _run_holding(
    args: argparse.Namespace,
    app: QApplication,
    guard: InstanceGuard,
    content: Path | None,
    mode: str,
) -> int:
    """Load the guide and run the window, with the data folder's lock held."""
    data = guard.data_dir
    log_file = (
        None
        if args.smoke_test
        else logs.setup(verbose=args.verbose, log_file=paths.log_file(data), data=guard.root)
    )
    place = paths.DataPlace(data, mode, log_file)
    log.info("starting %s; data folder %s (%s)", __version__, data, mode)
    open_id = args.open_id
    while True:  # again when the window closes to open another content edition
        try:
            window = create_main_window(
                content, data, open_id, place, compiled=not args.smoke_test, root=guard.root
            )
        except ContentError as error:
            for problem in error.problems:
                log.error("%s", problem)
            if args.smoke_test or not _can_show_dialogs():
                print(f"{'smoke test failed: ' if args.smoke_test else ''}{error}", file=sys.stderr)
                return 1
            from guide_app.ui.help.content_problems import ContentProblemsDialog  # on errors

            shown = str(content or paths.content_dir())
            ContentProblemsDialog(shown, error.problems).exec()
            return 1
        if args.smoke_test:
            from guide_app.shell import smoke  # only for --smoke-test

            return smoke.check(window)
        status = _run_window(args, app, guard, window, log_file)
        if not window.edition_commands.restart_requested:
            return status
        log.info("opening the guide again on the content edition now chosen")
        window.deleteLater()
        open_id = None  # the page shown last, as saved, if the edition has it


def _run_window(
    args: argparse.Namespace,
    app: QApplication,
    guard: InstanceGuard,
    window: MainWindow,
    log_file: Path | None,
) -> int:
    """Show `window` and run the event loop until it closes; return the exit status."""
    crash = CrashHandler(log_file, window.flush_saves, lambda text: _show_crash(window, text))
    crash.install()
    report = lambda text: window.report([text])  # noqa: E731
    guard.requested.connect(window.bring_forward)
    guard.lost.connect(report)
    quitter = SignalQuitter(app, on_signal=window.close)
    app.aboutToQuit.connect(window.save_state)
    window.show()
    log.info("main window shown: %s", window.current_id)
    if args.exit_when_shown:
        from guide_app.shell import smoke  # only for the start-up benchmark

        QTimer.singleShot(0, lambda: smoke.report_shown(window))
    try:
        return app.exec()
    finally:
        quitter.uninstall()
        crash.uninstall()
        app.aboutToQuit.disconnect(window.save_state)
        guard.requested.disconnect(window.bring_forward)
        guard.lost.disconnect(report)


def _show_crash(window: MainWindow, text: str) -> None:
    """Tell the user about an unexpected error (the crash handler has logged and saved)."""
    if _can_show_dialogs():
        from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when first needed

        QMessageBox.critical(window, "Something went wrong", shown_as_typed(text))


def _say_and_fail(message: str) -> int:
    """Tell the user why the app cannot start (stderr, and a dialog when one can be seen)."""
    log.error("%s", message)
    if _can_show_dialogs():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "The guide cannot start", shown_as_typed(message))
    return 1


def _can_show_dialogs() -> bool:
    """Offscreen (tests, smoke tests) nobody could answer a dialog, so none is shown."""
    return QGuiApplication.platformName() != "offscreen"


def _already_running(
    guard: InstanceGuard, data: Path, open_id: str | None, *, take_over: bool
) -> bool:
    """Hand over to the app that holds the data folder, or take the folder over if it is stale.

    Returns True when this process now holds the data folder and should go on starting;
    False when it should stop (`guard.handed_over` says whether another window took over).
    A lock whose holder does not answer (a crash on another computer using the same USB
    stick, an empty or damaged lock file, a process id now used by another program) is taken
    over with `--take-over`, or when the user agrees after being told whose it was.
    """
    if hand_over(data, open_id):
        log.info("the guide is already open with %s; asked it to come forward", data)
        guard.handed_over = True
        return False
    holder = guard.holder_text()
    if take_over or _ask_take_over(data, holder):
        if guard.take_over():
            return True
        _say_and_fail(f"The data folder {data} could not be taken over from {holder}.")
        return False
    message = (
        f"The guide is already open with the data folder {data} (by {holder}), but it did "
        "not respond. If that copy of the guide is no longer running (it crashed, or ran on "
        "another computer), start the guide with --take-over to use the folder; otherwise "
        "close it and try again, or start with another data folder (--data-dir)."
    )
    print(message, file=sys.stderr)
    log.error("%s", message)
    return False


def _ask_take_over(data: Path, holder: str) -> bool:
    """Ask whether to take over a data folder whose holder did not answer (never offscreen)."""
    if not _can_show_dialogs():
        return False
    from PySide6.QtWidgets import QMessageBox  # a dialog: loaded when first needed

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Is the guide open elsewhere?",
        shown_as_typed(
            f"The data folder {data} is marked as open by {holder}, which did not respond.\n\n"
            "If that copy of the guide is no longer running (it crashed, or ran on another "
            "computer), you can use the folder here. If it is still running, using the folder "
            "in two places at once may lose changes."
        ),
    )
    use = box.addButton("Use the folder here", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("takeOver")
    box.exec()
    return box.clickedButton() is use
