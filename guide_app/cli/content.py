"""The content commands: check-content and search."""

from __future__ import annotations

import sys
from pathlib import Path

from guide_app import paths


def search(query: str, kind: str | None, limit: int, content: str | None) -> int:
    """Print the best matches for `query`, one a line; say so when there are none."""
    from guide_app.guide.load.loader import load_guide
    from guide_app.guide.problems import ContentError
    from guide_app.guide.search.index import SearchIndex

    folder = Path(content) if content else paths.content_dir()
    try:
        guide = load_guide(folder)
    except ContentError as error:
        print(f"guide-app search: {error} (see: guide-app check-content {folder})", file=sys.stderr)
        return 1
    results = SearchIndex(guide).search(query, [kind] if kind else [], max(limit, 1))
    if not results:
        print(f"No results for {query!r}" + (f" in {kind}" if kind else ""))
    for result in results:
        snippet = " ".join(result.snippet_text.split())
        print(f"{result.target}\t{result.kind}\t{result.title}\t{snippet}")
    return 0


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
