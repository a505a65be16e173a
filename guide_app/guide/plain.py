"""The guide as plain data (lists, strings, integers, null) and back, checked on the way in.

This is how the compiled guide is kept in the cache folder (`compiled.py`), as JSON. Unlike
a pickle, plain data names no class or function, so reading it can build nothing but what
`from_plain` builds here, field by field; anything else (a wrong type, a wrong length, an
unknown kind, an id that refers to nothing, contents that are not a tree) raises
NotAGuideError, and the caller loads the guide from its YAML instead.

Layout (LAYOUT: change it whenever this does). Nodes and sources are kept as columns, one
list per field in the dataclass's order, so each column is checked by one call in C:

    [title, summary, edition, date, licence, acknowledgements, fingerprint,
     nodes:    [[id...], [kind...], [title...], [summary...], [body...],
                [[[heading, body, basis or ""]...]...], [[[label, value]...]...],
                [basis or null...],
                [[source id...]...], [[alias...]...], [parent or null...],
                [[child...]...], [[related id...]...], [file...], [line...],
                [reviewed...], [review due...]],
     sources:  [[id...], [title...], [publisher...], [date...], [url...], [checked...],
                [note...], [kind...], [accessed...]],
     aliases:  {former id: id}, linked_from: {id: [id...]},
     warnings: [[file, line, message, severity]...], synonyms: [[word...]...],
     editions: [[number, date, note, [[page, change, reason]...]]...]]
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import fields
from itertools import chain, repeat, starmap
from types import MappingProxyType
from typing import Any, TypeVar

from guide_app.guide.model import (
    CHANGE_KINDS,
    HOME_ID,
    Basis,
    Change,
    EditionChanges,
    Guide,
    Kind,
    Node,
    Section,
    Source,
)
from guide_app.guide.problems import Problem, Severity

LAYOUT = 4
_T = TypeVar("_T")
_KINDS: dict[Any, Kind] = {kind.value: kind for kind in Kind}
_BASES: dict[Any, Basis | None] = {basis.value: basis for basis in Basis}
_BASES[None] = None
_SECTION_BASES: dict[Any, Basis | None] = {**_BASES, "": None}
del _SECTION_BASES[None]
_SEVERITIES: dict[Any, Severity] = {severity.value: severity for severity in Severity}
_FINGERPRINT = re.compile(r"[0-9a-f]{0,64}")  # the loader's blake2b digest, in hex
_NODE_FIELDS = 17
_SOURCE_FIELDS = 9
_STR = frozenset((str,))
_LIST = frozenset((list,))
_INT = frozenset((int,))  # not bool: types are compared exactly
_STR_OR_NONE = frozenset((str, type(None)))
_PAIR = frozenset((2,))
_TRIPLE = frozenset((3,))


class NotAGuideError(ValueError):
    """The plain data is not a guide in this layout."""


def to_plain(guide: Guide) -> list[Any]:
    """The guide as plain lists, strings, integers and nulls (the layout above)."""
    nodes = list(guide.nodes.values())
    sources = list(guide.sources.values())
    return [
        guide.title,
        guide.summary,
        guide.edition,
        guide.date,
        guide.licence,
        guide.acknowledgements,
        guide.fingerprint,
        [
            [n.id for n in nodes],
            [n.kind.value for n in nodes],
            [n.title for n in nodes],
            [n.summary for n in nodes],
            [n.body for n in nodes],
            [
                [[s.heading, s.body, "" if s.basis is None else s.basis.value] for s in n.sections]
                for n in nodes
            ],
            [[list(fact) for fact in n.facts] for n in nodes],
            [None if n.basis is None else n.basis.value for n in nodes],
            [list(n.sources) for n in nodes],
            [list(n.aliases) for n in nodes],
            [n.parent for n in nodes],
            [list(n.children) for n in nodes],
            [list(n.related) for n in nodes],
            [n.file for n in nodes],
            [n.line for n in nodes],
            [n.reviewed for n in nodes],
            [n.review_due for n in nodes],
        ],
        [
            [s.id for s in sources],
            [s.title for s in sources],
            [s.publisher for s in sources],
            [s.date for s in sources],
            [s.url for s in sources],
            [s.checked for s in sources],
            [s.note for s in sources],
            [s.kind for s in sources],
            [s.accessed for s in sources],
        ],
        dict(guide.aliases),
        {target: list(ids) for target, ids in guide.linked_from.items()},
        [[p.file, p.line, p.message, p.severity.value] for p in guide.warnings],
        [list(group) for group in guide.synonyms],
        [
            [e.number, e.date, e.note, [[c.page, c.change, c.reason] for c in e.changes]]
            for e in guide.editions
        ],
    ]


def from_plain(plain: Any) -> Guide:
    """The guide from its plain layout; NotAGuideError if it is anything else."""
    try:
        return _guide(plain)
    except (TypeError, KeyError, ValueError) as error:  # an unknown kind, a list as a key ...
        raise NotAGuideError(str(error)) from None


def _guide(plain: Any) -> Guide:
    _check(type(plain) is list and len(plain) == 14)
    texts = plain[:7]
    node_columns, source_columns, aliases, linked_from, warnings, synonyms = plain[7:13]
    _check(_STR.issuperset(map(type, texts)) and _FINGERPRINT.fullmatch(texts[6]) is not None)
    _check(type(aliases) is dict and _STR.issuperset(map(type, aliases.values())))
    _check(type(linked_from) is dict and type(warnings) is list and type(plain[13]) is list)
    nodes = {node.id: node for node in _nodes(_columns(node_columns, _NODE_FIELDS))}
    sources = {source.id: source for source in _sources(_columns(source_columns, _SOURCE_FIELDS))}
    _check(len(nodes) == len(node_columns[0]) and len(sources) == len(source_columns[0]))
    links = dict(zip(linked_from, _string_lists(linked_from.values()), strict=True))
    _check_references(nodes, sources, aliases, links)
    title, summary, edition, date, licence, acknowledgements, fingerprint = texts
    return Guide(
        title,
        summary,
        edition,
        date,
        licence,
        acknowledgements,
        MappingProxyType(nodes),
        MappingProxyType(sources),
        MappingProxyType(aliases),
        MappingProxyType(links),
        tuple(map(_warning, warnings)),
        tuple(_string_lists(synonyms)),
        fingerprint,
        tuple(map(_edition, plain[13])),
    )


def _edition(row: Any) -> EditionChanges:
    _check(type(row) is list and len(row) == 4 and _STR.issuperset(map(type, row[:3])))
    number, date, note, changes = row
    _check(type(changes) is list and _LIST.issuperset(map(type, changes)))
    _check(_TRIPLE.issuperset(map(len, changes)))
    _check(_STR.issuperset(map(type, chain.from_iterable(changes))))
    _check(all(change[1] in CHANGE_KINDS for change in changes))
    return EditionChanges(number, date, note, tuple(starmap(Change, changes)))


def _check(condition: bool) -> None:
    if not condition:
        raise NotAGuideError("not a guide")


def _columns(value: Any, count: int) -> list[list[Any]]:
    """`value` as `count` lists of one length (the columns of a table)."""
    _check(type(value) is list and len(value) == count and _LIST.issuperset(map(type, value)))
    _check(len(set(map(len, value))) == 1)
    columns: list[list[Any]] = value
    return columns


def _strings(column: list[Any]) -> list[str]:
    _check(_STR.issuperset(map(type, column)))
    return column


def _string_lists(column: Iterable[Any]) -> list[tuple[str, ...]]:
    """Each list of strings in `column` as a tuple."""
    lists = list(column)
    _check(_LIST.issuperset(map(type, lists)))
    _check(_STR.issuperset(map(type, chain.from_iterable(lists))))
    return list(map(tuple, lists))


def _pair_lists(column: list[Any], sizes: frozenset[int] = _PAIR) -> list[list[list[str]]]:
    """`column` checked to hold lists of [string, string] pairs (or lists of `sizes`)."""
    _check(_LIST.issuperset(map(type, column)))
    pairs = list(chain.from_iterable(column))
    _check(_LIST.issuperset(map(type, pairs)) and sizes.issuperset(map(len, pairs)))
    _check(_STR.issuperset(map(type, chain.from_iterable(pairs))))
    return column


def _nodes(columns: list[list[Any]]) -> list[Node]:
    (ids, kinds, titles, summaries, bodies, sections, facts, bases) = columns[:8]
    (sources, aliases, parents, children, related, files, lines, reviewed, due) = columns[8:]
    _check(_STR_OR_NONE.issuperset(map(type, parents)))
    _check(_INT.issuperset(map(type, lines)) and min(lines, default=0) >= 0)
    return _build(
        Node,
        len(ids),
        _strings(ids),
        map(_KINDS.__getitem__, kinds),
        _strings(titles),
        _strings(summaries),
        _strings(bodies),
        [tuple(starmap(_section, s)) if s else () for s in _pair_lists(sections, _TRIPLE)],
        [tuple(map(tuple, f)) if f else () for f in _pair_lists(facts)],
        map(_BASES.__getitem__, bases),
        _string_lists(sources),
        _string_lists(aliases),
        parents,
        _string_lists(children),
        _string_lists(related),
        _strings(files),
        lines,
        _strings(reviewed),
        _strings(due),
    )


def _section(heading: str, body: str, basis: str) -> Section:
    return Section(heading, body, _SECTION_BASES[basis])  # KeyError: not a basis


def _sources(columns: list[list[Any]]) -> list[Source]:
    _check(_STR.issuperset(map(type, chain.from_iterable(columns))))
    return _build(Source, len(columns[0]), *columns)


def _slots(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of a frozen dataclass's slots, in field order."""
    if "__post_init__" in vars(cls) or not hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__} must stay a plain slotted dataclass: see _build")
    return tuple(getattr(cls, field.name).__set__ for field in fields(cls))


_SLOTS = {Node: _slots(Node), Source: _slots(Source)}


def _build(cls: type[_T], count: int, *columns: Iterable[Any]) -> list[_T]:
    """`count` of `cls`, one per row of `columns` (one per field, checked, all `count` long).

    Made as pickle makes them: without calling __init__ (which only sets each field), each
    slot set column by column by C code; twice as fast as calling the class for each row.
    """
    made: list[_T] = list(map(object.__new__, repeat(cls, count)))
    for setter, column in zip(_SLOTS[cls], columns, strict=True):
        deque(map(setter, made, column), maxlen=0)
    return made


def _warning(row: Any) -> Problem:
    _check(type(row) is list and len(row) == 4)
    file, line, message, severity = row
    _check(type(file) is str and type(line) is int and type(message) is str)
    return Problem(file, line, message, _SEVERITIES[severity])


def _check_references(
    nodes: dict[str, Node],
    sources: dict[str, Source],
    aliases: dict[str, str],
    links: dict[str, tuple[str, ...]],
) -> None:
    """Check every id refers to a node or a source, and the contents is a tree.

    The reader and the contents follow these ids without asking (a missing one would stop
    the app at every start, a loop would hang it), and the loader guarantees them: every
    parent exists and leads to home without a loop, and a node listed under another than
    its parent (an example under an area) has no children of its own, so the contents
    is the tree of parents, each node under its parent once, with a few leaves listed
    again elsewhere: never larger than the data.
    """
    home = nodes.get(HOME_ID)
    _check(home is not None and home.parent is None)
    known = set(nodes)
    everything = list(nodes.values())
    _check(known.issuperset(chain.from_iterable(n.related for n in everything)))
    _check(set(sources).issuperset(chain.from_iterable(n.sources for n in everything)))
    _check(known.issuperset(aliases.values()) and known.issuperset(links))
    _check(known.issuperset(chain.from_iterable(links.values())))
    placed = {HOME_ID}  # nodes whose chain of parents reaches home
    for node in everything:
        if node.parent in placed:  # nodes come in guide order: the parent came first
            placed.add(node.id)
            continue
        chain_up: list[str] = []
        current = node
        while current.id not in placed:
            chain_up.append(current.id)
            _check(current.parent is not None and len(chain_up) <= len(nodes))  # no loop
            current = nodes[current.parent]  # type: ignore[index]  # checked just above
        placed.update(chain_up)
    for node in everything:
        if node.children:
            own = set()
            for child in node.children:
                below = nodes[child]
                if below.parent == node.id:
                    _check(child not in own)  # twice: its part of the contents would be too
                    own.add(child)
                else:
                    _check(not below.children)
