"""Print how long loading the shipped content takes (median of repeated loads, in-process)."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from guide_app import paths
from guide_app.guide.loader import load_guide


def measure(content: Path, runs: int = 20) -> list[float]:
    """Load `content` `runs` times after one warm-up; return the times in milliseconds."""
    load_guide(content)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        load_guide(content)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    """Measure and print a one-line report."""
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else paths.content_dir()
    times = measure(content)
    nodes = len(load_guide(content).nodes)
    print(
        f"content load ({nodes} nodes, {content}): median {statistics.median(times):.2f} ms, "
        f"min {min(times):.2f} ms, max {max(times):.2f} ms over {len(times)} runs"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
