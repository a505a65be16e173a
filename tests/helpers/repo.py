"""Where the repository under test and its shipped content are."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
CONTENT = REPO / "content"
