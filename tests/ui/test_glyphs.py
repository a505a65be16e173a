"""Every character the app's own text uses has a glyph in an installed font (no empty boxes).

A symbol no installed font has is drawn as an empty box, without any warning; this reads every
string in guide_app/ and every content file and asks the fonts about each character.
"""

from __future__ import annotations

import ast
import unicodedata

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from tests.helpers.repo import REPO


def _characters() -> dict[str, str]:
    """Each non-ASCII printable character in the app's strings and content: where it is."""
    found: dict[str, str] = {}
    for path in sorted((REPO / "guide_app").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for char in node.value:
                    found.setdefault(char, f"{path.relative_to(REPO)}:{node.lineno}")
    for path in sorted((REPO / "content").rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for char in line:
                found.setdefault(char, f"{path.relative_to(REPO)}:{number}")
    return {
        char: where
        for char, where in found.items()
        if ord(char) > 127 and unicodedata.category(char)[0] not in "CZ"  # not controls/spaces
    }


def test_every_character_used_has_a_glyph(qapp: QApplication) -> None:
    chars = _characters()
    assert "…" in chars  # the scan reads the app's strings
    fonts = [QFontMetrics(QFont(family)) for family in QFontDatabase.families()]
    fonts.insert(0, QFontMetrics(qapp.font()))
    missing = {
        f"{char} U+{ord(char):04X} ({where})"
        for char, where in chars.items()
        if not any(font.inFontUcs4(ord(char)) for font in fonts)
    }
    assert not missing, f"no installed font draws: {sorted(missing)}"
