"""The words search marks: whole words and their forms, in snippets and pages, not in addresses."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache

_SNIPPET = 170  # characters around the first match
# Web addresses and e-mail addresses: never marked, even when a word searched is inside one.
ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)


def marks_regex(marks: tuple[str, ...]) -> str:
    """A regex (Python and PCRE alike) finding any of `marks` as whole words.

    A mark is a word or phrase: its words apart by spaces, the forms of one word apart by
    "|", and "*" after a beginning: "fit note|notes" finds "fit notes", "physiot*" finds
    "physiotherapy". Phrases allow any punctuation between their words.
    """
    ways = []
    for mark in sorted(marks, key=len, reverse=True):
        parts = []
        for word in mark.split():
            forms = sorted(word.split("|"), key=len, reverse=True)
            options = (re.escape(f.rstrip("*")) + (r"\w*" if f[-1:] == "*" else "") for f in forms)
            parts.append("(?:" + "|".join(options) + ")")
        ways.append(r"\W+".join(parts))
    return r"(?<!\w)(?:" + "|".join(ways) + r")(?!\w)"


@lru_cache(maxsize=1024)
def words_pattern(marks: tuple[str, ...]) -> re.Pattern[str]:
    """The compiled marks_regex of `marks`, any case."""
    return re.compile(marks_regex(marks), re.IGNORECASE)


def _outside_addresses(
    text: str, pattern: re.Pattern[str], start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in text[start:end] that are not inside a web or e-mail address."""
    end = len(text) if end is None else end
    addresses = []
    if "/" in text or "@" in text:  # an address may begin before `start`: look from further back
        lookback = max(0, start - 200)
        addresses = [m.span() for m in ADDRESS.finditer(text, lookback, min(len(text), end + 200))]
    for match in pattern.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in addresses):
            yield match


def snippet_html(body: str, marks: tuple[str, ...]) -> str:
    """A short extract of `body` around the first match, matched words in <b>, all escaped.

    Only whole words are marked, and none inside a web or e-mail address.
    """
    text = " ".join(body.split())
    if not marks:
        return html.escape(text[:_SNIPPET])
    pattern = words_pattern(marks)
    first_match = next(_outside_addresses(text, pattern), None)
    first = first_match.start() if first_match is not None else 0
    start = max(0, first - _SNIPPET // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + _SNIPPET)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start + _SNIPPET // 2 else end
    marked = []
    position = start
    for match in _outside_addresses(text, pattern, start, end):
        marked.append(html.escape(text[position : match.start()]))
        marked.append(f"<b>{html.escape(match.group(0))}</b>")
        position = match.end()
    marked.append(html.escape(text[position:end]))
    return ("… " if start else "") + "".join(marked) + (" …" if end < len(text) else "")
