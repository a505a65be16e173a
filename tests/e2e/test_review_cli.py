"""`guide-app reviews` and `guide-app export-review` as a user or a script runs them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from guide_app.export.review_csv import review_csv_bytes
from guide_app.export.review_markdown import review_markdown
from guide_app.guide.load.loader import load_guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Review, Status
from tests.helpers.content_kit import write_content
from tests.helpers.pdf_files import pdf_text
from tests.helpers.processes import TIMEOUT, export, run
from tests.helpers.repo import CONTENT

pytestmark = pytest.mark.e2e
LINE = re.compile(r"^[0-9a-f]{32}  (\d{4}-\d{2}-\d{2}|- {9})  [ \d]{2}\d%  \S.*$")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def saved(data_dir: Path) -> dict[str, Review]:
    """Reviews saved by the app's own store: two of them share a name."""
    book = ReviewBook(data_dir)
    spring = book.create("Spring review", "MSK physiotherapy", "2026-03-01", "AB, CD")
    book.set_status(spring.id, "people-see-a-consistent-clinician", Status.MET)
    book.set_status(spring.id, "people-feel-their-pain-is-believed", Status.NOT_APPLICABLE, "n/a")
    book.set_text(spring.id, "people-see-a-consistent-clinician", "notes", "Seen by <one> & only")
    book.add_action(
        spring.id, "people-feel-their-pain-is-believed", "Ask people", "AB", "2026-06-01"
    )
    autumn = book.create("Autumn review", date="2025-09-01")
    book.set_status(autumn.id, "people-see-a-consistent-clinician", Status.NOT_MET)
    twin_a = book.create("Twin", date="2024-01-01")
    twin_b = book.create("Twin", date="2023-01-01")
    undated = book.create("No date yet")
    book.save_dirty()
    found = {
        "spring": spring,
        "autumn": autumn,
        "twin_a": twin_a,
        "twin_b": twin_b,
        "undated": undated,
    }
    return {key: book.get(review.id) for key, review in found.items()}


def test_reviews_lists_newest_first_in_aligned_columns(
    data_dir: Path, saved: dict[str, Review]
) -> None:
    result = run("reviews", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    order = ("spring", "autumn", "twin_a", "twin_b", "undated")
    assert [line[:32] for line in lines] == [saved[key].id for key in order]
    for line in lines:
        assert LINE.match(line), line
    criteria = sum(n.kind.value == "criterion" for n in load_guide(CONTENT).nodes.values())
    percent = round(100 * 2 / criteria)  # 2 assessed (6% of the 31 criteria of edition 2026.2)
    assert lines[0] == f"{saved['spring'].id}  2026-03-01  {percent:>3}%  Spring review"
    assert lines[-1] == f"{saved['undated'].id}  -             0%  No date yet"


def test_reviews_counts_criteria_of_the_content_given(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    kit = write_content(tmp_path / "content")
    book = ReviewBook(data_dir)
    assert book.load() == []
    book.set_status(saved["spring"].id, "crit-one", Status.MET)
    book.save_dirty()
    result = run("reviews", "--content", str(kit), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert f"{saved['spring'].id}  2026-03-01   50%  Spring review" in result.stdout


def test_data_dir_option_before_or_after_the_command_wins(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    for args in (
        ("--data-dir", str(data_dir), "reviews"),
        ("reviews", "--data-dir", str(data_dir)),
    ):
        result = run(*args, data_dir=elsewhere)
        assert result.returncode == 0, result.stderr
        assert "Spring review" in result.stdout
    output = tmp_path / "out.md"
    result = run(
        "--data-dir",
        str(data_dir),
        "export-review",
        "Spring review",
        "--format",
        "md",
        "--output",
        str(output),
        data_dir=elsewhere,
    )
    assert result.returncode == 0, result.stderr
    assert output.is_file()


def test_no_reviews_is_said_plainly(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    result = run("reviews", data_dir=empty)
    assert (result.returncode, result.stdout) == (0, f"No saved reviews in {empty}\n")
    assert not empty.exists()  # only read, never created


def test_export_markdown_csv_and_pdf(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    guide = load_guide(CONTENT)
    spring, autumn = saved["spring"], saved["autumn"]
    md, csv, pdf = tmp_path / "r.md", tmp_path / "r.csv", tmp_path / "r.pdf"
    by_name = export("spring REVIEW", "md", md, "--compare", "Autumn review", data_dir=data_dir)
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stdout == f"Exported 'Spring review' to {md} (md)\n"
    assert md.read_text(encoding="utf-8") == review_markdown(spring, guide, compared_with=autumn)
    by_prefix = export(spring.id[:6], "csv", csv, data_dir=data_dir)
    assert by_prefix.returncode == 0, by_prefix.stderr
    assert csv.read_bytes() == review_csv_bytes(spring, guide)
    by_id = export(spring.id, "pdf", pdf, "--compare", autumn.id[:8], data_dir=data_dir)
    assert by_id.returncode == 0, by_id.stderr
    assert re.fullmatch(
        rf"Exported 'Spring review' to {re.escape(str(pdf))} \(pdf, \d+ pages\)\n", by_id.stdout
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Spring review — page 1 of" in text
    assert "Seen by <one> & only" in text
    assert "Comparison with Autumn review" in text


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("Winter review", "no review matches 'Winter review'"),
        ("Twin", "2 reviews match 'Twin'; use the review's id"),
        ("abc", "no review matches 'abc'"),  # too short to be an id prefix
    ],
)
def test_unknown_or_ambiguous_review_exits_1(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review], wanted: str, message: str
) -> None:
    output = tmp_path / "out.md"
    result = export(wanted, "md", output, data_dir=data_dir)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"guide-app export-review: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert not output.exists()


def test_changes_only_lists_what_changed_since_the_review_compared(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    guide = load_guide(CONTENT)
    spring, autumn = saved["spring"], saved["autumn"]
    md = tmp_path / "changes.md"
    result = export(
        "Spring review", "md", md, "--compare", "Autumn review", "--changes-only",
        data_dir=data_dir,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    wanted = review_markdown(spring, guide, compared_with=autumn, changes_only=True)
    assert md.read_text(encoding="utf-8") == wanted
    assert wanted != review_markdown(spring, guide, compared_with=autumn)
    alone = export("Spring review", "md", tmp_path / "o.md", "--changes-only", data_dir=data_dir)
    assert alone.returncode == 1
    assert "--compare" in alone.stderr
    assert not (tmp_path / "o.md").exists()


def test_unknown_earlier_review_exits_1(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    result = export(
        "Spring review", "md", tmp_path / "o.md", "--compare", "Nope", data_dir=data_dir
    )
    assert result.returncode == 1
    assert "no review matches 'Nope'" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "csv", "pdf"])
def test_unwritable_output_exits_1_naming_the_path(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review], fmt: str
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    output = blocker / f"review.{fmt}"
    result = export("Spring review", fmt, output, data_dir=data_dir)
    assert result.returncode == 1
    assert result.stderr == (
        f"guide-app export-review: cannot write {output}: {blocker} is not a folder\n"
    )
    assert blocker.read_text() == "in the way"


def test_commands_only_read_the_data_folder(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    folder = data_dir / "reviews"
    (folder / "0123456789abcdef0123456789abcdef.json").write_text('{"schema_version": 1, "na')
    (folder / f".{saved['spring'].id}.json.x1y2.tmp").write_text("a save under way")
    before = snapshot(data_dir)
    listed = run("reviews", data_dir=data_dir)
    assert listed.returncode == 0
    assert "0123456789abcdef0123456789abcdef.json is damaged" in listed.stderr
    exported = export("Spring review", "pdf", tmp_path / "r.pdf", data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    assert snapshot(data_dir) == before


def test_listing_and_text_exports_do_not_load_qt(
    tmp_path: Path, data_dir: Path, saved: dict[str, Review]
) -> None:
    script = (
        "import sys\n"
        "from guide_app.cli import main\n"
        f"assert main(['reviews', '--data-dir', {str(data_dir)!r}]) == 0\n"
        f"assert main(['export-review', 'Spring review', '--data-dir', {str(data_dir)!r},"
        f" '--format', 'csv', '--output', {str(tmp_path / 'r.csv')!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert result.returncode == 0, result.stderr
