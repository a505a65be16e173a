"""Drive the real guide under Xvfb with the AT-SPI bus, and read it as a screen reader does.

The app runs from the virtualenv with Qt's accessibility bridge on
(QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1) inside a private D-Bus session, whose org.a11y.Bus starts
at-spi-bus-launcher when Qt asks for it. The reading is done by atspi_walker.py under the
system's python3, because python3-pyatspi is a Debian package, not a PyPI one.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from tests.helpers.processes import GUIDE_APP, TIMEOUT
from tests.helpers.repo import REPO

SYSTEM_PYTHON = "/usr/bin/python3"
WALKER = Path(__file__).with_name("atspi_walker.py")
A11Y_BUS_SERVICE = Path("/usr/share/dbus-1/services/org.a11y.Bus.service")


def docs_module(name: str) -> ModuleType:
    """Load docs/<name>.py (shared with `make screenshots`), which is not in a package."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "docs" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being defined
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def missing_packages() -> list[str]:
    """The Debian packages this check needs that are not installed (.ci/run installs them)."""
    missing = [
        package
        for tool, package in (("Xvfb", "xvfb"), ("dbus-daemon", "dbus"))
        if shutil.which(tool) is None
    ]
    if not A11Y_BUS_SERVICE.exists():
        missing.append("at-spi2-core")
    probe = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(probe, check=False).returncode != 0:
        missing.append("python3-pyatspi")
    return missing


@dataclass(frozen=True)
class Accessible:
    """One object of the tree, as a screen reader gets it."""

    path: str  # role and name of it and each parent, from the window down
    role: str
    name: str
    description: str
    states: frozenset[str]
    shown: bool  # on screen, and so is every parent
    text: str | None  # what its Text interface holds, if it has one
    actions: tuple[str, ...]

    @property
    def label(self) -> str:
        """Its role and name, as Orca would start to speak it."""
        return f"{self.role} {self.name!r}"


@contextlib.contextmanager
def session_bus() -> Iterator[str]:
    """A private D-Bus session for the `with` block; yields its address."""
    with subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as daemon:
        try:
            assert daemon.stdout is not None
            address = daemon.stdout.readline().strip()
            if not address:
                raise RuntimeError("dbus-daemon did not start")
            yield address
        finally:
            # at-spi-bus-launcher and the registry it started leave with the session bus
            daemon.terminate()
            daemon.wait(timeout=TIMEOUT)


class ScreenReader:
    """Reads, and acts on, one running app through atspi_walker.py."""

    def __init__(self, environment: dict[str, str], pid: int) -> None:
        self.environment = environment
        self.pid = pid

    def _walker(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), str(self.pid), *args],
            capture_output=True,
            text=True,
            env=self.environment,
            timeout=TIMEOUT,
            check=False,
        )

    def wait_for_window(self) -> None:
        """Wait until the app's window is on the accessibility bus."""
        done = self._walker("wait")
        assert done.returncode == 0, done.stderr

    def tree(self) -> list[Accessible]:
        """Every object of the app's windows, parents first."""
        done = self._walker("dump")
        assert done.returncode == 0, done.stderr
        found = []
        for line in done.stdout.splitlines():
            record = json.loads(line)
            found.append(
                Accessible(
                    record["path"],
                    record["role"],
                    record["name"],
                    record["description"],
                    frozenset(record["states"]),
                    record["shown"],
                    record["text"],
                    tuple(record["actions"]),
                )
            )
        return found

    def act(self, role: str, name: str, action: str = "") -> None:
        """Do that object's first action (what Orca offers first), or the one named."""
        done = self._walker("act", role, name, action)
        assert done.returncode == 0, done.stderr

    def hear(self, role: str, name: str, action: str = "") -> list[str]:
        """Act as `act` does; return what the app announced to screen readers meanwhile."""
        done = self._walker("hear", role, name, action)
        assert done.returncode == 0, done.stderr
        return [json.loads(line) for line in done.stdout.splitlines()]

    def type(self, role: str, name: str, text: str) -> None:
        """Put `text` in that field, as typing it would (Qt sends the change signals)."""
        done = self._walker("type", role, name, text)
        assert done.returncode == 0, done.stderr

    def wait_until(self, what: str, ready: Callable[[list[Accessible]], bool]) -> list[Accessible]:
        """Read the tree until `ready` says it shows `what`; return that tree."""
        deadline = time.monotonic() + TIMEOUT
        tree = self.tree()
        while not ready(tree):
            if time.monotonic() > deadline:
                shown = "\n".join(a.path for a in tree if a.shown)
                raise AssertionError(f"the screen reader never found {what}; shown:\n{shown}")
            time.sleep(0.2)
            tree = self.tree()
        return tree


def shown(tree: list[Accessible], role: str, name: str | None = None) -> list[Accessible]:
    """The objects on screen with this role (and name)."""
    return [a for a in tree if a.shown and a.role == role and name in (None, a.name)]


@contextlib.contextmanager
def running_guide(
    display: dict[str, str], bus: str, data_dir: Path, open_id: str
) -> Iterator[ScreenReader]:
    """Start `guide-app` on `data_dir` showing `open_id`; quit it (by SIGTERM) at the end."""
    environment = {
        **display,
        "QT_QPA_PLATFORM": "xcb",
        "DBUS_SESSION_BUS_ADDRESS": bus,
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "GUIDE_APP_DATA_DIR": str(data_dir),
    }
    environment.pop("QT_ACCESSIBILITY", None)  # "0" there would turn the bridge off
    app = subprocess.Popen(
        [str(GUIDE_APP), "--data-dir", str(data_dir), "--open", open_id],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        reader = ScreenReader(environment, app.pid)
        reader.wait_for_window()
        yield reader
        app.send_signal(signal.SIGTERM)  # the app saves and quits, as at log-off
        _, errors = app.communicate(timeout=TIMEOUT)
        assert app.returncode == 0, errors
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
