"""The contents tree model: Qt's model checks, structure, roles and lookups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from guide_app.guide.load.loader import load_guide
from guide_app.ui.reading.contents_model import ContentsModel
from tests.helpers.repo import CONTENT


def titles(model: ContentsModel, parent: QModelIndex) -> list[str]:
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_passes_qt_model_tester_on_both_contents(
    qtmodeltester: ModelTester, kit_content: Path
) -> None:
    qtmodeltester.check(ContentsModel(load_guide(kit_content)))
    qtmodeltester.check(ContentsModel(load_guide(CONTENT)))


def test_tree_structure(kit_content: Path) -> None:
    model = ContentsModel(load_guide(kit_content))
    root = QModelIndex()
    assert titles(model, root) == ["About", "Problem areas", "Principles", "Examples", "Evidence"]
    areas = model.index(1, 0, root)
    assert titles(model, areas) == ["Alpha area", "Beta area"]
    alpha = model.index(0, 0, areas)
    assert titles(model, alpha) == [
        "Potential solutions",
        "Challenges and how to overcome them",
        "Examples",
    ]
    assert titles(model, model.index(0, 0, alpha)) == ["Do one thing", "Do another thing"]
    assert titles(model, model.index(2, 0, alpha)) == ["Example one"]
    principle = model.index(0, 0, model.index(2, 0, root))
    assert model.rowCount(principle) == 0  # criteria are shown on the principle's page


def test_roles_for_screen_readers_and_tooltips(kit_content: Path) -> None:
    model = ContentsModel(load_guide(kit_content))
    alpha = model.index(0, 0, model.index(1, 0))
    assert alpha.data(Qt.ItemDataRole.AccessibleTextRole) == "Problem area: Alpha area"
    assert alpha.data(Qt.ItemDataRole.AccessibleDescriptionRole) == "The first area."
    assert alpha.data(Qt.ItemDataRole.ToolTipRole) == "The first area."
    assert alpha.data(Qt.ItemDataRole.UserRole + 1) == "alpha"  # QStandardItem's own role
    assert model.node_id(alpha) == "alpha"
    assert not model.flags(alpha) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(alpha) & Qt.ItemFlag.ItemIsDragEnabled
    group = model.index(0, 0, alpha)
    assert group.data(Qt.ItemDataRole.AccessibleTextRole) == "Potential solutions"


def test_index_for_finds_a_node_in_its_own_home(kit_content: Path) -> None:
    model = ContentsModel(load_guide(kit_content))
    example = model.index_for("ex-one")
    assert example.parent().data() == "Examples"
    assert not example.parent().parent().isValid()  # the top-level Examples part, not alpha's
    assert model.index_for("crit-one").data() == "Principle one"
    assert model.index_for("old-alpha").data() == "Alpha area"
    assert not model.index_for("missing").isValid()
    assert model.node_id(QModelIndex()) is None
