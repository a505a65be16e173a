"""Links in Markdown text: finding `guide:` links, checking schemes, and reverse links."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from guide_app.guide.locations import GUIDE_SCHEME
from guide_app.guide.model import Node

# Inline Markdown links and images: [text](target) or ![alt](target "title"), and autolinks.
# find_links reads them in one pass with possessive patterns, so no text is scanned over and
# over: its time stays linear in the length of the text, however the brackets fall.
_LINK_TEXT = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*+")  # up to the first unescaped "]"
_TARGET_END = re.compile(r"[)\s>]")
_SPACES = re.compile(r"\s*+")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*+:[^>\s]*+)(>)?")
# A link reference definition, "[label]: target", which [text][label] links use.
_REFERENCE = re.compile(
    r"^ {0,3}\[(?:[^\]\\\n]|\\.)++\]:[ \t]*+\n?[ \t]*+<?([^\s>]++)>?[ \t]*+(?:$|[\"'(])", re.M
)
_QUOTES = "\"'"
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
    """Yield every inline link and image, then every autolink, then every reference target."""
    yield from _inline_links(text)
    for match in _AUTOLINK.finditer(text):
        if match.group(2):
            yield Link(match.group(1), match.start())
    for match in _REFERENCE.finditer(text):
        yield Link(match.group(1), match.start())


def _inline_links(text: str) -> Iterator[Link]:
    """Yield each `[text](target "title")`; a bracket that starts no link is passed over.

    Where a target's run of characters ends, the next ")" and the spaces after a target are
    remembered, since the brackets inside a failed link's target share them.
    """
    size = len(text)
    run = (-1, -1)  # (start, end) of the last target run
    close = last = -1  # the next ")" after it (size if none), and the last non-space before that
    spaces = (-1, -1)  # (from, to) of the last run of spaces after a target
    pos = 0
    while (found := _LINK_TEXT.search(text, pos)) is not None:
        bracket = found.end()
        if not text.startswith("](", bracket):
            if bracket >= size:
                return
            pos = bracket + 1
            continue
        first = _skip_spaces(text, bracket + 2)
        start = first + text.startswith("<", first)
        if not run[0] <= start <= run[1]:
            stop = _TARGET_END.search(text, start)
            run = (start, stop.start() if stop else size)
        end = run[1] + text.startswith(">", run[1])
        if close < end:
            close = text.find(")", end) % (size + 1)  # -1 (none) becomes size
            last = close - 1
            while last >= end and text[last].isspace():
                last -= 1
        if spaces[0] != end:
            spaces = (end, _skip_spaces(text, end))
        title = spaces[1]
        target = None
        if close < size and (title == close or _quoted(text, end < title, title, last)):
            target = text[start : run[1]]
        elif close < size and _quoted(text, first > bracket + 2, first, max(last, end - 1)):
            target = ""  # [text]( "title"): no target, only a title
        if target is None:
            pos = bracket + 2  # a link may still start inside this one's target or title
        else:
            yield Link(target, found.start(), image=bool(found.group(1)))
            pos = close + 1


def _quoted(text: str, spaced: bool, opening: int, closing: int) -> bool:
    """True if a title spaced from the target is quoted from `opening` to `closing`."""
    return spaced and opening < closing and text[opening] in _QUOTES and text[closing] in _QUOTES


def _skip_spaces(text: str, pos: int) -> int:
    found = _SPACES.match(text, pos)
    return found.end() if found else pos


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
