"""A page's name where it stands alone, as a bookmark: an area's group page names its area."""

from __future__ import annotations

from guide_app.guide.model import Guide, Kind, Node


def standalone_title(guide: Guide, node: Node) -> str:
    """`node`'s title, readable out of the contents tree.

    Every problem area has pages called "Potential solutions", "Challenges and how to overcome
    them" and "Examples"; out of the tree they need their area's name, e.g. "Local knowledge:
    potential solutions". Every other page's title already says what it is.
    """
    area = guide.nodes.get(node.parent) if node.parent is not None else None
    if node.kind is not Kind.SECTION or area is None or area.kind is not Kind.AREA:
        return node.title
    return f"{area.title}: {_lower_first(node.title)}"


def _lower_first(title: str) -> str:
    """Lower the first letter of a title ("Examples"), but not of an acronym ("NHS …")."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title
