"""A private X screen (Xvfb), with openbox if wanted, for screenshots and the screen-reader check.

Each display gets the first free number from GUIDE_APP_FIRST_DISPLAY (default 90) upwards, so
that several runs, or several people on one machine, never share a screen. Only the processes
started here are stopped here, by their own process ids.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIRST_DISPLAY_ENV = "GUIDE_APP_FIRST_DISPLAY"
DEFAULT_FIRST_DISPLAY = 90
_TRIES = 40  # display numbers tried before giving up
_READY_SECONDS = 20.0


class DisplayError(RuntimeError):
    """The virtual display or its window manager could not be started."""


@dataclass
class VirtualDisplay:
    """A running Xvfb screen of `size`, and the window manager on it if one was asked for."""

    number: int
    size: tuple[int, int]
    server: subprocess.Popen[bytes]
    manager: subprocess.Popen[bytes] | None = None

    @property
    def name(self) -> str:
        """The value for DISPLAY, such as ':90'."""
        return f":{self.number}"

    def environment(self) -> dict[str, str]:
        """This process's environment, pointed at this display through Qt's X11 plugin."""
        return {**os.environ, "DISPLAY": self.name, "QT_QPA_PLATFORM": "xcb"}

    def stop(self) -> None:
        """Stop the window manager, then the server (only these two processes)."""
        for process in (self.manager, self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def missing_tools(window_manager: bool) -> list[str]:
    """The programs `virtual_display` needs that are not installed (Debian package names)."""
    wanted = {"Xvfb": "xvfb", **({"openbox": "openbox"} if window_manager else {})}
    return [package for tool, package in wanted.items() if shutil.which(tool) is None]


def _first_display() -> int:
    try:
        return int(os.environ.get(FIRST_DISPLAY_ENV, DEFAULT_FIRST_DISPLAY))
    except ValueError:
        return DEFAULT_FIRST_DISPLAY


def _start_server(number: int, size: tuple[int, int]) -> subprocess.Popen[bytes] | None:
    """Start Xvfb on `number` and wait until it accepts clients; None if that number is taken."""
    ready, told = os.pipe()
    width, height = size
    try:
        server = subprocess.Popen(
            [
                "Xvfb",
                f":{number}",
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-displayfd",  # the server writes its number here once it accepts clients
                str(told),
            ],
            pass_fds=(told,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    finally:
        os.close(told)
    said = b""
    try:  # read up to the newline: closing early would make the server's last write fail
        while not said.endswith(b"\n"):
            chunk = os.read(ready, 16)
            if not chunk:  # the server gave up (that display is in use)
                break
            said += chunk
    finally:
        os.close(ready)
    if said.strip() == str(number).encode():
        return server
    server.wait()
    return None


def _start_manager(display: str) -> subprocess.Popen[bytes]:
    """Start openbox on `display` and wait until it manages windows (it runs --startup then)."""
    with tempfile.TemporaryDirectory(prefix="guide-app-wm-") as folder:
        flag = Path(folder) / "ready"
        manager = subprocess.Popen(
            ["openbox", "--sm-disable", "--startup", f"touch {flag}"],
            env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + _READY_SECONDS
        while not flag.exists():
            if manager.poll() is not None or time.monotonic() > deadline:
                if manager.poll() is None:
                    manager.terminate()
                    manager.wait()
                raise DisplayError(f"openbox did not start on {display}")
            time.sleep(0.05)
    return manager


@contextlib.contextmanager
def virtual_display(
    size: tuple[int, int] = (1366, 768), *, window_manager: bool = True
) -> Iterator[VirtualDisplay]:
    """Run an Xvfb screen of `size` (with openbox unless told not to) for the `with` block."""
    missing = missing_tools(window_manager)
    if missing:
        raise DisplayError(f"not installed: {', '.join(missing)} (sudo apt-get install ...)")
    first = _first_display()
    for number in range(first, first + _TRIES):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = _start_server(number, size)
        if server is not None:
            break
    else:
        raise DisplayError(f"no free X display from :{first} to :{first + _TRIES - 1}")
    display = VirtualDisplay(number, size, server)
    try:
        if window_manager:
            display.manager = _start_manager(display.name)
        yield display
    finally:
        display.stop()
