"""Links in Markdown text: finding `guide:` links, checking schemes, and reverse links."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from guide_app.guide.model import Node

GUIDE_SCHEME = "guide:"
# Inline Markdown links and images: [text](target) or ![alt](target "title").
_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
ALLOWED_SCHEMES = ("guide", "http", "https", "mailto")


@dataclass(frozen=True, slots=True)
class Link:
    """One link found in Markdown text and the character offset where it starts."""

    target: str
    offset: int
    image: bool = False

    @property
    def guide_id(self) -> str | None:
        """The node id for a `guide:` link, else None."""
        if self.target.startswith(GUIDE_SCHEME):
            return self.target[len(GUIDE_SCHEME) :]
        return None

    @property
    def scheme(self) -> str:
        """The link's scheme in lower case ('' for a relative link)."""
        head, sep, _ = self.target.partition(":")
        return head.lower() if sep and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", head) else ""


def find_links(text: str) -> Iterator[Link]:
    """Yield every inline link, image and autolink in `text`, in order."""
    for match in _LINK.finditer(text):
        yield Link(match.group(2), match.start(), image=bool(match.group(1)))
    for match in _AUTOLINK.finditer(text):
        yield Link(match.group(1), match.start())


def link_problem(link: Link) -> str | None:
    """Say what is wrong with a link that content may not hold, or None if it is fine."""
    if link.image:
        return f"images are not shown by the guide; remove ![...]({link.target})"
    if not link.target:
        return "a link has no target"
    scheme = link.scheme
    if not scheme:
        return f"link '{link.target}' has no scheme; link pages with guide:<id> or use https://"
    if scheme not in ALLOWED_SCHEMES:
        return (
            f"link '{link.target}' uses '{scheme}:'; only guide:, http(s): and mailto: are allowed"
        )
    return None


def guide_targets(texts: Iterable[str]) -> list[str]:
    """Return the node ids that `guide:` links in `texts` point at, in order, without repeats."""
    seen: dict[str, None] = {}
    for text in texts:
        for link in find_links(text):
            target = link.guide_id
            if target:
                seen.setdefault(target, None)
    return list(seen)


def reverse_links(
    nodes: Mapping[str, Node], aliases: Mapping[str, str]
) -> dict[str, tuple[str, ...]]:
    """Map each node id to the ids of nodes that link to it (by text or curated link), in order.

    The contents structure (parent and children) is not counted: "linked from" lists the other
    places in the guide that send a reader here.
    """
    incoming: dict[str, dict[str, None]] = {}
    for node in nodes.values():
        targets = [*guide_targets(node.texts()), *node.related]
        for target in targets:
            target_id = aliases.get(target, target)
            if target_id == node.id or target_id not in nodes:
                continue
            if target_id in node.children or target_id == node.parent:
                continue
            incoming.setdefault(target_id, {})[node.id] = None
    return {target: tuple(sources) for target, sources in incoming.items()}
