"""Compose the reader's page for a node: breadcrumb, title, basis, text, links and sources."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

from guide_app.guide.currency import long_date, overdue_summary, review_text
from guide_app.guide.currency import today as today_here
from guide_app.guide.model import CHANGES_ID, Guide, Kind, Node

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")
_KIND_NAMES = {  # how each kind of source (fields.SOURCE_KINDS) is named to a reader
    "guideline": "clinical guideline",
    "policy": "policy or official report",
    "trial": "randomised trial",
    "study": "published study",
    "review": "review of studies",
    "abstract": "conference abstract",
    "project": "Q Lab and Mind project material",
    "service": "service information",
    "professional": "professional body",
    "news": "news item",
    "supplier": "supplier's page",
    "tool": "questionnaire or tool",
}


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of a page: our own HTML, or Markdown from the content (rendered with HTML off)."""

    kind: Literal["html", "markdown"]
    text: str
    on_paper: bool = True  # False for ways about the guide on screen: breadcrumb, previous/next


@dataclass(frozen=True, slots=True)
class Edition:
    """The guide a page belongs to, named on a printed copy: title, edition, its ISO date."""

    guide: str
    number: str
    date: str


@dataclass(frozen=True)
class Page:
    """A page ready for the reader: its node, a title for the window, and its blocks."""

    node_id: str
    title: str
    blocks: tuple[Block, ...]
    anchor: str = ""  # where to scroll to, e.g. a criterion on its principle's page
    edition: Edition | None = None  # named on paper


def esc(text: str) -> str:
    """Escape text for our HTML."""
    return html.escape(text, quote=True)


def md_escape(text: str) -> str:
    """Escape text so Markdown shows it literally (titles inside generated lists)."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _sentence(text: str) -> str:
    """End `text` with a full stop unless it already ends with punctuation."""
    bare = text.removesuffix("</b>")
    return text if bare[-1:] in ".?!" else f"{text}."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def compose(guide: Guide, node: Node, today: str | None = None) -> Page:
    """Return the page that shows `node` (a criterion is shown on its principle's page).

    `today` (YYYY-MM-DD, this computer's date by default) says whether a page is past its
    review date: the page then says so plainly, and is still shown in full.
    """
    on = today or today_here()
    page_node = guide.page_of(node)
    parts = _PageParts()
    parts.crumbs(guide, page_node)
    if page_node.kind is not Kind.SECTION:
        parts.html(f'<p class="kind">{esc(page_node.kind.label)}</p>')
    parts.html(f"<h1>{esc(page_node.title)}</h1>")
    if page_node.parent is None:
        made = f"Edition {esc(guide.edition)}, {esc(long_date(guide.date))}"
        if CHANGES_ID in guide.nodes:
            made += f' (<a href="guide:{CHANGES_ID}">what\'s changed in this edition</a>)'
        parts.html(f'<p class="meta">{made}. {esc(overdue_summary(guide, on))}</p>')
    parts.basis(guide, page_node, on)
    if page_node.summary:
        parts.html('<div class="summary">')
        parts.markdown(page_node.summary)
        parts.html("</div>")
    if page_node.facts:
        rows = "".join(
            f"<tr><th>{esc(label)}</th><td>{esc(value)}</td></tr>"
            for label, value in page_node.facts
        )
        parts.html(f'<table class="facts">{rows}</table>')
    if page_node.body:
        parts.markdown(page_node.body)
    for section in page_node.sections:
        parts.html(f"<h2>{esc(section.heading)}</h2>")
        if section.basis is not None and section.basis is not page_node.basis:
            parts.html(f'<p class="basis"><b>Basis:</b> {esc(section.basis.label)}.</p>')
        parts.markdown(section.body)
    parts.related(guide, page_node)
    parts.children(guide, page_node)
    parts.linked_from(guide, page_node)
    parts.sources(guide, page_node)
    parts.neighbours(guide, page_node)
    anchor = node.id if node is not page_node else ""
    edition = Edition(guide.title, guide.edition, guide.date)
    return Page(page_node.id, page_node.title, tuple(parts.blocks), anchor, edition)


class _PageParts:
    """Builds a page's blocks in order."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def html(self, text: str, *, on_paper: bool = True) -> None:
        if text:
            self.blocks.append(Block("html", text, on_paper))

    def markdown(self, text: str) -> None:
        if text.strip():
            self.blocks.append(Block("markdown", text))

    def link_list(self, guide: Guide, heading: str, nodes: list[Node], *, level: int = 2) -> None:
        if not nodes:
            return
        self.html(f"<h{level}>{esc(heading)}</h{level}>")
        lines = []
        for item in nodes:
            summary = f" — {_one_line(item.summary)}" if item.summary else ""
            lines.append(f"- [{md_escape(item.title)}](guide:{item.id}){summary}")
        self.markdown("\n".join(lines))

    def crumbs(self, guide: Guide, node: Node) -> None:
        chain = guide.ancestors(node)
        if not chain:
            return
        links = " › ".join(
            f'<a href="guide:{esc(a.id)}">{esc("Home" if a.parent is None else a.title)}</a>'
            for a in chain
        )
        self.html(f'<p class="crumb">{links}</p>', on_paper=False)

    def basis(self, guide: Guide, node: Node, on: str) -> None:
        if node.basis is None:
            return
        text = f"<b>Basis:</b> {esc(node.basis.label)}."
        cited = [guide.sources[s] for s in node.sources if s in guide.sources]
        if cited:
            refs = ", ".join(f'<a href="#src-{esc(s.id)}">{n}</a>' for n, s in enumerate(cited, 1))
            text += f" <b>Sources:</b> {refs} (listed at the end of the page)."
        dates, overdue = review_text(node, on)
        if dates:
            text += f"<br>{esc(dates)}"
        change = guide.change_of(node)
        if change is not None:  # added or updated in this edition: said in words, with why
            mark = "New" if change.change == "added" else "Updated"
            text += (
                f"<br><b>{mark} in {esc(guide.edition)}:</b> {esc(change.reason)} "
                f'(<a href="guide:{CHANGES_ID}">what\'s changed</a>)'
            )
        self.html(f'<p class="basis">{text}</p>')
        if overdue:
            self.html(
                f'<p class="basis"><b>⚠ Past its review date</b> ({esc(long_date(node.review_due))}'
                "). What it says may have changed since: check its sources, and current "
                "guidance, before you rely on it.</p>"
            )

    def children(self, guide: Guide, node: Node) -> None:
        kids = guide.children(node)
        if node.kind is Kind.PRINCIPLE:
            self._criteria(guide, kids)
            return
        if node.kind is Kind.AREA:  # an area lists each group's items under the group's title
            for group in kids:
                self.link_list(guide, group.title, guide.children(group))
            return
        self.link_list(guide, "In this part" if node.parent is None else "Contents", kids)

    def _criteria(self, guide: Guide, criteria: list[Node]) -> None:
        if not criteria:
            return
        self.html("<h2>Review criteria</h2>")
        for criterion in criteria:
            self.html(f'<h3><a name="{esc(criterion.id)}"></a>{esc(criterion.title)}</h3>')
            for section in criterion.sections:
                self.html(f'<p class="label">{esc(section.heading)}</p>')
                self.markdown(section.body)
            helps = [guide.nodes[r] for r in criterion.related if r in guide.nodes]
            if helps:
                links = "; ".join(f'<a href="guide:{esc(h.id)}">{esc(h.title)}</a>' for h in helps)
                self.html(f'<p class="helps"><b>Helps:</b> {links}</p>')

    def related(self, guide: Guide, node: Node) -> None:
        items = [guide.nodes[r] for r in node.related if r in guide.nodes]
        self.link_list(guide, "What helps", items)

    def linked_from(self, guide: Guide, node: Node) -> None:
        incoming: dict[str, Node] = {}
        for source_id in guide.linked_from.get(node.id, ()):
            page = guide.page_of(guide.nodes[source_id])
            if page.id != node.id:
                incoming.setdefault(page.id, page)
        self.link_list(guide, "Linked from", list(incoming.values()))

    def neighbours(self, guide: Guide, node: Node) -> None:
        before, after = guide.neighbours(node)
        links = []
        if before is not None:
            links.append(f'Previous: <a href="guide:{esc(before.id)}">{esc(before.title)}</a>')
        if after is not None:
            links.append(f'Next: <a href="guide:{esc(after.id)}">{esc(after.title)}</a>')
        if links:
            self.html(f'<p class="neighbours">{" · ".join(links)}</p>', on_paper=False)

    def sources(self, guide: Guide, node: Node) -> None:
        cited = [guide.sources[s] for s in node.sources if s in guide.sources]
        if not cited:
            return
        items = []
        for source in cited:
            bits = [f"<b>{esc(source.title)}</b>", esc(source.publisher)]
            if source.date:
                bits.append(esc(source.date))
            if source.kind:
                bits.append(esc(_KIND_NAMES.get(source.kind, source.kind)).capitalize())
            line = " ".join(_sentence(bit) for bit in bits)
            if source.url:
                line += f' <a href="{esc(source.url)}">{esc(source.url)}</a>'
            dates = []
            if source.accessed:
                dates.append(f"page read {esc(source.accessed)}")
            if source.checked:
                dates.append(f"our wording checked against our notes {esc(source.checked)}")
            if dates:
                line += f" ({'; '.join(dates)})"
            items.append(f'<li><a name="src-{esc(source.id)}"></a>{line}</li>')
        self.html(f'<h2>Sources</h2><ol class="sources">{"".join(items)}</ol>')
