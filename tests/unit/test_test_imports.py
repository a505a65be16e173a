"""The tests share helpers through tests/helpers only: no test imports a test module or conftest."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent


def imported_test_modules(path: Path) -> list[str]:
    """The modules of tests/ that `path` imports which are test modules or conftests."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            last = name.rsplit(".", 1)[-1]
            if name.startswith("tests.") and (last.startswith("test_") or last == "conftest"):
                found.append(name)
    return found


def test_no_test_imports_another_test_module_or_a_conftest() -> None:
    wrong = {
        str(path.relative_to(TESTS)): names
        for path in sorted(TESTS.rglob("*.py"))
        if (names := imported_test_modules(path))
    }
    assert wrong == {}


def test_the_check_sees_such_an_import(tmp_path: Path) -> None:
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "from tests.conftest import REPO\nimport tests.e2e.test_app_process\n"
        "from tests.ui import conftest\nfrom tests.helpers.repo import REPO\n",
        encoding="utf-8",
    )
    assert imported_test_modules(probe) == [
        "tests.conftest",
        "tests.e2e.test_app_process",
        "tests.ui.conftest",
    ]
