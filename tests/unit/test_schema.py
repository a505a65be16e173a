"""content/schema.json matches the loader's field table, and both judge the same files alike."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from guide_app.guide.load.fields import FILE_SPECS
from guide_app.guide.load.loader import check_content
from guide_app.guide.load.schema import content_schema, definition_name, render
from guide_app.guide.load.yamlfile import Located, read_yaml
from guide_app.guide.problems import FileProblems, Problem, Severity
from tests.helpers.content_kit import FILES, write_content
from tests.helpers.repo import CONTENT


def plain(located: Located) -> Any:
    """The value as an editor's YAML plugin would hand it to a JSON Schema validator."""
    if isinstance(located.value, dict):
        return {k: plain(v) for k, v in located.value.items()}
    if isinstance(located.value, list):
        return [plain(v) for v in located.value]
    return located.value


def schema_errors(path: Path, file_key: str) -> list[str]:
    located = read_yaml(path, FileProblems(path, []))
    assert located is not None
    schema = {"$ref": f"#/$defs/{definition_name(file_key)}", "$defs": content_schema()["$defs"]}
    validator = jsonschema.Draft202012Validator(schema)
    return [e.message for e in validator.iter_errors(plain(located))]


def file_key(name: str) -> str:
    return name.split("/")[0] if "/" in name else name


def test_committed_schema_is_generated_from_the_field_table() -> None:
    committed = (CONTENT / "schema.json").read_text(encoding="utf-8")
    assert committed == render(), "content/schema.json is stale: run `make schema`"
    jsonschema.Draft202012Validator.check_schema(json.loads(committed))


def test_every_file_kind_has_a_definition() -> None:
    assert set(content_schema()["$defs"]) == {definition_name(k) for k in FILE_SPECS}


@pytest.mark.parametrize("name", sorted(FILES))
def test_good_files_pass_both(tmp_path: Path, name: str) -> None:
    root = write_content(tmp_path)
    assert schema_errors(root / name, file_key(name)) == []
    _, problems = check_content(root)
    assert problems == []


BAD_FILES = {
    "unknown key": ("areas/beta.yaml", "title: B\nsummary: S.\nbasis: editorial\ncolour: red\n"),
    "missing required": ("areas/beta.yaml", "title: B\nbasis: editorial\n"),
    "number for text": ("areas/beta.yaml", "title: 12\nsummary: S.\nbasis: editorial\n"),
    "blank text": ("areas/beta.yaml", "title: B\nsummary: '  '\nbasis: editorial\n"),
    "bad basis": ("areas/beta.yaml", "title: B\nsummary: S.\nbasis: hunch\n"),
    "bad id": ("areas/beta.yaml", "title: B\nsummary: S.\nbasis: editorial\naliases: [Old_Id]\n"),
    "ids not a list": (
        "areas/beta.yaml",
        "title: B\nsummary: S.\nbasis: editorial\nexamples: ex-one\n",
    ),
    "two-line title": ("areas/beta.yaml", 'title: "B\\nC"\nsummary: S.\nbasis: editorial\n'),
    "bad date": ("sources.yaml", FILES["sources.yaml"].replace("2019-11", "Nov 2019")),
    "bad url": (
        "sources.yaml",
        FILES["sources.yaml"].replace("https://example.org/one", "example.org/one"),
    ),
    "action without id": (
        "areas/beta.yaml",
        (
            "title: B\nsummary: S.\nbasis: editorial\nactions:\n"
            "  - title: T\n    summary: S.\n"
            "    basis: editorial\n"
        ),
    ),
    "challenge without ideas": (
        "areas/beta.yaml",
        (
            "title: B\nsummary: S.\nbasis: editorial\n"
            "challenges:\n  - id: c\n    title: T\n"
            "    summary: S.\n    basis: editorial\n"
        ),
    ),
    "example missing learning": (
        "examples/ex-one.yaml",
        FILES["examples/ex-one.yaml"].replace("learning: Start small.\n", ""),
    ),
    "criterion unknown key": (
        "principles.yaml",
        FILES["principles.yaml"].replace(
            "text: Staff know local services.", "text: Staff know.\n        weight: 2"
        ),
    ),
    "evidence body empty": (
        "evidence/ev-one.yaml",
        FILES["evidence/ev-one.yaml"].replace(
            "body: |\n  A guideline says something.\n", "body: ''\n"
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_fail_both(tmp_path: Path, case: str) -> None:
    name, text = BAD_FILES[case]
    root = write_content(tmp_path)
    (root / name).write_text(text, encoding="utf-8")
    assert schema_errors(root / name, file_key(name)), f"schema accepted: {case}"
    _, problems = check_content(root)
    errors: list[Problem] = [p for p in problems if p.severity is Severity.ERROR]
    assert any(p.file == str(root / name) for p in errors), f"loader accepted: {case}"


def test_shipped_content_passes_the_schema() -> None:
    for path in sorted(CONTENT.rglob("*.yaml")):
        relative = path.relative_to(CONTENT).as_posix()
        key = file_key(relative)
        if key not in FILE_SPECS:
            continue
        assert schema_errors(path, key) == [], relative
