"""Text the user typed or a file brought in, made safe at the door: no lone surrogates; escaped."""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_SURROGATE = re.compile("[\ud800-\udfff]")
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def clean(text: str) -> str:
    """`text` with each lone surrogate (which cannot be written as UTF-8) replaced by U+FFFD.

    A surrogate pair held as two code points (high then low) becomes the one character it
    stands for; anything else is returned unchanged, so clean text costs one regex scan.
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_data(value: Any) -> Any:
    """`value` (parsed JSON: dicts, lists, strings, numbers) with every string cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(str(k)): clean_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean_data(v) for v in value]
    return value


def escape_markdown(text: str) -> str:
    """`text` for a Markdown file, shown as typed: never a link, an image, HTML or a heading.

    Every ASCII punctuation character is backslash-escaped (CommonMark allows it for each of
    them), so `[x](javascript:…)`, `![](http://…)`, `<img>`, `&amp;`, a bare `www.` address,
    `# heading` and `1. list` all read as the characters typed.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
