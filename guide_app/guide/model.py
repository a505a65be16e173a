"""The guide as frozen dataclasses: nodes in guide order, their sources, aliases and links."""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from guide_app.guide.problems import Problem

HOME_ID = "home"
SECTION_IDS = ("about", "areas", "principles", "examples", "evidence")
CHANGES_ID = "whats-changed"  # the generated page listing each edition's changes (changes.yaml)
RESERVED_IDS = frozenset((HOME_ID, *SECTION_IDS, CHANGES_ID))
CHANGE_KINDS = ("added", "updated", "removed")  # what can happen to a page in an edition


class Kind(enum.StrEnum):
    """What a node is; the reader and the contents tree show each kind its own way."""

    SECTION = "section"  # a generated overview: home, the five parts, an area's groups
    PAGE = "page"  # a page under About
    AREA = "area"  # a problem area
    ACTION = "action"  # a potential solution
    CHALLENGE = "challenge"  # a challenge with ideas for overcoming it
    EXAMPLE = "example"  # an example from a real service
    PRINCIPLE = "principle"  # a service principle
    CRITERION = "criterion"  # a statement assessed in a service review
    EVIDENCE = "evidence"  # clinical and policy context

    @property
    def label(self) -> str:
        """The kind as a reader would name it."""
        return _KIND_LABELS[self][0]

    def counted(self, n: int) -> str:
        """Say `n` of this kind, e.g. '6 problem areas' or '1 about page'."""
        singular, plural = _KIND_LABELS[self][1:]
        return f"{n} {singular if n == 1 else plural}"


_KIND_LABELS = {
    Kind.SECTION: ("Overview", "overview", "overviews"),
    Kind.PAGE: ("About", "about page", "about pages"),
    Kind.AREA: ("Problem area", "problem area", "problem areas"),
    Kind.ACTION: ("Potential solution", "potential solution", "potential solutions"),
    Kind.CHALLENGE: ("Challenge", "challenge", "challenges"),
    Kind.EXAMPLE: ("Example", "example", "examples"),
    Kind.PRINCIPLE: ("Service principle", "service principle", "service principles"),
    Kind.CRITERION: ("Review criterion", "review criterion", "review criteria"),
    Kind.EVIDENCE: ("Evidence and context", "evidence page", "evidence pages"),
}


class Basis(enum.StrEnum):
    """Where what a page says comes from."""

    PROJECT = "project"  # the 2018/19 Q Lab and Mind project
    GUIDANCE = "guidance"  # NICE or national policy
    RESEARCH = "research"  # published research: a trial, a study, a survey, an abstract
    EDITORIAL = "editorial"  # our own suggestion or wording

    @property
    def label(self) -> str:
        """A short line telling the reader what the basis means."""
        return _BASIS_LABELS[self]


_BASIS_LABELS = {
    Basis.PROJECT: "From the Q Lab and Mind project (2018/19), in our own words",
    Basis.GUIDANCE: "From national guidance or policy, in our own words",
    Basis.RESEARCH: "From published research (a study, trial, survey or abstract), in our own "
    "words; not guidance",
    Basis.EDITORIAL: "Our own editorial suggestion, not from the Q Lab guide",
}


@dataclass(frozen=True, slots=True)
class Section:
    """A headed part of a page's text (Markdown), with its own basis where it has one."""

    heading: str
    body: str
    basis: Basis | None = None  # e.g. "How to start" is our suggestion on a project page


@dataclass(frozen=True, slots=True)
class Node:
    """One navigable thing in the guide: a page, an item within a page, or an overview."""

    id: str
    kind: Kind
    title: str
    summary: str = ""
    body: str = ""
    sections: tuple[Section, ...] = ()
    facts: tuple[tuple[str, str], ...] = ()  # label and value, e.g. ("Where", "Oswestry")
    basis: Basis | None = None  # None only for generated overviews
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # the node it sits under in the contents (its home there)
    children: tuple[str, ...] = ()  # what the contents shows under it, in order
    related: tuple[str, ...] = ()  # curated links: what helps meet a principle or criterion
    file: str = ""
    line: int = 0
    reviewed: str = ""  # YYYY-MM-DD: when the page was last checked ("" for overviews)
    review_due: str = ""  # YYYY-MM-DD: when it is next due for review

    def overdue(self, today: str) -> bool:
        """Whether the page is past its review date on `today` (YYYY-MM-DD)."""
        return bool(self.review_due) and self.review_due < today

    def texts(self) -> Iterator[str]:
        """Yield every piece of Markdown the node holds."""
        yield self.summary
        yield self.body
        for section in self.sections:
            yield section.body


@dataclass(frozen=True, slots=True)
class Source:
    """A document the guide cites."""

    id: str
    title: str
    publisher: str
    date: str = ""
    url: str = ""
    checked: str = ""  # when our wording was last checked against our notes on it
    note: str = ""
    kind: str = ""  # guideline, policy, trial, study ... (fields.SOURCE_KINDS)
    accessed: str = ""  # when the page itself was last opened and read


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to one page in an edition (one of CHANGE_KINDS), and why."""

    page: str  # the page's id; a removed page's is the id it had
    change: str
    reason: str


@dataclass(frozen=True, slots=True)
class EditionChanges:
    """One edition of the content: its number, date, a note on it, and its pages' changes."""

    number: str
    date: str
    note: str = ""
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class Guide:
    """The whole guide, loaded and checked; nodes are in guide (reading) order."""

    title: str
    summary: str
    edition: str
    date: str
    licence: str
    acknowledgements: str
    nodes: Mapping[str, Node]
    sources: Mapping[str, Source]
    aliases: Mapping[str, str]  # former id -> current id
    linked_from: Mapping[str, tuple[str, ...]]
    warnings: tuple[Problem, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of words search treats as the same
    fingerprint: str = ""  # a hash of the content files read
    editions: tuple[EditionChanges, ...] = ()  # what changed in each edition, the current one first

    def change_of(self, node: Node) -> Change | None:
        """What happened to `node`'s page in the current edition (added or updated), if anything."""
        current = next((e for e in self.editions if e.number == self.edition), None)
        if current is None:
            return None
        for change in current.changes:
            if change.change != "removed" and self.resolve(change.page) is node:
                return change
        return None

    @property
    def home(self) -> Node:
        """The generated home page, parent of the five parts."""
        return self.nodes[HOME_ID]

    def resolve(self, node_id: str) -> Node | None:
        """Return the node with `node_id` or with it as a former id (alias), else None."""
        found = self.nodes.get(node_id)
        if found is None and node_id in self.aliases:
            found = self.nodes.get(self.aliases[node_id])
        return found

    def __getitem__(self, node_id: str) -> Node:
        found = self.resolve(node_id)
        if found is None:
            raise KeyError(node_id)
        return found

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and self.resolve(node_id) is not None

    def children(self, node: Node) -> list[Node]:
        """Return the nodes shown under `node` in the contents, in order."""
        return [self.nodes[c] for c in node.children]

    def ancestors(self, node: Node) -> list[Node]:
        """Return the chain from the home page down to `node`'s parent."""
        chain: list[Node] = []
        current = node.parent
        while current is not None:
            parent = self.nodes[current]
            chain.append(parent)
            current = parent.parent
        chain.reverse()
        return chain

    def page_of(self, node: Node) -> Node:
        """Return the node whose page shows `node`: a criterion is shown on its principle's."""
        if node.kind is Kind.CRITERION and node.parent is not None:
            return self.nodes[node.parent]
        return node

    @cached_property
    def reading_order(self) -> tuple[str, ...]:
        """Every page in guide order, for reading from one to the next.

        Criteria are parts of their principle's page, not pages of their own.
        """
        return tuple(n.id for n in self.nodes.values() if n.kind is not Kind.CRITERION)

    def neighbours(self, node: Node) -> tuple[Node | None, Node | None]:
        """The pages before and after `node`'s page in reading order."""
        order = self.reading_order
        position = order.index(self.page_of(node).id)
        before = self.nodes[order[position - 1]] if position > 0 else None
        after = self.nodes[order[position + 1]] if position + 1 < len(order) else None
        return before, after

    def counts(self) -> Counter[Kind]:
        """Count nodes of each kind, leaving out generated overviews."""
        return Counter(n.kind for n in self.nodes.values() if n.kind is not Kind.SECTION)
