"""Geometry, splitter sizes and the last page come back after a restart on the same data dir."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.helpers.fixtures import MakeWindow, show_active


def test_last_page_geometry_and_splitter_are_restored(
    qtbot: QtBot, make_window: MakeWindow, kit_content: Path, data_dir: Path
) -> None:
    first = make_window(kit_content)
    show_active(qtbot, first)
    first.resize(700, 500)
    first.splitter.setSizes([220, 480])
    first.open("act-two")
    sizes = first.splitter.sizes()
    first.close()
    assert (data_dir / "settings.ini").is_file()

    second = make_window(kit_content)
    show_active(qtbot, second)
    assert second.current_id == "act-two"
    assert second.size().width() == 700
    assert second.size().height() == 500
    assert second.splitter.sizes() == sizes
    assert second.contents.currentIndex().data() == "Do another thing"


def test_open_id_beats_the_last_page(make_window: MakeWindow, kit_content: Path) -> None:
    first = make_window(kit_content)
    first.open("beta")
    first.close()
    second = make_window(kit_content, open_id="ex-one")
    assert second.current_id == "ex-one"


def test_last_page_gone_from_the_content_falls_back_to_home(
    make_window: MakeWindow, kit_content: Path
) -> None:
    first = make_window(kit_content)
    first.open("beta")
    first.close()
    second = make_window(None)  # the shipped guide has no page called beta
    assert second.current_id == "home"


def test_unknown_open_id_shows_home_and_says_so(make_window: MakeWindow, kit_content: Path) -> None:
    window = make_window(kit_content, open_id="nowhere")
    assert window.current_id == "home"
    assert "nowhere" in window.statusBar().currentMessage()


def test_first_start_shows_how_to_use_the_guide(make_window: MakeWindow) -> None:
    window = make_window()
    assert window.current_id == "how-to-use-this-guide"
    assert "two minutes" in window.statusBar().currentMessage()
    window.close()
    again = make_window()
    assert again.current_id == "how-to-use-this-guide"  # now the last page, not a welcome
    assert "Welcome" not in again.statusBar().currentMessage()
