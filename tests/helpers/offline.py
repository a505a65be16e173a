"""The offline driver (tests/reliability/offline_driver.py): run it, and check what it left."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from guide_app.common.user_text import escape_markdown
from tests.helpers.processes import TIMEOUT, clean_env
from tests.helpers.repo import REPO

DRIVER = REPO / "tests" / "reliability" / "offline_driver.py"
CRITERION = "people-see-a-consistent-clinician"
NOTE = "Offline note: use with new referrals"  # what the driver types (offline_driver.py)
REVIEW_NOTE = "Checked at the team meeting, offline."


def run_offline_driver(data: Path, out: Path) -> dict[str, Any]:
    """Drive the real app (start, search, bookmark, review, export, quit) with sockets refused."""
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(data), str(out)],
        capture_output=True,
        text=True,
        env=clean_env(),
        timeout=TIMEOUT * 2,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("REPORT ")]
    assert lines, result.stdout + result.stderr
    report: dict[str, Any] = json.loads(lines[-1].removeprefix("REPORT "))
    assert report["failure"] == [], result.stderr
    assert report["status"] == 0, result.stderr
    return report


def check_exports(data: Path, out: Path, report: dict[str, Any]) -> None:
    """Every step of the offline driver left the right files behind."""
    steps = report["steps"]
    assert steps["search"]["results"] > 0
    assert steps["search"]["opened"] == steps["search"]["best"][0]  # Enter opened the best
    page = steps["bookmark"]["node"]
    assert page == steps["search"]["opened"]
    assert steps["bookmark"]["saved"] is True
    assert steps["review"] == {**steps["review"], "status": "met", "met": True, "saved": True}

    saved = json.loads((data / "bookmarks.json").read_text(encoding="utf-8"))
    assert [(b["node_id"], b["note"]) for b in saved["bookmarks"]] == [(page, NOTE)]
    review = json.loads((data / "reviews" / f"{steps['review']['id']}.json").read_text("utf-8"))
    assert review["name"] == "Offline review"
    assert review["assessments"][CRITERION]["status"] == "met"
    assert review["assessments"][CRITERION]["notes"] == REVIEW_NOTE

    assert (out / "review.pdf").read_bytes().startswith(b"%PDF-")
    assert (out / "page.pdf").read_bytes().startswith(b"%PDF-")
    markdown = (out / "review.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Service review: Offline review")
    assert escape_markdown(REVIEW_NOTE) in markdown  # user text is escaped in Markdown
    csv_rows = (out / "review.csv").read_text(encoding="utf-8-sig").splitlines()
    row = next(r for r in csv_rows if f",{CRITERION}," in r)
    assert ",Met," in row
    assert REVIEW_NOTE in row
    exported = json.loads((out / "bookmarks.json").read_text(encoding="utf-8"))
    assert [b["note"] for b in exported["bookmarks"]] == [NOTE]
    assert f"(guide:{escape_markdown(page)})" in (out / "bookmarks.md").read_text(encoding="utf-8")
