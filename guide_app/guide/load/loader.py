"""Load content/ (YAML) into a checked Guide, collecting every problem as file:line: message."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import MappingProxyType
from typing import TypeGuard

from guide_app.guide.changes_page import changes_node, with_changes_page
from guide_app.guide.links import reverse_links
from guide_app.guide.load import checks
from guide_app.guide.load.changes import read_editions
from guide_app.guide.load.fields import (
    AREA_FILE,
    CHANGES_FILE,
    EVIDENCE_FILE,
    EXAMPLE_FILE,
    GUIDE_FILE,
    PRINCIPLES_FILE,
    SOURCES_FILE,
    SYNONYMS_FILE,
    Spec,
)
from guide_app.guide.load.nodes import NodeMaker
from guide_app.guide.load.review_dates import edition_review_dates
from guide_app.guide.load.validate import Record, read_record
from guide_app.guide.load.yamlfile import read_yaml
from guide_app.guide.model import EditionChanges, Guide, Kind, Node, Source
from guide_app.guide.problems import ContentError, FileProblems, Problem, Severity

_FOLDERS = {"areas": AREA_FILE, "examples": EXAMPLE_FILE, "evidence": EVIDENCE_FILE}


def load_guide(content_dir: Path) -> Guide:
    """Load and check the guide in `content_dir`; raise ContentError if it has any error.

    Warnings (such as a source nobody cites) do not stop loading; they are kept in
    `Guide.warnings`.
    """
    guide, problems = check_content(content_dir)
    if guide is None or any(p.severity is Severity.ERROR for p in problems):
        raise ContentError(problems)
    return guide


def check_content(content_dir: Path) -> tuple[Guide | None, list[Problem]]:
    """Load `content_dir` and return the guide (None if it could not be built) and all problems."""
    problems: list[Problem] = []
    if not content_dir.is_dir():
        problems.append(Problem(str(content_dir), 1, "no content folder here"))
        return None, problems
    builder = _Builder(content_dir, problems)
    guide = builder.build()
    return guide, sorted(problems)


class _Builder:
    """Reads each file once and turns its records into nodes, noting references to check."""

    def __init__(self, root: Path, problems: list[Problem]) -> None:
        self.root = root
        self.problems = problems
        self.refs = checks.References()
        self.seen = hashlib.blake2b(digest_size=12)  # of every file read: names the search cache
        self.maker = NodeMaker(self.refs)

    def _read(self, path: Path, spec: Spec) -> tuple[Record | None, FileProblems]:
        log = FileProblems(path, self.problems)
        if not path.is_file():
            log.error(1, "file is missing")
            return None, log
        located = read_yaml(path, log, self.seen)
        if located is None:
            return None, log
        return read_record(located, spec, log), log

    def build(self) -> Guide | None:
        sources = self._sources()
        meta, meta_log = self._read(self.root / "guide.yaml", GUIDE_FILE)
        if meta is None:
            return None
        order = {folder: list(meta.get(folder, ())) for folder in _FOLDERS}
        for folder in _FOLDERS:
            self._check_listing(folder, order[folder], meta, meta_log)
        self.maker.review_dates = edition_review_dates(meta, meta_log)
        self.maker.home_and_parts(meta, meta_log, order)
        for record in meta.get("about", ()):
            self.maker.page(record, meta_log, Kind.PAGE, parent="about")
        for area_id in order["areas"]:
            area, log = self._read(self.root / "areas" / f"{area_id}.yaml", AREA_FILE)
            if self._readable(area, area_id):
                self.maker.area(area_id, area, log)
        principles, log = self._read(self.root / "principles.yaml", PRINCIPLES_FILE)
        if principles is not None:
            self.maker.principles(principles, log)
        for folder, kind in (("examples", Kind.EXAMPLE), ("evidence", Kind.EVIDENCE)):
            for node_id in order[folder]:
                record, log = self._read(self.root / folder / f"{node_id}.yaml", _FOLDERS[folder])
                if self._readable(record, node_id):
                    self.maker.standalone(folder, node_id, kind, record, log)
        nodes = self.maker.finish()
        aliases = checks.check_ids(self.refs, self.problems)
        linked_from = reverse_links(nodes, aliases)  # not from the generated changes page
        current = (meta.get("edition", ""), meta.get("date", ""))
        editions = self._editions(nodes, aliases, current)
        if editions and "about" in nodes:  # before the links are checked: pages may link to it
            nodes = with_changes_page(nodes, changes_node(editions, nodes, aliases, "about"))
        checks.check_references(nodes, sources, aliases, self.refs, self.problems)
        checks.check_orphans(nodes, sources, self.refs, self.problems)
        return Guide(
            title=meta.get("title", ""),
            summary=meta.get("summary", ""),
            edition=meta.get("edition", ""),
            date=meta.get("date", ""),
            licence=meta.get("licence", ""),
            acknowledgements=meta.get("acknowledgements", ""),
            nodes=MappingProxyType(nodes),
            sources=MappingProxyType(sources),
            aliases=MappingProxyType(aliases),
            linked_from=MappingProxyType(linked_from),
            warnings=tuple(p for p in self.problems if p.severity is Severity.WARNING),
            synonyms=self._synonyms(),
            fingerprint=self.seen.hexdigest(),
            editions=editions,
        )

    def _editions(
        self, nodes: dict[str, Node], aliases: dict[str, str], current: tuple[str, str]
    ) -> tuple[EditionChanges, ...]:
        """Read changes.yaml if there is one (the guide loads without it, and shows no changes)."""
        path = self.root / "changes.yaml"
        if not path.exists():
            return ()
        record, log = self._read(path, CHANGES_FILE)
        return read_editions(record, log, nodes, aliases, current) if record is not None else ()

    def _synonyms(self) -> tuple[tuple[str, ...], ...]:
        """Read synonyms.yaml if there is one (search works without it)."""
        path = self.root / "synonyms.yaml"
        if not path.exists():
            return ()
        record, _log = self._read(path, SYNONYMS_FILE)
        return record.get("synonyms", ()) if record is not None else ()

    def _readable(self, record: Record | None, node_id: str) -> TypeGuard[Record]:
        """Note an unreadable file, so links to its page are not reported again."""
        if record is None:
            self.refs.unreadable.add(node_id)
            return False
        return True

    def _sources(self) -> dict[str, Source]:
        record, log = self._read(self.root / "sources.yaml", SOURCES_FILE)
        sources: dict[str, Source] = {}
        for item in record.get("sources", ()) if record else ():
            source_id = item.get("id")
            if source_id is None:
                continue
            if source_id in sources:
                log.error(item.line_of("id"), f"duplicate source id '{source_id}'")
                continue
            fields = {k: v for k, v in item.values.items() if k != "id"}
            if "title" in fields and "publisher" in fields:
                sources[source_id] = Source(id=source_id, **fields)
            self.refs.source_lines[source_id] = (log.name, item.line_of("id"))
        return sources

    def _check_listing(
        self, folder: str, listed: list[str], meta: Record, log: FileProblems
    ) -> None:
        """Every file in the folder is listed in guide.yaml once, and every listed id has a file."""
        present = {p.stem for p in (self.root / folder).glob("*.yaml")}
        positions: dict[str, list[int]] = {}
        for n, node_id in enumerate(listed, start=1):
            positions.setdefault(node_id, []).append(n)
        for node_id, where in positions.items():
            if len(where) > 1:
                items = ", ".join(str(n) for n in where)
                log.error(
                    meta.line_of(folder),
                    f"'{folder}' lists '{node_id}' {len(where)} times (items {items}); "
                    "list each once",
                )
        listed[:] = list(positions)  # each once, where it first appears
        for missing in [i for i in listed if i not in present]:
            log.error(
                meta.line_of(folder),
                f"'{folder}' lists '{missing}' but there is no {folder}/{missing}.yaml",
            )
        for extra in sorted(present - set(listed)):
            FileProblems(self.root / folder / f"{extra}.yaml", self.problems).error(
                1, f"not listed under '{folder}' in guide.yaml, so it would never be shown"
            )
        for path in sorted((self.root / folder).glob("*.yml")):
            FileProblems(path, self.problems).error(1, "content files end in .yaml, not .yml")
        self.refs.unreadable.update(i for i in listed if i not in present)
        listed[:] = [i for i in listed if i in present]
