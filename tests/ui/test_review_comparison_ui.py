"""The summary's comparison (and "Only what changed") is what the exports and print say too."""

from __future__ import annotations

from pathlib import Path

from guide_app.export.review_markdown import review_markdown
from guide_app.store.reviews import Status
from guide_app.ui.review.review_editor import SUMMARY
from guide_app.ui.window.main_window import MainWindow


def test_only_what_changed_is_shown_and_exported_as_on_screen(
    window: MainWindow, tmp_path: Path
) -> None:
    view = window.reviews
    autumn = view.create_review("Autumn review", date="01/09/2025")
    view.book.set_status(autumn.id, "crit-one", Status.NOT_MET)
    view.book.set_status(autumn.id, "crit-two", Status.MET)
    spring = view.create_review("Spring review", date="01/03/2026", start_from=autumn.id)
    view.book.set_status(spring.id, "crit-one", Status.MET)  # crit-two stays met
    editor = view.editor
    editor.tabs.setCurrentIndex(SUMMARY)
    assert editor.compare.currentData() == autumn.id  # started from it
    assert editor.changes_only.isEnabled()
    full = editor.summary.toPlainText()
    editor.changes_only.setChecked(True)
    only = editor.summary.toPlainText()
    assert only != full
    view.export(spring.id, "md", tmp_path / "only.md")
    book_now = view.book.get(spring.id), view.book.get(autumn.id)
    written = (tmp_path / "only.md").read_text(encoding="utf-8")
    assert written == review_markdown(
        book_now[0], window.guide, compared_with=book_now[1], changes_only=True
    )
    editor.compare.setCurrentIndex(0)  # Nothing: no comparison, and nothing to leave out
    assert not editor.changes_only.isEnabled()
    view.export(spring.id, "md", tmp_path / "plain.md")
    assert (tmp_path / "plain.md").read_text(encoding="utf-8") == review_markdown(
        book_now[0], window.guide
    )
