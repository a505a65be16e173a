"""Turn checked records into the guide's nodes: pages, areas with their groups, and overviews."""

from __future__ import annotations

from dataclasses import replace

from guide_app.guide.load.checks import References
from guide_app.guide.load.review_dates import review_dates
from guide_app.guide.load.validate import Record
from guide_app.guide.model import HOME_ID, SECTION_IDS, Basis, Kind, Node, Section
from guide_app.guide.problems import FileProblems

_EXAMPLE_FACTS = (("who", "Who"), ("where", "Where"), ("when", "When"))
_EXAMPLE_SECTIONS = (
    ("what_they_did", "What they did"),
    ("what_happened", "What happened"),
    ("learning", "What others can learn"),
)
_PRINCIPLE_SECTIONS = (
    ("means", "What it means for people (our reading)"),
    ("good_looks_like", "What good looks like"),
    ("gets_in_the_way", "What gets in the way"),
)
_AREA_GROUPS = (
    ("solutions", "Potential solutions", "Actions a team can take on {title}."),
    (
        "challenges",
        "Challenges and how to overcome them",
        "What may get in the way of work on {title}, with ideas for overcoming each challenge.",
    ),
    ("examples", "Examples", "Services that have worked on {title}."),
)
_HELPERS = (Kind.ACTION, Kind.EXAMPLE, Kind.EVIDENCE)  # what a principle's `helps` may name
_RATING = (("met", "Met"), ("partly_met", "Partly met"), ("not_met", "Not met"))
NOT_KNOWN = "What is not known"
HOW_TO_START = "How to start"


def _ids(records: tuple[Record, ...]) -> tuple[str, ...]:
    return tuple(r.get("id") for r in records if r.get("id"))


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {item}" for item in items)


class NodeMaker:
    """Collects nodes as records arrive, noting every reference for the cross-file checks."""

    def __init__(self, refs: References) -> None:
        self.nodes: dict[str, Node] = {}
        self.refs = refs
        self.review_dates = ("", "")  # the edition's: last reviewed, next due (guide.yaml)

    def add(self, node: Node) -> None:
        """Keep `node` (the first of a duplicated id wins; the duplicate is reported later)."""
        self.refs.declare(node)
        self.nodes.setdefault(node.id, node)

    def page(
        self,
        record: Record,
        log: FileProblems,
        kind: Kind,
        *,
        parent: str,
        node_id: str | None = None,
        title: str | None = None,
        sections: tuple[Section, ...] = (),
        facts: tuple[tuple[str, str], ...] = (),
        children: tuple[str, ...] = (),
        related: tuple[str, ...] = (),
        default_basis: Basis | None = None,
    ) -> Node | None:
        """Make a node from the fields every page shares, plus kind-specific parts."""
        node_id = node_id or record.get("id")
        if node_id is None:
            return None
        if record.get("not_known"):
            sections = (*sections, Section(NOT_KNOWN, record.get("not_known")))
        basis = record.get("basis")
        reviewed, due = review_dates(record, log, self.review_dates)
        node = Node(
            id=node_id,
            kind=kind,
            title=title or record.get("title", node_id),
            summary=record.get("summary", ""),
            body=record.get("body", ""),
            sections=sections,
            facts=facts,
            basis=Basis(basis) if basis else default_basis,
            sources=record.get("sources", ()),
            aliases=record.get("aliases", ()),
            parent=parent,
            children=children,
            related=related,
            file=log.name,
            line=record.line,
            reviewed=reviewed,
            review_due=due,
        )
        self.refs.note_node(node, record, log.name)
        self.add(node)
        return node

    def home_and_parts(self, meta: Record, log: FileProblems, order: dict[str, list[str]]) -> None:
        """Make the home page and the five parts' overviews from guide.yaml."""
        sections = meta.get("sections")
        parts = {s: sections.get(s) if sections is not None else None for s in SECTION_IDS}
        present = tuple(s for s in SECTION_IDS if parts[s] is not None)
        title, summary = meta.get("title", "Guide"), meta.get("summary", "")
        self.add(Node(HOME_ID, Kind.SECTION, title, summary, children=present, file=log.name))
        children = {
            "about": _ids(meta.get("about", ())),
            "areas": tuple(order["areas"]),
            "principles": (),  # filled in when principles.yaml is read
            "examples": tuple(order["examples"]),
            "evidence": tuple(order["evidence"]),
        }
        for part_id in present:
            part = parts[part_id]
            assert part is not None
            self.add(
                Node(
                    part_id,
                    Kind.SECTION,
                    part.get("title", part_id),
                    part.get("summary", ""),
                    parent=HOME_ID,
                    children=children[part_id],
                    file=log.name,
                    line=part.line,
                )
            )

    def area(self, area_id: str, record: Record, log: FileProblems) -> None:
        """Make a problem area, its groups, its actions and its challenges."""
        title = record.get("title", area_id)
        members = {
            "solutions": _ids(record.get("actions", ())),
            "challenges": _ids(record.get("challenges", ())),
            "examples": record.get("examples", ()),
        }
        groups = [(key, label, text) for key, label, text in _AREA_GROUPS if members[key]]
        self.page(
            record,
            log,
            Kind.AREA,
            parent="areas",
            node_id=area_id,
            children=tuple(f"{area_id}/{key}" for key, _, _ in groups),
        )
        for key, label, text in groups:
            self.add(
                Node(
                    f"{area_id}/{key}",
                    Kind.SECTION,
                    label,
                    text.format(title=title),
                    parent=area_id,
                    children=members[key],
                    file=log.name,
                    line=record.line,
                )
            )
        self.refs.expect(
            log.name,
            record.line_of("examples"),
            area_id,
            members["examples"],
            (Kind.EXAMPLE,),
            "examples",
        )
        for action in record.get("actions", ()):
            steps = action.get("how_to_start", ())
            start = (Section(HOW_TO_START, _bullets(steps), Basis.EDITORIAL),) if steps else ()
            self.page(action, log, Kind.ACTION, parent=f"{area_id}/solutions", sections=start)
        for challenge in record.get("challenges", ()):
            ideas = challenge.get("overcoming", ())
            section = (Section("How to overcome it", _bullets(ideas)),) if ideas else ()
            self.page(
                challenge, log, Kind.CHALLENGE, parent=f"{area_id}/challenges", sections=section
            )

    def principles(self, record: Record, log: FileProblems) -> None:
        """Make the service principles and their review criteria."""
        ids: list[str] = []
        for item in record.get("principles", ()):
            criteria = item.get("criteria", ())
            sections = tuple(Section(h, item.get(k)) for k, h in _PRINCIPLE_SECTIONS if item.get(k))
            node = self.page(
                item,
                log,
                Kind.PRINCIPLE,
                parent="principles",
                sections=sections,
                related=item.get("helps", ()),
                children=_ids(criteria),
            )
            if node is None:
                continue
            ids.append(node.id)
            self.refs.expect(
                log.name, item.line_of("helps"), node.id, node.related, _HELPERS, "helps"
            )
            for criterion in criteria:
                self._criterion(criterion, log, node, record.get("rating"))
        if "principles" in self.nodes:
            self.nodes["principles"] = replace(self.nodes["principles"], children=tuple(ids))

    def _criterion(
        self, record: Record, log: FileProblems, principle: Node, rating: Record | None
    ) -> None:
        prompts = record.get("evidence", ())
        section: tuple[Section, ...] = ()
        if prompts:
            section = (Section("What would show it", _bullets(prompts)),)
        if record.get("sample"):
            section += (Section("What to look at", record.get("sample")),)
        rules = [
            f"- **{label}:** {' '.join(text.split())}"
            for key, label in _RATING
            for text in [record.get(key) or (rating.get(key, "") if rating else "")]
            if text
        ]
        if rules:
            section += (Section("How to rate it", "\n".join(rules)),)
        node = self.page(
            record,
            log,
            Kind.CRITERION,
            parent=principle.id,
            title=record.get("text"),
            sections=section,
            related=record.get("helps", ()),
            default_basis=Basis.EDITORIAL,
        )
        if node is not None:
            self.refs.expect(
                log.name, record.line_of("helps"), node.id, node.related, _HELPERS, "helps"
            )

    def standalone(
        self, folder: str, node_id: str, kind: Kind, record: Record, log: FileProblems
    ) -> None:
        """Make an example or evidence page from its own file."""
        facts = tuple((label, record.get(key)) for key, label in _EXAMPLE_FACTS if record.get(key))
        sections = tuple(
            Section(heading, record.get(key))
            for key, heading in _EXAMPLE_SECTIONS
            if record.get(key)
        )
        self.page(record, log, kind, parent=folder, node_id=node_id, facts=facts, sections=sections)

    def finish(self) -> dict[str, Node]:
        """Drop empty parts and unreadable children; return the nodes in guide order."""
        home = self.nodes.get(HOME_ID)
        if home is not None:
            empty = [c for c in home.children if not self.nodes[c].children]
            for part in empty:
                del self.nodes[part]
            kept = tuple(c for c in home.children if c not in empty)
            self.nodes[HOME_ID] = replace(home, children=kept)
        for node_id, node in list(self.nodes.items()):
            kept = tuple(c for c in node.children if c in self.nodes)
            if kept != node.children:
                self.nodes[node_id] = replace(node, children=kept)
        return _in_guide_order(self.nodes)


def _in_guide_order(nodes: dict[str, Node]) -> dict[str, Node]:
    """Order nodes depth-first from home, each under its own parent; stragglers go last."""
    ordered: dict[str, Node] = {}
    stack = [HOME_ID] if HOME_ID in nodes else []
    while stack:
        node = nodes[stack.pop()]
        if node.id in ordered:
            continue
        ordered[node.id] = node
        own = [c for c in node.children if nodes[c].parent == node.id]
        stack.extend(reversed(own))
    for node_id, node in nodes.items():
        ordered.setdefault(node_id, node)
    return ordered
