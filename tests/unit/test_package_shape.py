"""The package's shape: no import cycle, a root that shows the layers, no module over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers.repo import REPO

PACKAGE = REPO / "guide_app"
ROOT_FILES = {"__init__.py", "__main__.py", "paths.py", "identity.py"}
MOST_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def imports(path: Path, known: set[str]) -> set[str]:
    """Every guide_app module `path` imports: at module level, in functions, for type checks."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            # `from a.b import c`: the module a.b.c if there is one, else a.b (a name in it)
            subs = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [name for name in subs if name in known]
            if len(names) < len(subs):
                names.append(node.module)
        else:
            continue
        found |= {name for name in names if name in known}
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The cycles among modules (each once), by depth-first search."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the path being walked, 2: done
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                found.append([*path[path.index(other) :], other])
            elif other not in state:
                visit(other)
        path.pop()
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)
    return found


def test_no_module_imports_itself_round_a_cycle() -> None:
    known = modules()
    graph = {
        name: {other for other in imports(path, set(known)) if other != name}
        for name, path in known.items()
    }
    assert [" -> ".join(cycle) for cycle in cycles(graph)] == []


def test_the_cycle_finder_finds_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]


def test_the_package_root_holds_only_the_leaves_and_the_layers() -> None:
    files = {p.name for p in PACKAGE.iterdir() if p.is_file() and p.suffix == ".py"}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert files == ROOT_FILES
    assert folders == {"cli", "shell", "ui", "export", "store", "guide", "common"}


def test_no_module_is_over_400_lines() -> None:
    long = {
        name: count
        for name, path in modules().items()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
