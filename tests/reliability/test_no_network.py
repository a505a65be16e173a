"""The app works with no network at all, and never tries to use one.

The end-to-end test starts the real app through its command line in a driver process whose
every socket (any family, name lookups, http, urllib) is refused and recorded from the first
line (see offline_driver.py), then starts, searches, bookmarks, reviews, exports and quits.
A static check makes sure no module of the app imports a networking module.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.offline import DRIVER, check_exports, run_offline_driver
from tests.helpers.processes import clean_env
from tests.helpers.repo import REPO

pytestmark = pytest.mark.e2e

# Networking modules, and modules that open sockets when imported or used (logging.handlers,
# asyncio and multiprocessing make socket pairs; webbrowser starts a browser on a URL).
FORBIDDEN = (
    "socket", "ssl", "http", "urllib.request", "urllib.error", "ftplib", "smtplib", "poplib",
    "imaplib", "xmlrpc", "asyncio", "multiprocessing", "logging.handlers", "webbrowser",
    "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebSockets",
)  # fmt: skip
# The one allowed exception: Windows' signal.set_wakeup_fd takes only a socket (POSIX uses a
# pipe), imported inside the Windows branch, never at module level.
ALLOWED = {("guide_app/shell/signals.py", "socket")}


def test_start_search_bookmark_review_export_and_quit_with_no_network(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "exports"
    report = run_offline_driver(data, out)
    check_exports(data, out, report)
    assert report["steps"]["exported"] == [
        "bookmarks.json", "bookmarks.md", "local.json", "page.pdf", "review.csv", "review.md",
        "review.pdf",
    ]  # fmt: skip
    assert report["steps"]["local"] == {"kept": True, "saved": True}
    assert report["steps"]["edition"] == "2099.1"  # made, signed, checked and installed
    assert report["attempts"] == []  # no socket of any family, no name lookup
    assert report["network_modules_at_start"] == []
    assert report["network_modules"] == []  # not socket, ssl, http.client, urllib, QtNetwork
    if sys.platform == "linux":  # what Qt's C++ side loaded and holds open
        assert report["network_libraries"] == []  # no libQt6Network, no libcups
        assert report["sockets"] == []


def test_the_driver_does_refuse_and_record_sockets() -> None:
    """The checks above would be empty if the blocking did not work: here it must catch all."""
    probe = f"""
import runpy, sys
sys.argv = ["offline_driver"]
driver = runpy.run_path({str(DRIVER)!r}, run_name="probe")
import socket, urllib.request
for attempt in (
    socket.socketpair,
    lambda: socket.create_connection(("127.0.0.1", 9)),
    lambda: socket.getaddrinfo("example.org", 443),
    lambda: urllib.request.urlopen("http://example.org/", timeout=1),
):
    try:
        attempt()
    except OSError as error:
        print("refused:", type(error).__name__)
from PySide6 import QtNetwork
print(driver["process_report"]())
print(len(driver["ATTEMPTS"]), [a.split()[0] for a in driver["ATTEMPTS"]])
"""
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:4] == ["refused: PermissionError"] * 4
    if sys.platform == "linux":
        assert "libQt6Network" in lines[4]
    count, events = lines[5].split(" ", 1)
    assert int(count) >= 4
    assert "'socket.__new__'" in events
    assert "'socket.getaddrinfo'" in events


def imported_modules(tree: ast.AST) -> set[str]:
    """Every module `tree` imports, by import statement or importlib/__import__ with a name."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.add(node.args[0].value)
    return found


def is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in FORBIDDEN)


def test_no_module_of_the_app_imports_a_networking_module() -> None:
    sources = sorted((REPO / "guide_app").rglob("*.py"))
    assert len(sources) > 50  # the whole package, not an empty glob
    found, at_start = set(), set()
    for source in sources:
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
        name = source.relative_to(REPO).as_posix()
        found.update((name, m) for m in imported_modules(tree) if is_forbidden(m))
        for statement in tree.body:  # imported when the module is
            if isinstance(statement, ast.Import | ast.ImportFrom):
                at_start.update((name, m) for m in imported_modules(statement))
    assert found == ALLOWED
    assert not at_start & ALLOWED  # the exception is imported only where it is needed


def test_the_static_check_sees_every_form_of_import() -> None:
    tree = ast.parse(
        "import socket\nfrom http import client\nfrom PySide6 import QtNetwork\nimport importlib\n"
        "def f():\n    importlib.import_module('ssl')\n    __import__('urllib.request')\n"
    )
    found = {m for m in imported_modules(tree) if is_forbidden(m)}
    assert found >= {"socket", "http", "PySide6.QtNetwork", "ssl", "urllib.request"}
