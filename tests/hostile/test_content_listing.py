"""An id listed twice in guide.yaml is reported with its file and line, never passed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide_app.guide.load.loader import check_content
from tests.helpers.repo import CONTENT


@pytest.mark.parametrize("folder", ["areas", "examples", "evidence"])
def test_an_id_listed_twice_is_reported(tmp_path: Path, folder: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    guide_file = content / "guide.yaml"
    lines = guide_file.read_text(encoding="utf-8").splitlines(keepends=True)
    key = lines.index(f"{folder}:\n")
    items = [n for n in range(key + 1, len(lines)) if lines[n].startswith("  - ")][:2]
    lines.insert(items[1] + 1, lines[items[0]])  # the first id again, as the third item
    guide_file.write_text("".join(lines), encoding="utf-8")
    repeated = lines[items[0]].strip().removeprefix("- ")
    _guide, problems = check_content(content)
    expected = f"'{folder}' lists '{repeated}' 2 times (items 1, 3); list each once"
    assert [str(p) for p in problems] == [f"{guide_file}:{key + 1}: {expected}"]
