"""What the criterion panel says about a criterion: prompts, sample, rule, and what helps."""

from __future__ import annotations

import html

from guide_app.guide.model import Guide, Node


def criterion_html(node: Node) -> str:
    """What would show a criterion, what to look at and how to rate it, as the panel shows it."""
    parts = []
    for section in node.sections:
        items = []
        for line in section.body.splitlines():
            label, _, rest = line.removeprefix("- ").strip().partition(":** ")
            if rest and label.startswith("**"):  # "- **Met:** text": the label in bold
                items.append(f"<li><b>{html.escape(label[2:])}:</b> {html.escape(rest)}</li>")
            elif line.strip():
                items.append(f"<li>{html.escape(line.removeprefix('- ').strip())}</li>")
        if items:
            parts.append(f"{html.escape(section.heading)}:<ul>{''.join(items)}</ul>")
    return "".join(parts)


def helps_html(guide: Guide, ids: tuple[str, ...]) -> str:
    """Links to the solutions and examples in `ids`, one per line, for a QLabel."""
    links = []
    for node_id in ids:
        node = guide.resolve(node_id)
        if node is not None:
            links.append(
                f'<a href="guide:{html.escape(node.id)}">{html.escape(node.title)}</a> '
                f"<span>({html.escape(node.kind.label.lower())})</span>"
            )
    return "<br>".join(links)
