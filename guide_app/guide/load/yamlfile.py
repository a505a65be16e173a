"""Read one YAML file safely into plain values that remember the line they came from."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.resolver import Resolver

from guide_app.guide.problems import FileProblems

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_MAX_DEPTH = 40
_MAX_REPEATED = 10_000  # values that aliases may repeat in one file (a "billion laughs" stops here)
_RESOLVER: Any = Resolver()  # its resolve() is untyped in the stubs
_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_ONLY_BREAKS = ("\x85", "\u2028", "\u2029")  # YAML counts these as line breaks; editors don't


class _RefusedError(Exception):
    """The file is refused while it is being read; `mark` says where."""

    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _PyParser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):
    """PyYAML's pure-Python parser, used when PyYAML is built without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)


_Parser: Any
try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml
    _Parser = _PyParser


class _Loader(Composer, _Parser, Resolver):  # type: ignore[misc]
    """Composes nodes from libyaml's events, stopping early at deep nesting and alias bombs.

    libyaml's own composer recurses in C (very deep nesting crashes the process) and parses
    the whole file first; this one stops at the first event past the limits.
    """

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        Resolver.__init__(self)
        self._depth = 0
        self._open: list[str | None] = []  # anchors of the collections being read
        self._repeated = 0
        self._sizes: dict[int, int] = {}  # values under each aliased node, aliases expanded

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.anchors and self.check_event(yaml.AliasEvent):  # no anchors yet: no aliases
            event = self.peek_event()
            node = super().compose_node(parent, index)
            self._repeated += self._size(node)
            if self._repeated > _MAX_REPEATED:
                raise _RefusedError(
                    event.start_mark,
                    f"aliases such as *{event.anchor} repeat more than {_MAX_REPEATED:,} "
                    "values; write the values out",
                )
            return node
        return super().compose_node(parent, index)

    def compose_sequence_node(self, anchor: Any) -> Any:
        return self._collection(super().compose_sequence_node, anchor)

    def compose_mapping_node(self, anchor: Any) -> Any:
        return self._collection(super().compose_mapping_node, anchor)

    def _collection(self, compose: Callable[[Any], Any], anchor: Any) -> Any:
        if self._depth > _MAX_DEPTH:
            raise _RefusedError(
                self.peek_event().start_mark, f"nested more than {_MAX_DEPTH} levels deep"
            )
        self._depth += 1
        self._open.append(anchor)
        node = compose(anchor)
        self._open.pop()
        self._depth -= 1
        return node

    def _size(self, node: Any) -> int:
        """How many values `node` holds, aliases expanded; each node is counted once.

        A collection still being read (an alias inside itself) counts as one value.
        """
        skip = {id(self.anchors[a]) for a in self._open if a in self.anchors}
        stack, visiting = [node], set[int]()
        while stack:
            top = stack[-1]
            key = id(top)
            if key in self._sizes or key in skip:
                stack.pop()
                continue
            children = _children(top)
            todo = [c for c in children if _unknown(id(c), self._sizes, skip, visiting)]
            if todo and key not in visiting:
                visiting.add(key)
                stack.extend(todo)
                continue
            stack.pop()
            visiting.discard(key)
            self._sizes[key] = 1 + sum(self._sizes.get(id(c), 1) for c in children)
        return self._sizes.get(id(node), 1)


def _unknown(key: int, sizes: dict[int, int], *counted_as_one: set[int]) -> bool:
    return key not in sizes and not any(key in found for found in counted_as_one)


def _children(node: Any) -> list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


class _Lines:
    """Turns a YAML mark into the line an editor shows, within the file's lines."""

    def __init__(self, text: str) -> None:
        self._text = text
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        self.last = max(1, breaks + (0 if text.endswith(("\n", "\r")) else 1))
        self._ends: list[int] | None = None
        if any(c in text for c in _YAML_ONLY_BREAKS):
            self._ends = [m.end() for m in _BREAK.finditer(text)]

    def of(self, mark: Any) -> int:
        """The 1-based line of `mark`."""
        if self._ends is None:
            return min(int(mark.line) + 1, self.last)
        return min(bisect.bisect_right(self._ends, mark.index) + 1, self.last)

    def at(self, index: int) -> int:
        """The 1-based line of the character at `index`."""
        return min(len(_BREAK.findall(self._text, 0, index)) + 1, self.last)


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
    escaped: bool = False  # a "double-quoted" scalar, whose escapes may add line breaks

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
    lines = _Lines(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except _RefusedError as exc:
        problems.error(lines.of(exc.mark), exc.message)
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as NUL
        code = exc.character if isinstance(exc.character, int) else 0
        line = lines.at(max(text.find(chr(code)), 0))  # the first one is the one reported
        problems.error(line, f"the control character U+{code:04X} is not allowed; remove it")
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = lines.of(mark) if mark is not None else 1
        problems.error(line, f"YAML syntax error: {exc.problem or exc.context}")
        return None
    except yaml.YAMLError as exc:
        problems.error(1, f"YAML error: {exc}")
        return None
    if node is None:
        problems.error(1, "the file is empty")
        return None
    return _Converter(problems, lines).convert(node, 0)


class _Converter:
    """Turns composed YAML nodes into Located values, reporting anything unsupported."""

    def __init__(self, problems: FileProblems, lines: _Lines) -> None:
        self._problems = problems
        self._lines = lines
        self._done: dict[int, Located] = {}  # aliases share one conversion: no exponential blow-up
        self._active: set[int] = set()
        self._constructor = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, depth: int) -> Located:
        key = id(node)
        if key in self._done:
            return self._done[key]
        line = self._lines.of(node.start_mark)
        if key in self._active:
            self._problems.error(line, "an alias refers back to itself (a recursive structure)")
            return Located(None, line)
        if depth > _MAX_DEPTH:  # reached through aliases: _Loader stops deeper nesting itself
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
            value = self._scalar(node, line)
            return Located(value, line, block=node.style in ("|", ">"), escaped=node.style == '"')
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
            key_line = self._lines.of(key_node.start_mark)
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
        if _RESOLVER.resolve(yaml.ScalarNode, node.value, (True, False)) != node.tag:
            shown = node.tag.replace(_TAG, "!!")  # an explicit tag on a value that is not one
            self._problems.error(line, f"cannot read the value {node.value!r} as {shown}")
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
