"""Read one YAML file safely into plain values that remember the line they came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from guide_app.guide.problems import FileProblems

try:
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_MAX_DEPTH = 40


@dataclass(frozen=True, slots=True)
class Located:
    """A value read from YAML and the 1-based line it starts on.

    `value` is a str, int, float, bool or None; a list of Located; or a dict of str to Located,
    in which case `key_lines` gives the line of each key.
    """

    value: Any
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    block: bool = False  # a | or > block scalar, whose text starts on the next line

    def get(self, key: str) -> Located | None:
        """Return the value under `key` of a mapping, or None."""
        if isinstance(self.value, dict):
            found = self.value.get(key)
            return found if isinstance(found, Located) else None
        return None


def describe(value: Any) -> str:
    """Name a YAML value's type the way a content editor would say it."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()}); put text in quotes"
    if isinstance(value, int | float):
        return f"a number ({value}); put text in quotes"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of keys"
    return type(value).__name__


def read_yaml(path: Path, problems: FileProblems, seen: Any = None) -> Located | None:
    """Parse `path`; on any failure record a problem with its line and return None.

    Only plain YAML is accepted: no tags beyond the standard scalar, list and mapping types, no
    merge keys and no duplicate keys. Nothing in the file is ever executed. If `seen` (a
    hashlib object) is given, the file's bytes are added to it.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.error(1, f"cannot read the file: {exc.strerror or exc}")
        return None
    if seen is not None:
        seen.update(path.name.encode() + b"\0" + raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.error(line, f"the file is not valid UTF-8 text ({exc.reason})")
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        problems.error(line, f"YAML syntax error: {exc.problem or exc.context}")
        return None
    except yaml.YAMLError as exc:
        problems.error(1, f"YAML error: {exc}")
        return None
    if node is None:
        problems.error(1, "the file is empty")
        return None
    return _Converter(problems).convert(node, 0)


class _Converter:
    """Turns composed YAML nodes into Located values, reporting anything unsupported."""

    def __init__(self, problems: FileProblems) -> None:
        self._problems = problems
        self._done: dict[int, Located] = {}  # aliases share one conversion: no exponential blow-up
        self._active: set[int] = set()
        self._constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, depth: int) -> Located:
        key = id(node)
        if key in self._done:
            return self._done[key]
        line = node.start_mark.line + 1
        if key in self._active:
            self._problems.error(line, "an alias refers back to itself (a recursive structure)")
            return Located(None, line)
        if depth > _MAX_DEPTH:
            self._problems.error(line, f"nested more than {_MAX_DEPTH} levels deep")
            return Located(None, line)
        self._active.add(key)
        try:
            result = self._convert(node, depth, line)
        finally:
            self._active.discard(key)
        self._done[key] = result
        return result

    def _convert(self, node: yaml.Node, depth: int, line: int) -> Located:
        if isinstance(node, yaml.ScalarNode):
            return Located(self._scalar(node, line), line, block=node.style in ("|", ">"))
        if isinstance(node, yaml.SequenceNode):
            if node.tag != f"{_TAG}seq":
                self._unsupported(node.tag, line)
            return Located([self.convert(item, depth + 1) for item in node.value], line)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth, line)
        self._problems.error(line, "unsupported YAML construct")
        return Located(None, line)

    def _mapping(self, node: yaml.MappingNode, depth: int, line: int) -> Located:
        if node.tag != f"{_TAG}map":
            self._unsupported(node.tag, line)
        values: dict[str, Located] = {}
        key_lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == f"{_TAG}merge":
                self._problems.error(
                    key_line, "merge keys ('<<') are not supported; write keys out"
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != f"{_TAG}str":
                shown = (
                    key_node.value if isinstance(key_node, yaml.ScalarNode) else "a non-text key"
                )
                self._problems.error(key_line, f"keys must be plain text, got {shown!r}")
                continue
            name = str(key_node.value)
            if name in values:
                first = key_lines[name]
                self._problems.error(
                    key_line, f"duplicate key '{name}' (first given on line {first})"
                )
                continue
            values[name] = self.convert(value_node, depth + 1)
            key_lines[name] = key_line
        return Located(values, line, key_lines)

    def _scalar(self, node: yaml.ScalarNode, line: int) -> Any:
        if node.tag == f"{_TAG}str":
            return str(node.value)
        if node.tag not in _SCALAR_TAGS:
            self._unsupported(node.tag, line)
            return None
        try:
            value = self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            self._problems.error(line, f"cannot read the value {node.value!r}: {exc}")
            return None
        if isinstance(value, dt.date):  # dates are read as the text the editor wrote
            return str(node.value)
        return value

    def _unsupported(self, tag: str, line: int) -> None:
        shown = tag.replace(_TAG, "!!")
        self._problems.error(line, f"the YAML tag {shown} is not allowed in content files")
