"""keygen, pack-edition, trust-key, install-edition, editions, use-edition: as a user runs them."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from guide_app.cli import build_parser
from guide_app.cli import editions as edition_commands
from guide_app.guide.currency import long_date
from guide_app.guide.load.loader import load_guide
from guide_app.shell.instance import InstanceGuard
from guide_app.store.local_info import LocalInfoStore, LocalNote
from guide_app.store.local_info_file import LocalInfoFile
from tests.helpers.content_kit import write_content
from tests.helpers.editions import content_at, folder_hash
from tests.helpers.processes import run
from tests.helpers.repo import CONTENT

pytestmark = pytest.mark.e2e
SHIPPED_GUIDE = load_guide(CONTENT)
SHIPPED = SHIPPED_GUIDE.edition


def ok(*args: str, data_dir: Path) -> str:
    result = run(*args, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result.stdout


def fails(*args: str, data_dir: Path) -> str:
    """Run a command that must fail, changing nothing in the data folder; return its stderr."""
    before = folder_hash(data_dir)
    result = run(*args, data_dir=data_dir)
    assert result.returncode == 1
    assert folder_hash(data_dir) == before
    return result.stderr


@pytest.fixture
def packed(tmp_path: Path, data_dir: Path) -> tuple[Path, Path]:
    """A key pair made by keygen, and edition 2099.1 of the test content packed with it."""
    out = ok("keygen", "--output", str(tmp_path / "keys"), "--name", "Trust HQ", data_dir=data_dir)
    assert "Fingerprint: SHA256:" in out
    content = content_at(tmp_path / "content", "2099.1")
    file = tmp_path / "update.guide-edition"
    key = tmp_path / "keys" / "trust-hq.key"
    out = ok(
        "pack-edition", str(content), "--key", str(key), "--output", str(file), data_dir=data_dir
    )
    assert "Edition 2099.1" in out
    assert "signed by Trust HQ" in out
    return file, tmp_path / "keys" / "trust-hq.pub"


def test_an_edition_is_made_trusted_installed_listed_and_switched(
    data_dir: Path, packed: tuple[Path, Path]
) -> None:
    file, public = packed
    assert "does not trust" in fails("install-edition", str(file), data_dir=data_dir)
    assert "run this again with --yes" in fails("trust-key", str(public), data_dir=data_dir)
    out = ok("trust-key", str(public), "--yes", data_dir=data_dir)
    assert "Fingerprint: SHA256:" in out
    assert "Trusted" in out
    out = ok("install-edition", str(file), "--data-dir", str(data_dir), data_dir=data_dir)
    assert "Installed edition 2099.1" in out
    assert (data_dir / "editions" / "2099.1" / "content" / "guide.yaml").is_file()
    listing = ok("editions", data_dir=data_dir).splitlines()
    assert listing[0] == f"  {SHIPPED} ({long_date(SHIPPED_GUIDE.date)}): shipped with the app"
    assert listing[1].startswith(
        "* 2099.1 (1 January 2026): installed from a file, signed by Trust HQ (SHA256:"
    )
    assert len(listing) == 2
    assert "already here" in fails("install-edition", str(file), data_dir=data_dir)
    out = ok("use-edition", "shipped", data_dir=data_dir)
    assert f"the app's own edition {SHIPPED}" in out
    assert ok("editions", data_dir=data_dir).startswith(f"* {SHIPPED}")
    assert "there is no edition 7.7" in fails("use-edition", "7.7", data_dir=data_dir)
    ok("use-edition", "2099.1", data_dir=data_dir)
    assert "* 2099.1" in ok("editions", data_dir=data_dir)


def test_installing_while_the_guide_has_the_folder_open_is_refused(
    qapp: object, data_dir: Path, packed: tuple[Path, Path]
) -> None:
    file, public = packed
    ok("trust-key", str(public), "--yes", data_dir=data_dir)
    guard = InstanceGuard(data_dir)
    assert guard.acquire(serve=False)
    try:
        error = fails("install-edition", str(file), data_dir=data_dir)
    finally:
        guard.release()
    assert "the guide is open with the data folder" in error
    assert "File > Install content update" in error


def test_content_with_errors_is_not_packed(tmp_path: Path, data_dir: Path) -> None:
    ok("keygen", "--output", str(tmp_path / "keys"), data_dir=data_dir)
    content = write_content(tmp_path / "content", areas__beta=None)
    file = tmp_path / "broken.guide-edition"
    key = tmp_path / "keys" / "guide-editions.key"
    error = fails(
        "pack-edition", str(content), "--key", str(key), "--output", str(file), data_dir=data_dir
    )
    assert "has content problems; no edition was made" in error
    assert "guide.yaml:" in error
    assert not file.exists()


def test_trust_key_asks_and_takes_only_yes(
    qapp: object, tmp_path: Path, data_dir: Path, packed: tuple[Path, Path]
) -> None:
    _, public = packed
    asked: list[str] = []

    def answer(reply: str) -> object:
        def ask(question: str) -> str:
            asked.append(question)
            return reply

        return ask

    args = build_parser().parse_args(["trust-key", str(public), "--data-dir", str(data_dir)])
    assert isinstance(args, argparse.Namespace)
    assert edition_commands.run(args, answer("n")) == 1  # type: ignore[arg-type]
    assert not (data_dir / "trusted-keys").exists()
    assert edition_commands.run(args, answer("y")) == 0  # type: ignore[arg-type]
    assert len(asked) == 2
    assert "Trust it?" in asked[0]
    assert len(list((data_dir / "trusted-keys").glob("*.pub"))) == 1


def test_commands_read_the_edition_in_use(
    tmp_path: Path, data_dir: Path, packed: tuple[Path, Path]
) -> None:
    file, public = packed
    ok("trust-key", str(public), "--yes", data_dir=data_dir)
    ok("install-edition", str(file), data_dir=data_dir)
    store = LocalInfoStore()
    store.replace_all([LocalNote("alpha", "Call the alpha team", "2026-11-02T09:30:00+00:00")])
    theirs = tmp_path / "theirs"
    LocalInfoFile(theirs).save(store)
    exported = tmp_path / "team.json"
    ok("export-local", str(exported), "--data-dir", str(theirs), data_dir=data_dir)
    out = ok("import-local", str(exported), "--yes", data_dir=data_dir)
    assert "ADDED (1 page)\n  Alpha area\n" in out  # a page of 2099.1, not of the shipped one
