"""The generated "What's changed" page: each edition's added, updated and removed pages."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from guide_app.guide.currency import long_date
from guide_app.guide.model import CHANGES_ID, Change, EditionChanges, Kind, Node

TITLE = "What's changed in this edition"
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")
_HEADINGS = (("added", "New pages"), ("updated", "Updated pages"), ("removed", "Removed pages"))


def _md(text: str) -> str:
    """`text` shown literally in Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def changes_node(
    editions: tuple[EditionChanges, ...],
    nodes: Mapping[str, Node],
    aliases: Mapping[str, str],
    parent: str,
) -> Node:
    """The page listing `editions` (the current one first); a page still in the guide is linked."""
    parts = []
    for edition in editions:
        dated = f" ({long_date(edition.date)})" if edition.date else ""
        parts.append(f"## Edition {_md(edition.number)}{dated}")
        if edition.note:
            parts.append(edition.note.strip())
        for kind, heading in _HEADINGS:
            lines = [_line(c, nodes, aliases) for c in edition.changes if c.change == kind]
            if lines:
                parts.append(f"### {heading}\n\n" + "\n".join(lines))
    current = editions[0].number if editions else ""
    summary = (
        f"What was added, updated or removed in edition {current} of the content, and why; "
        "then the same for earlier editions."
    )
    return Node(CHANGES_ID, Kind.SECTION, TITLE, summary, body="\n\n".join(parts), parent=parent)


def _line(change: Change, nodes: Mapping[str, Node], aliases: Mapping[str, str]) -> str:
    node = nodes.get(aliases.get(change.page, change.page))
    if change.change == "removed" or node is None:
        return f"- {_md(change.page)}: {_md(change.reason)}"
    return f"- [{_md(node.title)}](guide:{node.id}): {_md(change.reason)}"


def with_changes_page(nodes: dict[str, Node], page: Node) -> dict[str, Node]:
    """`nodes` with `page` last under its parent (in the contents and in reading order)."""
    parent = nodes[page.parent or ""]
    after = parent.children[-1] if parent.children else parent.id
    out: dict[str, Node] = {}
    for node_id, node in nodes.items():
        out[node_id] = node
        if node_id == parent.id:
            out[node_id] = replace(node, children=(*node.children, page.id))
        if node_id == after:
            out[page.id] = page
    return out
