"""Read one app's accessibility tree over AT-SPI, as Orca does; run with the system's python3.

python3-pyatspi is a Debian package for the system Python, not for the project's virtualenv,
so the test (tests/a11y/test_screen_reader.py) runs this file as a separate process:

    /usr/bin/python3 atspi_walker.py PID wait             until the app's window is on the bus
    /usr/bin/python3 atspi_walker.py PID dump             every object shown, as JSON lines
    /usr/bin/python3 atspi_walker.py PID act ROLE NAME [ACTION]    do that object's action
        (its first, as Orca's default, unless ACTION names another, such as Press)
    /usr/bin/python3 atspi_walker.py PID hear ROLE NAME [ACTION]   the same, then print what
        the app announces (object:announcement) until the first announcement or a time limit
    /usr/bin/python3 atspi_walker.py PID type ROLE NAME TEXT    put TEXT in that field

It imports nothing from the project: it sees the app only as a screen reader does.
"""

from __future__ import annotations

import json
import sys
import time

import pyatspi  # type: ignore[import-not-found]  # Debian's python3-pyatspi

MAX_TEXT = 20_000  # characters of a text object to report (a page is a few thousand)
MAX_OBJECTS = 5_000
WAIT_SECONDS = 30
HEAR_SECONDS = 10  # a bound on waiting for an announcement, not a measure of speed


def find_app(pid: int) -> object | None:
    """The accessible application of process `pid`, once it shows a window."""
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is None:
            continue
        try:
            if app.get_process_id() == pid and app.childCount > 0:
                return app
        except Exception:  # noqa: BLE001  # an app leaving the bus while we ask
            continue
    return None


def states(acc: object) -> list[str]:
    return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())


def text_of(acc: object) -> str | None:
    try:
        text = acc.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, min(text.characterCount, MAX_TEXT)))


def actions_of(acc: object) -> list[str]:
    try:
        action = acc.queryAction()
    except NotImplementedError:
        return []
    return [str(action.getName(i)) for i in range(action.nActions)]


def label(acc: object) -> str:
    return f"{acc.getRoleName()} {acc.name!r}"


def walk(app: object) -> list[dict[str, object]]:
    """Every object in the tree, parents first, with what a screen reader reads of it."""
    found: list[dict[str, object]] = []

    def visit(acc: object, path: list[str], parent_shown: bool) -> None:
        if len(found) >= MAX_OBJECTS:
            return
        here = [*path, label(acc)]
        its_states = states(acc)
        shown = parent_shown and "showing" in its_states  # on screen, and so is every parent
        found.append(
            {
                "path": " > ".join(here),
                "role": acc.getRoleName(),
                "name": acc.name or "",
                "description": acc.description or "",
                "states": its_states,
                "shown": shown,
                "text": text_of(acc),
                "actions": actions_of(acc),
                "children": acc.childCount,
            }
        )
        for child in acc:
            if child is not None:
                visit(child, here, shown)

    for window in app:
        if window is not None:
            visit(window, [], parent_shown=True)
    return found


def first_shown(app: object, role: str, name: str) -> object | None:
    """The first object with role and name on screen (a menu item also in a closed menu)."""
    for acc in pyatspi.findAllDescendants(app, lambda a: a.getRoleName() == role):
        if acc.name == name and (role == "menu item" or "showing" in states(acc)):
            return acc
    return None


def act(app: object, role: str, name: str, action_name: str = "") -> bool:
    """Do an action (the first, or the one named) of the first shown object with role and name."""
    acc = first_shown(app, role, name)
    if acc is None:
        return False
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    index = names.index(action_name) if action_name in names else 0 if not action_name else -1
    return index >= 0 and bool(action.doAction(index))


def hear(app: object, role: str, name: str, action_name: str = "") -> list[str] | None:
    """Act as `act` does, and return what the app announces to screen readers meanwhile."""
    from gi.repository import GLib  # type: ignore[import-not-found]  # with python3-gi

    heard: list[str] = []
    done: list[bool] = []

    def listen(event: object) -> None:
        heard.append(str(event.any_data))
        pyatspi.Registry.stop()

    def start() -> bool:
        done.append(act(app, role, name, action_name))
        if not done[-1]:
            pyatspi.Registry.stop()
        return False  # once

    pyatspi.Registry.registerEventListener(listen, "object:announcement")
    GLib.idle_add(start)
    GLib.timeout_add(int(HEAR_SECONDS * 1000), lambda: pyatspi.Registry.stop() or False)
    pyatspi.Registry.start()
    pyatspi.Registry.deregisterEventListener(listen, "object:announcement")
    return heard if done and done[0] else None


def type_text(app: object, role: str, name: str, text: str) -> bool:
    """Replace the text of the first shown editable object with role and name."""
    acc = first_shown(app, role, name)
    return acc is not None and bool(acc.queryEditableText().setTextContents(text))


def main(argv: list[str]) -> int:
    pid, command, rest = int(argv[1]), argv[2], argv[3:]
    deadline = time.monotonic() + WAIT_SECONDS
    app = find_app(pid)
    while app is None and command == "wait" and time.monotonic() < deadline:
        time.sleep(0.2)
        app = find_app(pid)
    if app is None:
        sys.stderr.write(f"no application with process id {pid} on the accessibility bus\n")
        return 2
    if command == "dump":
        for record in walk(app):
            sys.stdout.write(json.dumps(record) + "\n")
    elif command == "act" and not act(app, *rest[:3]):
        sys.stderr.write(f"no shown {rest[0]} named {rest[1]!r} with that action\n")
        return 1
    elif command == "hear":
        heard = hear(app, *rest[:3])
        if heard is None:
            sys.stderr.write(f"no shown {rest[0]} named {rest[1]!r} with that action\n")
            return 1
        for text in heard:
            sys.stdout.write(json.dumps(text) + "\n")
    elif command == "type" and not type_text(app, *rest[:3]):
        sys.stderr.write(f"no shown {rest[0]} named {rest[1]!r} to type in\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
