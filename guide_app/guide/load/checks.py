"""Checks across files: duplicate ids, broken links, unknown sources, wrong kinds and orphans."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from guide_app.guide.links import find_links, link_problem
from guide_app.guide.load.fields import FILE_SPECS, Spec, Type
from guide_app.guide.load.validate import Record
from guide_app.guide.model import RESERVED_IDS, Basis, Kind, Node, Source
from guide_app.guide.problems import Problem, Severity

# An HTML tag or comment in Markdown (autolinks such as <https://...> are not tags).
_RAW_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*+(?:[\s/][^<>]*+)?>|!--)")


def _markdown_keys(specs: list[Spec]) -> frozenset[str]:
    """The keys whose text is shown as Markdown (other text is shown exactly as written)."""
    keys: set[str] = set()
    for spec in specs:
        keys.update(f.name for f in spec.fields if f.type in (Type.TEXT, Type.LINES))
        keys.update(_markdown_keys([f.spec for f in spec.fields if f.spec is not None]))
    return frozenset(keys)


_MARKDOWN = _markdown_keys(list(FILE_SPECS.values()))


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference from one node to an id, and where in which file it is written."""

    file: str
    line: int
    owner: str
    target: str


@dataclass
class References:
    """Everything the loader saw that can only be checked once every file is read."""

    declared: list[tuple[Ref, bool]] = field(default_factory=list)  # (ref, is_alias)
    source_refs: list[Ref] = field(default_factory=list)
    links: list[Ref] = field(default_factory=list)
    expected: list[tuple[Ref, tuple[Kind, ...], str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source_lines: dict[str, tuple[str, int]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)  # ids whose file is missing or unreadable

    def declare(self, node: Node) -> None:
        """Note a content node's id and former ids, to find duplicates (overviews are generated)."""
        if node.kind is Kind.SECTION:
            return
        self.declared.append((Ref(node.file, node.line, node.id, node.id), False))
        for alias in node.aliases:
            self.declared.append((Ref(node.file, node.line, node.id, alias), True))

    def note_node(self, node: Node, record: Record, file: str) -> None:
        """Note the sources, links and basis of a node built from `record`."""
        for source in node.sources:
            self.source_refs.append(Ref(file, record.line_of("sources"), node.id, source))
        if node.basis in (Basis.PROJECT, Basis.GUIDANCE) and not node.sources:
            self.problems.append(
                Problem(
                    file,
                    record.line_of("basis"),
                    f"'{node.id}' has basis '{node.basis}' but no sources; cite them in 'sources'",
                )
            )
        for name, text in _texts(record):
            links = sorted(find_links(text), key=lambda link: link.offset)
            lines = record.lines_in(name, text, [link.offset for link in links])
            for link, line in zip(links, lines, strict=True):
                problem = link_problem(link)
                if problem is not None:
                    self.problems.append(Problem(file, line, problem))
                elif link.guide_id is not None:
                    self.links.append(Ref(file, line, node.id, link.guide_id))
            if name.partition("[")[0] in _MARKDOWN:
                self._raw_html(record, name, text, file)

    def _raw_html(self, record: Record, name: str, text: str, file: str) -> None:
        """Report HTML in Markdown: it is never run, but shown as text, which is not meant."""
        tags = list(_RAW_HTML.finditer(text))
        lines = record.lines_in(name, text, [tag.start() for tag in tags])
        for tag, line in zip(tags, lines, strict=True):
            shown = tag.group()[:40]
            self.problems.append(
                Problem(file, line, f"raw HTML {shown!r} is not allowed; use Markdown")
            )

    def expect(
        self,
        file: str,
        line: int,
        owner: str,
        targets: tuple[str, ...],
        kinds: tuple[Kind, ...],
        what: str,
    ) -> None:
        """Note that each of `targets` must be a node of one of `kinds`."""
        for target in targets:
            self.expected.append((Ref(file, line, owner, target), kinds, what))


def _texts(record: Record) -> list[tuple[str, str]]:
    """Return (name, text) for every text value of a record, list items included."""
    found: list[tuple[str, str]] = []
    for key, value in record.values.items():
        if isinstance(value, str):
            found.append((key, value))
        elif isinstance(value, tuple):
            found.extend((f"{key}[{i}]", v) for i, v in enumerate(value) if isinstance(v, str))
    return found


def check_ids(refs: References, out: list[Problem]) -> dict[str, str]:
    """Report duplicate and reserved ids; return the map of former ids to current ids."""
    first: dict[str, Ref] = {}
    aliases: dict[str, str] = {}
    for ref, is_alias in refs.declared:
        if ref.target in RESERVED_IDS:
            out.append(
                Problem(
                    ref.file,
                    ref.line,
                    f"the id '{ref.target}' is reserved for a part of the guide; choose another",
                )
            )
            continue
        earlier = first.get(ref.target)
        if earlier is not None and earlier != ref:
            what = "former id" if is_alias else "id"
            out.append(
                Problem(
                    ref.file,
                    ref.line,
                    f"duplicate {what} '{ref.target}' (already used "
                    f"at {earlier.file}:{earlier.line})",
                )
            )
            continue
        first[ref.target] = ref
        if is_alias:
            aliases[ref.target] = ref.owner
    return aliases


def check_references(
    nodes: Mapping[str, Node],
    sources: Mapping[str, Source],
    aliases: Mapping[str, str],
    refs: References,
    out: list[Problem],
) -> None:
    """Report unknown sources, broken links and references to the wrong kind of node."""
    out.extend(refs.problems)
    for ref in refs.source_refs:
        if ref.target not in sources:
            out.append(
                Problem(ref.file, ref.line, f"unknown source '{ref.target}' (not in sources.yaml)")
            )
    for ref in refs.links:
        if ref.target in nodes or ref.target in refs.unreadable:
            continue  # an unreadable file is reported once, not again at every link to it
        if ref.target in aliases:
            out.append(
                Problem(
                    ref.file,
                    ref.line,
                    f"link to former id '{ref.target}'; write guide:{aliases[ref.target]}",
                    Severity.WARNING,
                )
            )
            continue
        out.append(Problem(ref.file, ref.line, f"broken link: no page with id '{ref.target}'"))
    for ref, kinds, what in refs.expected:
        if ref.target in refs.unreadable:
            continue
        target = nodes.get(aliases.get(ref.target, ref.target))
        wanted = " or ".join(k.label.lower() for k in kinds)
        if target is None:
            out.append(
                Problem(
                    ref.file,
                    ref.line,
                    f"'{what}' names '{ref.target}', which does not exist (expected {_a(wanted)})",
                )
            )
        elif target.kind not in kinds:
            out.append(
                Problem(
                    ref.file,
                    ref.line,
                    f"'{what}' names '{ref.target}', "
                    f"{_a(target.kind.label.lower())}; expected {_a(wanted)}",
                )
            )


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def check_orphans(
    nodes: Mapping[str, Node], sources: Mapping[str, Source], refs: References, out: list[Problem]
) -> None:
    """Warn about examples nothing points to and sources nothing cites."""
    pointed = {ref.target for ref, _, _ in refs.expected} | {ref.target for ref in refs.links}
    for node in nodes.values():
        if node.kind is Kind.EXAMPLE and node.id not in pointed:
            out.append(
                Problem(
                    node.file,
                    1,
                    f"example '{node.id}' is not linked from any problem area or principle",
                    Severity.WARNING,
                )
            )
    cited = {ref.target for ref in refs.source_refs}
    for source_id in sources:
        if source_id not in cited:
            file, line = refs.source_lines.get(source_id, ("sources.yaml", 1))
            out.append(
                Problem(file, line, f"source '{source_id}' is not cited anywhere", Severity.WARNING)
            )
