"""JSON Schema for the content files, generated from the same field table the loader reads."""

from __future__ import annotations

import json
import sys
from typing import Any

from guide_app.guide.load.fields import (
    BASIS_VALUES,
    CHANGE_KINDS,
    DATE_PATTERN,
    FILE_SPECS,
    ID_PATTERN,
    MARKUP_PATTERN,
    SOURCE_KINDS,
    URL_PATTERN,
    Field,
    Spec,
    Type,
)

_NOT_BLANK = r"\S"
_PLAIN_LINE = rf"^(?![^\n]*(?:{MARKUP_PATTERN}))[^\n]*\S[^\n]*$"  # one line, no markup
_DEF_NAMES = {
    "guide.yaml": "guide",
    "areas": "area",
    "examples": "example",
    "evidence": "evidence",
    "principles.yaml": "principles",
    "sources.yaml": "sources",
    "synonyms.yaml": "synonyms",
    "changes.yaml": "changes",
}


def _value_schema(field: Field) -> dict[str, Any]:
    text = {"type": "string", "pattern": _NOT_BLANK}
    schemas: dict[Type, dict[str, Any]] = {
        Type.TEXT: text,
        Type.LINE: {"type": "string", "pattern": _PLAIN_LINE},
        Type.ID: {"type": "string", "pattern": ID_PATTERN},
        Type.IDS: {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}},
        Type.LINES: {"type": "array", "items": text},
        Type.GROUPS: {
            "type": "array",
            "items": {"type": "array", "items": text, "minItems": 2},
        },
        Type.BASIS: {"enum": list(BASIS_VALUES)},
        Type.SOURCE_KIND: {"enum": list(SOURCE_KINDS)},
        Type.CHANGE_KIND: {"enum": list(CHANGE_KINDS)},
        Type.DATE: {"type": "string", "pattern": DATE_PATTERN},
        Type.URL: {"type": "string", "pattern": URL_PATTERN},
    }
    if field.type is Type.RECORD and field.spec is not None:
        return spec_schema(field.spec)
    if field.type is Type.RECORDS and field.spec is not None:
        return {"type": "array", "items": spec_schema(field.spec)}
    return schemas[field.type]


def spec_schema(spec: Spec) -> dict[str, Any]:
    """Return the JSON Schema of one mapping spec."""
    properties = {}
    for field in spec.fields:
        properties[field.name] = {"description": field.help, **_value_schema(field)}
    return {
        "type": "object",
        "description": spec.help,
        "properties": properties,
        "required": [f.name for f in spec.fields if f.required],
        "additionalProperties": False,
    }


def content_schema() -> dict[str, Any]:
    """Return the schema document: one definition per kind of file, any of which may match."""
    defs = {_DEF_NAMES[key]: spec_schema(spec) for key, spec in FILE_SPECS.items()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "guide-app-content.schema.json",
        "title": "Pain & Mental Health Guide content",
        "description": (
            "Point your editor at #/$defs/<kind> for each file: guide.yaml -> guide, areas/*.yaml "
            "-> area, examples/*.yaml -> example, evidence/*.yaml -> evidence, principles.yaml -> "
            "principles, sources.yaml -> sources, synonyms.yaml -> synonyms, changes.yaml -> "
            "changes. Links, ids and sources across files are checked by `guide-app "
            "check-content`."
        ),
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in defs],
        "$defs": defs,
    }


def definition_name(file_key: str) -> str:
    """Return the $defs name for a FILE_SPECS key."""
    return _DEF_NAMES[file_key]


def render() -> str:
    """Return the schema as the text committed in content/schema.json."""
    return json.dumps(content_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
