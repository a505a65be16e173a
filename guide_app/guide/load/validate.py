"""Check a Located YAML value against a field Spec and return a Record of clean values."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from guide_app.guide.load.fields import (
    BASIS_VALUES,
    CHANGE_KINDS,
    DATE_PATTERN,
    ID_PATTERN,
    MARKUP_PATTERN,
    SOURCE_KINDS,
    URL_PATTERN,
    Field,
    Spec,
    Type,
)
from guide_app.guide.load.yamlfile import Located, describe
from guide_app.guide.problems import FileProblems

_ID = re.compile(ID_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_URL = re.compile(URL_PATTERN)
_MARKUP = re.compile(MARKUP_PATTERN)


@dataclass(frozen=True)
class Record:
    """The clean values of one mapping, with the line of the mapping and of each value."""

    values: dict[str, Any]
    line: int
    lines: dict[str, int] = field(default_factory=dict)
    text_lines: dict[str, int] = field(default_factory=dict)  # where each text's first line is
    escaped: frozenset[str] = frozenset()  # texts whose line breaks may not be the file's

    def get(self, name: str, default: Any = None) -> Any:
        """Return the value of `name`, or `default` when absent or invalid."""
        return self.values.get(name, default)

    def line_of(self, name: str) -> int:
        """Return the line of `name`'s value, or of the mapping when it is absent."""
        return self.lines.get(name, self.line)

    def lines_in(self, name: str, text: str, offsets: list[int]) -> list[int]:
        """Return the line of each character offset (in increasing order) of the text `name`.

        In a "double-quoted" text, whose escapes can add line breaks the file does not have,
        that is the line the text starts on.
        """
        line = self.text_lines.get(name, self.line_of(name))
        if name in self.escaped:
            return [line] * len(offsets)
        lines, counted = [], 0
        for offset in offsets:
            line += text.count("\n", counted, offset)
            counted = offset
            lines.append(line)
        return lines


def read_record(located: Located, spec: Spec, problems: FileProblems) -> Record | None:
    """Check `located` against `spec`, recording every problem; None if it is not a mapping."""
    if not isinstance(located.value, dict):
        problems.error(
            located.line, f"expected the keys of a {spec.name}, got {describe(located.value)}"
        )
        return None
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    text_lines: dict[str, int] = {}
    escaped: set[str] = set()
    for key, item in located.value.items():
        key_line = located.key_lines.get(key, item.line)
        known = spec.field(key)
        if known is None:
            problems.error(key_line, f"unknown key '{key}' in {spec.name}{_suggest(key, spec)}")
            continue
        lines[key] = key_line
        value = _read_value(item, known, problems, key_line)
        if value is not None:
            values[key] = value
        texts = [(key, item)] if isinstance(item.value, str) else []
        if isinstance(item.value, list):
            texts = [
                (f"{key}[{i}]", e) for i, e in enumerate(item.value) if isinstance(e.value, str)
            ]
        for name, text in texts:
            if text.escaped:
                escaped.add(name)
                text_lines[name] = text.line
                continue
            leading = text.value[: len(text.value) - len(text.value.lstrip())].count("\n")
            text_lines[name] = text.line + int(text.block) + leading
    for wanted in spec.fields:
        if wanted.required and wanted.name not in located.value:
            problems.error(located.line, f"{spec.name} is missing the required key '{wanted.name}'")
    return Record(values, located.line, lines, text_lines, frozenset(escaped))


def _suggest(key: str, spec: Spec) -> str:
    close = difflib.get_close_matches(key, [f.name for f in spec.fields], n=1)
    if close:
        return f" (did you mean '{close[0]}'?)"
    return f"; allowed keys: {', '.join(f.name for f in spec.fields)}"


def _read_value(item: Located, spec_field: Field, problems: FileProblems, key_line: int) -> Any:
    """Return the clean value of one field, or None after recording why it is wrong."""
    name = spec_field.name
    value = item.value
    kind = spec_field.type
    if kind in (Type.RECORD, Type.RECORDS):
        return _read_nested(item, spec_field, problems)
    if kind is Type.GROUPS:
        return _read_groups(item, name, problems)
    if kind in (Type.IDS, Type.LINES):
        if not isinstance(value, list):
            problems.error(item.line, f"'{name}' should be a list, got {describe(value)}")
            return None
        single = Type.ID if kind is Type.IDS else Type.TEXT
        out = []
        for element in value:
            clean = _read_scalar(element, single, name, problems)
            if clean is not None:
                out.append(clean)
        return tuple(out)
    text = _read_scalar(item, kind, name, problems, key_line)
    if kind is Type.LINE and text is not None:
        _check_plain(text, name, problems, key_line)
    return text


def _check_plain(text: str, name: str, problems: FileProblems, line: int) -> None:
    """Report markup in a one-line text, which is shown as plain text (the text is kept)."""
    found = _MARKUP.search(text)
    if found is None:
        return
    start = found.start()
    if text[start] == "<":
        end = text.find(">", start)
        what, shown = "HTML tag", text[start : end + 1] if end >= 0 else text[start:]
    elif text[start] == "&":
        what, shown = "HTML entity", found.group()
    else:
        what, shown = "Markdown link or image syntax", found.group()
    if len(shown) > 40:
        shown = shown[:39] + "…"
    problems.error(
        line,
        f"'{name}' is plain text, shown as written: remove the {what} {shown!r} "
        "(a lone < or & is fine)",
    )


def _read_groups(item: Located, name: str, problems: FileProblems) -> Any:
    """A list of groups, each a list of two or more texts."""
    if not isinstance(item.value, list):
        problems.error(
            item.line, f"'{name}' should be a list of groups, got {describe(item.value)}"
        )
        return None
    groups = []
    for group in item.value:
        if not isinstance(group.value, list) or len(group.value) < 2:
            problems.error(
                group.line,
                f"each entry of '{name}' should be a list of two or more "
                f"words, got {describe(group.value)}",
            )
            continue
        words = [_read_scalar(word, Type.LINE, name, problems) for word in group.value]
        groups.append(tuple(w for w in words if w is not None))
    return tuple(groups)


def _read_nested(item: Located, spec_field: Field, problems: FileProblems) -> Any:
    assert spec_field.spec is not None
    if spec_field.type is Type.RECORD:
        return read_record(item, spec_field.spec, problems)
    if not isinstance(item.value, list):
        problems.error(
            item.line,
            f"'{spec_field.name}' should be a list of {spec_field.spec.name}"
            f" entries, got {describe(item.value)}",
        )
        return None
    records = [read_record(element, spec_field.spec, problems) for element in item.value]
    return tuple(r for r in records if r is not None)


def _read_scalar(
    item: Located, kind: Type, name: str, problems: FileProblems, line: int | None = None
) -> str | None:
    line = item.line if line is None else line
    value = item.value
    if not isinstance(value, str):
        problems.error(line, f"'{name}' should be {_expected(kind)}, got {describe(value)}")
        return None
    text = value.strip()
    if not text:
        problems.error(line, f"'{name}' is empty: write the text or remove the key")
        return None
    checks: dict[Type, tuple[Callable[[str], object], str]] = {
        Type.LINE: (lambda t: "\n" not in t, "one line of text"),
        Type.ID: (_ID.match, "an id: lower-case letters and digits joined by hyphens"),
        Type.BASIS: (lambda t: t in BASIS_VALUES, "one of: " + ", ".join(BASIS_VALUES)),
        Type.SOURCE_KIND: (lambda t: t in SOURCE_KINDS, "one of: " + ", ".join(SOURCE_KINDS)),
        Type.CHANGE_KIND: (lambda t: t in CHANGE_KINDS, "one of: " + ", ".join(CHANGE_KINDS)),
        Type.DATE: (_DATE.match, "a date written YYYY, YYYY-MM or YYYY-MM-DD"),
        Type.URL: (_URL.match, "a web address starting http:// or https://"),
    }
    check = checks.get(kind)
    if check is not None and not check[0](text):
        problems.error(line, f"'{name}' should be {check[1]}, got {text!r}")
        return None
    return text


def _expected(kind: Type) -> str:
    return {
        Type.ID: "an id",
        Type.BASIS: "one of: " + ", ".join(BASIS_VALUES),
        Type.SOURCE_KIND: "one of: " + ", ".join(SOURCE_KINDS),
        Type.CHANGE_KIND: "one of: " + ", ".join(CHANGE_KINDS),
        Type.DATE: "a date",
        Type.URL: "a web address",
    }.get(kind, "text")
