"""Editions checked and installed by the store, as `install-edition` and the app use it (no Qt)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from guide_app import paths
from guide_app.common.safe_files import DataRoot
from guide_app.guide.load.loader import load_guide
from guide_app.store.editions import keys
from guide_app.store.editions.edition_file import open_verified
from guide_app.store.editions.install import check, install
from guide_app.store.editions.installed import Editions, shipped_edition
from guide_app.store.editions.manifest import EditionError
from guide_app.store.editions.trust import add_trusted, trusted_keys
from tests.helpers.editions import (
    Publisher,
    content_at,
    edition_file,
    folder_hash,
    make_publisher,
    rewritten,
)


@pytest.fixture
def publisher(tmp_path: Path) -> Publisher:
    return make_publisher(tmp_path / "keys")


@pytest.fixture
def editions(tmp_path: Path, publisher: Publisher) -> Editions:
    """A data folder whose app ships the test content as edition 1 and trusts `publisher`."""
    data = tmp_path / "data"
    data.mkdir()
    shipped = content_at(tmp_path / "shipped", "1")
    return Editions(DataRoot(data), shipped, publisher.shipped_keys)


def refused(file: Path, editions: Editions, words: str) -> EditionError:
    """Check that installing `file` is refused with `words` and changes nothing on disk."""
    before = folder_hash(editions.root.path)
    with pytest.raises(EditionError, match=words) as caught:
        check(file, editions)
    assert folder_hash(editions.root.path) == before
    return caught.value


def test_a_valid_edition_installs_beside_the_shipped_one_and_becomes_the_one_used(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    file = edition_file(tmp_path, publisher.key, "2")
    checked = check(file, editions)
    assert checked.edition == "2"
    assert checked.in_use.shipped
    edition = install(checked, editions)
    assert edition.id == "2"
    assert not edition.shipped
    assert editions.active().edition == edition
    assert [e.id for e in editions.all()] == ["1", "2"]
    assert load_guide(edition.content).edition == "2"
    assert not [p for p in editions.folder.iterdir() if p.name.startswith(".")]
    assert editions.choose("shipped", pinned=True).shipped  # the shipped one is kept
    assert editions.active().edition.shipped


def test_a_tampered_content_byte_is_refused(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    file = edition_file(tmp_path, publisher.key, "2")
    with zipfile.ZipFile(file) as archive:
        body = archive.read("content/areas/alpha.yaml")
    tampered = rewritten(file, {"content/areas/alpha.yaml": body.replace(b"First", b"Fist ")})
    refused(tampered, editions, r"content/areas/alpha\.yaml was changed after .* signed")


def test_a_tampered_manifest_fails_its_signature(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    file = edition_file(tmp_path, publisher.key, "2")
    with zipfile.ZipFile(file) as archive:
        manifest = archive.read("edition.json")
    changed = rewritten(file, {"edition.json": manifest.replace(b'"2"', b'"3"', 1)})
    refused(changed, editions, "the signature does not match")


def test_an_edition_signed_by_an_unknown_key_is_refused_until_the_key_is_trusted(
    tmp_path: Path, editions: Editions
) -> None:
    stranger = make_publisher(tmp_path / "stranger", "Someone else")
    file = edition_file(tmp_path, stranger.key, "2")
    error = refused(file, editions, "a key this computer does not trust")
    assert stranger.key.public().fingerprint in str(error)
    key = keys.read_public(stranger.public_file)
    assert add_trusted(key, editions.root, editions.shipped_keys) is not None
    assert add_trusted(key, editions.root, editions.shipped_keys) is None  # already trusted
    assert install(check(file, editions), editions).id == "2"


def test_an_older_edition_is_refused_unless_it_says_it_replaces_the_one_in_use(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    install(check(edition_file(tmp_path, publisher.key, "3"), editions), editions)
    older = edition_file(tmp_path / "a", publisher.key, "2")
    refused(older, editions, "not newer than edition 3")
    refused(edition_file(tmp_path / "b", publisher.key, "3"), editions, "already here")
    correction = edition_file(tmp_path / "c", publisher.key, "2.1", replaces=("3",))
    assert install(check(correction, editions), editions).id == "2.1"
    assert editions.active().edition.id == "2.1"


def test_a_content_error_is_refused_with_every_problem_as_file_and_line(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    from guide_app.store.editions.edition_file import content_files, pack

    content = content_at(tmp_path / "broken", "2")
    alpha = content / "areas" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("guide:beta", "guide:nowhere"))
    file = tmp_path / "broken.guide-edition"
    pack(content_files(content), "2", "2026-01-01", publisher.key, file)
    error = refused(file, editions, r"content has 1 problem\(s\); nothing was installed")
    assert len(error.problems) == 1
    assert error.problems[0].startswith("content/areas/alpha.yaml:")
    assert "nowhere" in error.problems[0]


@pytest.mark.parametrize(
    "member",
    ["content/../escape.yaml", "/etc/passwd", "content/.hidden", "content/extra.yaml"],
)
def test_an_entry_outside_the_signed_content_is_refused(
    tmp_path: Path, publisher: Publisher, editions: Editions, member: str
) -> None:
    file = rewritten(edition_file(tmp_path, publisher.key, "2"), {member: b"x"})
    refused(file, editions, "may not hold|does not list")


def test_a_file_that_is_not_an_edition_is_refused(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    junk = tmp_path / "notes.guide-edition"
    junk.write_text("hello")
    refused(junk, editions, "not a zip file")
    unsigned = rewritten(edition_file(tmp_path, publisher.key, "2"), {"edition.sig": None})
    refused(unsigned, editions, "no signed manifest")


def test_an_installed_edition_that_disappears_gives_way_to_the_shipped_one(
    tmp_path: Path, publisher: Publisher, editions: Editions
) -> None:
    install(check(edition_file(tmp_path, publisher.key, "2"), editions), editions)
    (editions.folder / "2" / "edition.json").unlink()
    choice = editions.active()
    assert choice.edition.shipped
    assert "edition 2 chosen for this data folder is missing or damaged" in choice.messages[0]


def test_a_newer_shipped_edition_wins_over_an_installed_one_unless_that_was_chosen(
    tmp_path: Path, publisher: Publisher
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    old_app = Editions(DataRoot(data), content_at(tmp_path / "old", "1"), publisher.shipped_keys)
    install(check(edition_file(tmp_path, publisher.key, "2"), old_app), old_app)
    new_app = Editions(DataRoot(data), content_at(tmp_path / "new", "5"), publisher.shipped_keys)
    assert new_app.active().edition.id == "5"
    new_app.choose("2", pinned=True)
    assert new_app.active().edition.id == "2"


def test_the_shipped_edition_is_read_as_the_loader_reads_it() -> None:
    shipped = shipped_edition(paths.content_dir())
    guide = load_guide(paths.content_dir())
    assert (shipped.id, shipped.date) == (guide.edition, guide.date)


def test_the_shipped_key_reads_and_a_key_pair_signs_and_checks(tmp_path: Path) -> None:
    shipped, problems = trusted_keys(None, paths.keys_dir())
    assert problems == []
    assert len(shipped) == 1
    assert shipped[0].fingerprint.startswith("SHA256:")
    publisher = make_publisher(tmp_path)
    public = keys.read_public(publisher.public_file)
    signature = publisher.key.sign(b"message")
    assert public.verify(b"message", signature)
    assert not public.verify(b"massage", signature)
    assert not shipped[0].verify(b"message", signature)
    with pytest.raises(keys.KeyFileError, match="it is a private key"):
        keys.read_public(tmp_path / "test-publisher.key")
    with pytest.raises(keys.KeyFileError, match="already exists"):
        keys.write_pair(publisher.key, tmp_path)


def test_open_verified_reads_back_exactly_what_was_packed(
    tmp_path: Path, publisher: Publisher
) -> None:
    from guide_app.store.editions.edition_file import content_files

    file = edition_file(tmp_path, publisher.key, "2")
    verified = open_verified(file, [keys.read_public(publisher.public_file)])
    assert verified.files == content_files(tmp_path / "content-2")
    assert verified.key.name == "Test publisher"
