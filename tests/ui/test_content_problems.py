"""Bad content never opens half a guide: the window is refused and the problems are listed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from guide_app.guide.problems import ContentError
from guide_app.shell.app import create_main_window
from guide_app.ui.help.content_problems import ContentProblemsDialog
from tests.helpers.content_kit import write_content


def test_bad_content_refuses_the_window_and_the_dialog_lists_each_problem(
    qtbot: QtBot, tmp_path: Path, data_dir: Path
) -> None:
    root = write_content(
        tmp_path / "content", areas__beta="title: Beta\nsumary: S.\nbasis: editorial\n"
    )
    with pytest.raises(ContentError) as caught:
        create_main_window(root, data_dir)
    dialog = ContentProblemsDialog(str(root), caught.value.problems)
    qtbot.addWidget(dialog)
    text = dialog.listing.toPlainText()
    beta = root / "areas" / "beta.yaml"
    assert f"{beta}:2: unknown key 'sumary' in problem area (did you mean 'summary'?)" in text
    assert f"{beta}:1: problem area is missing the required key 'summary'" in text
    dialog.copy_to_clipboard()
    assert QGuiApplication.clipboard().text() == text
    assert not (data_dir / "settings.ini").exists()
