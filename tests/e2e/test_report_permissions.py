"""Exported reviews are readable by colleagues; the data folder's own files stay private."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from guide_app.export.review_pdf import write_pdf
from guide_app.guide.load.loader import load_guide
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status
from tests.helpers.repo import CONTENT

pytestmark = pytest.mark.e2e


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_exports_get_normal_permissions_and_the_data_folder_stays_private(
    qapp: QApplication, data_dir: Path, tmp_path: Path
) -> None:
    book = ReviewBook(data_dir)
    review = book.create("Spring review", "MSK physiotherapy", "2026-03-01")
    book.set_status(review.id, "people-see-a-consistent-clinician", Status.MET)
    book.save_dirty()
    shared = 0o666 & ~umask()
    out = tmp_path / "exports"
    out.mkdir()
    for fmt in ("md", "csv", "pdf"):  # as `guide-app export-review` writes them
        target = out / f"review.{fmt}"
        command = ["export-review", "Spring review", "--format", fmt, "--output", str(target)]
        done = subprocess.run(
            [sys.executable, "-m", "guide_app", *command],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "GUIDE_APP_DATA_DIR": str(data_dir)},
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert oct(mode(target)) == oct(shared), fmt
    guide = load_guide(CONTENT)
    write_pdf(book.get(review.id), guide, out / "from-the-window.pdf", data_dir=data_dir)
    assert oct(mode(out / "from-the-window.pdf")) == oct(shared)
    saved = [p for p in data_dir.rglob("*") if p.is_file() and p.suffix == ".json"]
    assert saved
    for path in saved:
        assert oct(mode(path)) == oct(0o600), path
