"""Content load time: the shipped guide and synthetic ones of 1,000 and 10,000 nodes.

Two ways each: a fresh load (YAML parsed with CSafeLoader, every field and reference
checked), as on a first start or after the content changed; and from the compiled guide in
the cache folder, as on every later start. Medians of repeated in-process loads after a
warm-up. Run: `.venv/bin/python -m benchmarks.content_load [RUNS]`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import synthetic
from guide_app import paths
from guide_app.guide.compiled import load_guide_cached
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide

BUDGET_MS = 300  # 10,000 nodes


def timed(load: Callable[[], Guide], runs: int) -> tuple[list[float], Guide]:
    """Call `load` once to warm up, then `runs` times; return the times in ms and the guide."""
    guide = load()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        guide = load()
        times.append((time.perf_counter() - started) * 1000)
    return times, guide


def report(name: str, content: Path, cache: Path, runs: int) -> float:
    """Print fresh and compiled load times of `content`; return the slower median."""
    fresh, guide = timed(lambda: load_guide(content), runs)
    compiled, again = timed(lambda: load_guide_cached(content, cache), runs)
    assert again == guide
    files = sum(1 for _ in content.rglob("*.yaml"))
    size = sum(p.stat().st_size for p in content.rglob("*.yaml")) / 1e6
    print(f"{name}: {len(guide.nodes)} nodes, {files} files, {size:.1f} MB of YAML")
    for how, times in (("fresh (parse + check)", fresh), ("compiled (cache)", compiled)):
        print(
            f"  {how:22} median {statistics.median(times):7.1f} ms "
            f"(min {min(times):.1f}, max {max(times):.1f}, {runs} runs)"
        )
    return statistics.median(fresh)


def main() -> int:
    """Measure the shipped content, then synthetic content of 1,000 and 10,000 nodes."""
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        report("shipped guide", paths.content_dir(), root / "cache-real", runs * 2)
        for nodes in (1_000, 10_000):
            content = synthetic.write(root / f"content-{nodes}", nodes)
            fresh = report(f"synthetic {nodes:,}", content, root / f"cache-{nodes}", runs)
            if nodes == 10_000:
                verdict = "within" if fresh <= BUDGET_MS else "over"
                print(f"  fresh load {verdict} the {BUDGET_MS} ms budget for 10,000 nodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
