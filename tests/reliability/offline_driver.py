"""Run the real app with every socket refused, drive it end to end, and report as JSON.

Run as `python offline_driver.py DATA_DIR OUT_DIR`. The blocking is installed before anything
else is imported, with a Python audit hook rather than by replacing `socket.socket`: the hook
sees every socket of every family (also AF_UNIX socketpairs, and `_socket` used directly), name
lookups and the http/urllib/webbrowser entry points, it cannot be bypassed by a reference taken
before patching, and it needs no `import socket`, so the report can also say whether anything
imported the socket module at all. Every attempt is recorded and refused with OSError.

Qt's C++ code does not go through Python, so the report also lists what the process has mapped
and open at the end: Qt's network library (libQt6Network), the CUPS print plugin (libcups talks
to a print server) and any open socket. Only Linux has /proc; elsewhere those lists are null.
"""

from __future__ import annotations

import errno
import sys

_BLOCKED_EVENTS = (
    "socket.",  # socket.__new__, .connect, .bind, .getaddrinfo, .gethostbyname, .sendto, ...
    "urllib.Request",
    "http.client.",
    "webbrowser.open",
    "ftplib.",
    "smtplib.",
    "imaplib.",
    "poplib.",
)
ATTEMPTS: list[str] = []


def _refuse_network(event: str, args: tuple[object, ...]) -> None:
    if event.startswith(_BLOCKED_EVENTS):
        ATTEMPTS.append(f"{event} {args!r}"[:300])
        raise OSError(errno.EACCES, f"network use refused by the offline test: {event}")


sys.addaudithook(_refuse_network)
MODULES_AT_START = set(sys.modules)

import json  # noqa: E402  (everything after the hook)
import os  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from guide_app.cli import main as guide_app_main  # noqa: E402
from guide_app.store.reviews import Status  # noqa: E402
from guide_app.ui.window.main_window import MainWindow  # noqa: E402

NETWORK_MODULES = ("socket", "ssl", "http.client", "urllib.request", "PySide6.QtNetwork")
NOTE = "Offline note: use with new referrals"
REVIEW_NOTE = "Checked at the team meeting, offline."
LOCAL_NOTE = "Pain clinic: 01632 960123"
STEPS: dict[str, object] = {}


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Process events until `condition` holds (raise if it never does)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("gave up waiting")
        QTest.qWait(20)


def drive(out: Path) -> None:
    """Search, bookmark, review and export through the shown window, then close it."""
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    wait_until(window.isVisible)
    STEPS["shown"] = window.current_id

    # Search: type into the toolbar field, open the best result with Enter.
    window.commands["focus_search"].trigger()
    QTest.keyClicks(window.search.field, "sleep")
    wait_until(lambda: window.search.pane.model.rowCount() > 0)  # once the index is ready
    results = [r.target for r in window.search.pane.model.results]
    QTest.keyClick(window.search.field, Qt.Key.Key_Return)
    STEPS["search"] = {"results": len(results), "best": results[:1], "opened": window.current_id}

    # Bookmark the page opened, type a note in the Bookmarks pane, save.
    window.commands["toggle_bookmark"].trigger()
    bookmark = window.bookmarks.for_node([window.current_id or ""])
    assert bookmark is not None
    window.commands["show_bookmarks"].trigger()
    pane = window.bookmarks_pane
    pane.select(bookmark.id)
    pane.note.setFocus()
    QTest.keyClicks(pane.note, NOTE)
    wait_until(lambda: window.bookmarks.get(bookmark.id).note == NOTE)
    STEPS["bookmark"] = {"node": bookmark.node_id, "saved": window.bookmark_control.saver.flush()}

    # Review: create one, tick a criterion by keyboard, type its notes, save.
    window.commands["show_reviews"].trigger()
    review = window.reviews.create_review("Offline review", "MSK physio", "2026-03-02", "AB")
    editor = window.reviews.editor
    editor.select_node("people-see-a-consistent-clinician")
    editor.tree.setFocus()
    QTest.keyClick(editor.tree, Qt.Key.Key_3)  # Met
    editor.panel.notes.setFocus()
    QTest.keyClicks(editor.panel.notes, REVIEW_NOTE)
    saved = window.flush_saves()
    found = window.reviews.book.get(review.id).assessment("people-see-a-consistent-clinician")
    STEPS["review"] = {
        "id": review.id,
        "status": found.status.value,
        "met": found.status is Status.MET,
        "saved": saved,
    }

    # Exports: the review in every format, the bookmarks in both, the page as PDF.
    for fmt in ("pdf", "md", "csv"):
        window.reviews.export(review.id, fmt, out / f"review.{fmt}")
    window.bookmark_control.export_to(out / "bookmarks.json")
    window.bookmark_control.export_to(out / "bookmarks.md")
    window.open(bookmark.node_id)
    window.reading.save_pdf(out / "page.pdf")

    # Local information: typed in its editor on this page, saved, exported.
    editor = window.local_info.edit()
    assert editor is not None
    QTest.keyClicks(editor.text, LOCAL_NOTE)  # type: ignore[attr-defined]
    editor.accept()  # type: ignore[attr-defined]
    note = window.local_info.note_for(window.current_node())  # type: ignore[arg-type]
    STEPS["local"] = {"kept": note is not None and note.text == LOCAL_NOTE}
    STEPS["local"]["saved"] = window.flush_saves()
    window.local_info.export_to(out / "local.json")
    STEPS["diagnostics"] = window.help.diagnostics().splitlines()[0]
    STEPS["exported"] = sorted(p.name for p in out.iterdir())
    STEPS["edition"] = install_edition(window, out.parent / "edition")
    window.close()  # the last window: the app quits and run() returns


def install_edition(window: MainWindow, work: Path) -> str:
    """Make a key and a signed edition, trust the key, install it with File > Install…."""
    import shutil

    from PySide6.QtWidgets import QDialog, QPushButton

    from guide_app import paths
    from guide_app.store.editions import keys
    from guide_app.store.editions.edition_file import content_files, pack
    from guide_app.store.editions.installed import Editions
    from guide_app.store.editions.trust import add_trusted

    content = work / "content"
    shutil.copytree(paths.content_dir(), content)
    guide_file = content / "guide.yaml"
    text = guide_file.read_text(encoding="utf-8")
    guide_file.write_text(text.replace(f'edition: "{window.guide.edition}"', 'edition: "2099.1"'))
    changes = content / "changes.yaml"
    entry = f'editions:\n  - edition: "2099.1"\n    date: {window.guide.date}\n'
    entry += "    note: Made by the offline test.\n    changes: []\n"
    changes.write_text(changes.read_text(encoding="utf-8").replace("editions:\n", entry, 1))
    key = keys.generate("Offline test")
    pack(content_files(content), "2099.1", window.guide.date, key, work / "update.guide-edition")
    add_trusted(key.public(), window.data_root, paths.keys_dir())
    window.edition_commands.open_file(work / "update.guide-edition")
    box = window.findChild(QDialog, "installEdition")
    button = box.findChild(QPushButton, "install") if box is not None else None
    if button is None:
        raise RuntimeError("the install dialog offered no Install button")
    button.click()
    box.close()
    return Editions(window.data_root, paths.content_dir(), paths.keys_dir()).active().edition.id


def process_report() -> dict[str, object]:
    """What Qt's C++ side has loaded and opened (Linux only: null elsewhere)."""
    maps, fds = Path("/proc/self/maps"), Path("/proc/self/fd")
    if not maps.exists():
        return {"network_libraries": None, "sockets": None}
    libraries = {line.split()[-1] for line in maps.read_text().splitlines() if "/" in line}
    network = sorted(p for p in libraries if "Qt6Network" in p or "libcups" in p)
    sockets = []
    for fd in fds.iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith("socket:"):
            sockets.append(target)
    return {"network_libraries": network, "sockets": sockets}


def main() -> int:
    """Start the app through its command line, drive it, and print the report."""
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])  # run() uses this one
    failure: list[str] = []

    def safely() -> None:
        try:
            drive(out)
        except Exception as error:  # noqa: BLE001  (reported, and the app quits)
            failure.append(f"{type(error).__name__}: {error}")
            app.exit(3)

    QTimer.singleShot(0, safely)
    status = guide_app_main(["--data-dir", str(data)])
    report = {
        "status": status,
        "failure": failure,
        "steps": STEPS,
        "attempts": ATTEMPTS,
        "network_modules": [m for m in NETWORK_MODULES if m in sys.modules],
        "network_modules_at_start": [m for m in NETWORK_MODULES if m in MODULES_AT_START],
        **process_report(),
    }
    print("REPORT " + json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
