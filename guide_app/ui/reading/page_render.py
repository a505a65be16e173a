"""Turn a composed Page into HTML for QTextBrowser, with a style sheet taken from the palette."""

from __future__ import annotations

import html
import re
from dataclasses import replace

from PySide6.QtGui import QColor, QPalette, QTextDocument

from guide_app.guide.currency import long_date
from guide_app.guide.page import Block, Page

_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value  # content HTML is shown as text, never run
)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)
# The Markdown importer bakes the palette's link colour into each link; drop it so the page's own
# palette (light, dark, print) decides.
_FIXED_COLOUR = re.compile(r"\s?color:#[0-9a-fA-F]{6};")
# An image in content is shown as its description: the reader has nothing to load, and Qt would
# otherwise read any local file an image names (even one the content check missed).
_IMAGE = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\balt="([^"]*)"')


def markdown_to_html(text: str) -> str:
    """Render content Markdown to an HTML fragment with Qt's own parser (raw HTML disabled)."""
    document = QTextDocument()
    document.setMarkdown(text, _FEATURES)
    found = _BODY.search(document.toHtml())
    fragment = found.group(1) if found else ""
    fragment = _IMAGE.sub(_described, fragment)
    return _FIXED_COLOUR.sub("", fragment).replace('<span style="">', "<span>")


def _described(image: re.Match[str]) -> str:
    """An image's description (its alt text, already escaped), in place of the image."""
    alt = _ALT.search(image.group())
    return alt.group(1) if alt else ""


def page_html(page: Page, *, paper: bool = False, heading: str = "") -> str:
    """Return the page as one HTML document.

    On `paper` it leaves out the ways about the guide (breadcrumb, previous and next) and
    puts `heading` (our HTML) above the page.
    """
    parts = [
        markdown_to_html(b.text) if b.kind == "markdown" else b.text
        for b in page.blocks
        if b.on_paper or not paper
    ]
    return "<html><body>" + heading + "\n".join(parts) + "</body></html>"


LOCAL_HEADING = "Your team's local information — not part of the guide"


def local_information_html(text: str, changed: str) -> str:
    """The team's own note as a framed block: escaped, every line kept, never read as markup."""
    lines = "<br>".join(html.escape(line, quote=True) for line in text.strip("\r\n").splitlines())
    when = html.escape(long_date(changed[:10]), quote=True)
    return (
        '<table class="local" width="100%" border="1" cellspacing="0" cellpadding="8">'
        f'<tr><td><p class="local-heading">{html.escape(LOCAL_HEADING)}</p>'
        f'<p class="local-when">Last changed {when}. Edit &gt; Edit local information… '
        "(Ctrl+Shift+I) changes it.</p>"
        f'<p class="local-text">{lines}</p></td></tr></table>'
    )


def with_local_information(page: Page, text: str, changed: str) -> Page:
    """`page` with the team's note framed just below its title (at the top when it has none)."""
    block = Block("html", local_information_html(text, changed))
    blocks = list(page.blocks)
    at = next((n + 1 for n, b in enumerate(blocks) if b.text.startswith("<h1>")), 0)
    blocks.insert(at, block)
    return replace(page, blocks=tuple(blocks))


def _mix(front: QColor, back: QColor, weight: float) -> str:
    """Blend two colours (weight of `front` from 0 to 1) into a #rrggbb name."""
    mixed = QColor.fromRgbF(
        front.redF() * weight + back.redF() * (1 - weight),
        front.greenF() * weight + back.greenF() * (1 - weight),
        front.blueF() * weight + back.blueF() * (1 - weight),
    )
    return mixed.name()


def page_stylesheet(palette: QPalette) -> str:
    """Return the reader's CSS, derived from `palette` so it follows light, dark and print."""
    group = QPalette.ColorGroup.Active
    text_colour = palette.color(group, QPalette.ColorRole.Text)
    base_colour = palette.color(group, QPalette.ColorRole.Base)
    text = text_colour.name()
    muted = _mix(text_colour, base_colour, 0.62)
    panel = palette.color(group, QPalette.ColorRole.AlternateBase).name()
    link = palette.color(group, QPalette.ColorRole.Link).name()
    return f"""
        body {{ color: {text}; }}
        a {{ color: {link}; }}
        h1 {{ font-size: xx-large; font-weight: 600; margin-top: 2px; margin-bottom: 10px; }}
        h2 {{ font-size: x-large; font-weight: 600; margin-top: 22px; margin-bottom: 6px; }}
        h3 {{ font-size: large; font-weight: 600; margin-top: 16px; margin-bottom: 4px; }}
        p {{ margin-top: 6px; margin-bottom: 6px; }}
        p.crumb {{ color: {muted}; margin-bottom: 2px; }}
        p.edition {{ color: {muted}; font-size: small; margin-bottom: 8px; }}
        p.kind {{ color: {muted}; font-weight: 600; margin-bottom: 0px; }}
        p.meta {{ color: {muted}; }}
        p.basis {{ background-color: {panel}; margin-top: 4px; margin-bottom: 12px; }}
        p.label {{ font-weight: 600; margin-bottom: 0px; }}
        p.helps {{ margin-top: 2px; }}
        table.facts {{ margin-top: 6px; margin-bottom: 10px; }}
        table.facts th {{ text-align: left; padding-right: 16px; font-weight: 600; }}
        ol.sources li {{ margin-bottom: 6px; }}
        p.neighbours {{ color: {muted}; margin-top: 28px; }}
        table.local {{ border-color: {text}; border-style: solid; margin-top: 4px;
            margin-bottom: 14px; background-color: {panel}; }}
        p.local-heading {{ font-weight: 600; margin-top: 0px; }}
        p.local-when {{ color: {muted}; font-size: small; margin-top: 0px; }}
        p.local-text {{ white-space: pre-wrap; }}
    """
