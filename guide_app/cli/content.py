"""The content command: check-content."""

from __future__ import annotations

import sys
from pathlib import Path


def check_content(content_dir: Path) -> int:
    """Print every problem in `content_dir` and return 1, or print a summary and return 0."""
    from guide_app.guide.load.loader import check_content as check

    guide, problems = check(content_dir)
    for problem in problems:
        print(problem)
    if problems or guide is None:
        print(f"{len(problems)} problem(s) in {content_dir}", file=sys.stderr)
        return 1
    counts = guide.counts()
    parts = ", ".join(kind.counted(n) for kind, n in counts.items())
    print(
        f"{content_dir}: OK, {sum(counts.values())} nodes ({parts}), {len(guide.sources)} sources"
    )
    return 0
