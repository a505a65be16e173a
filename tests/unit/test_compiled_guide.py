"""The compiled guide in the cache folder: reused while nothing changed, rebuilt after."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide_app import paths
from guide_app.guide.compiled import cache_file, content_key, load_guide_cached
from guide_app.guide.loader import load_guide
from guide_app.guide.problems import ContentError
from tests.content_kit import ALPHA, write_content


def _cached(cache: Path) -> list[Path]:
    return sorted(cache.glob("guide-*.pickle"))


def test_the_second_load_comes_from_the_cache_and_equals_a_fresh_load(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    first = load_guide_cached(content, cache)
    files = _cached(cache)
    assert len(files) == 1
    stamp = files[0].stat().st_mtime_ns
    second = load_guide_cached(content, cache)
    assert files[0].stat().st_mtime_ns == stamp  # read, not written again
    fresh = load_guide(content)
    assert second == fresh
    assert second == first
    assert list(second.nodes) == list(fresh.nodes)  # reading order kept
    assert second.fingerprint == fresh.fingerprint  # names the search index cache
    with pytest.raises(TypeError):
        second.nodes["x"] = second.home  # type: ignore[index]  # still read-only


def test_an_edited_file_builds_and_checks_the_guide_again(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    before = load_guide_cached(content, cache)
    edited = ALPHA.replace("title: Alpha area", "title: Alpha, revised")
    assert edited != ALPHA
    write_content(content, areas__alpha=edited)
    after = load_guide_cached(content, cache)
    assert after.nodes["alpha"].title == "Alpha, revised"
    assert before.nodes["alpha"].title == "Alpha area"
    assert len(_cached(cache)) == 1  # the older compiled guide is dropped


def test_content_with_errors_is_refused_and_never_cached(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", sources="sources: [\n")
    cache = tmp_path / "cache"
    with pytest.raises(ContentError) as raised:
        load_guide_cached(content, cache)
    assert any(problem.file.endswith("sources.yaml") for problem in raised.value.problems)
    assert _cached(cache) == []


def test_a_damaged_cache_file_is_only_a_cache(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    cache.mkdir()
    damaged = cache_file(content, cache)
    damaged.write_bytes(b"\x80\x05 not a pickle at all")
    guide = load_guide_cached(content, cache)
    assert guide == load_guide(content)
    assert damaged.read_bytes() != b"\x80\x05 not a pickle at all"  # replaced by a good one
    assert load_guide_cached(content, cache) == guide


def test_the_key_follows_every_content_file(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    key = content_key(content)
    assert content_key(content) == key
    (content / "synonyms.yaml").write_text("synonyms:\n  - [pain, ache]\n", encoding="utf-8")
    assert content_key(content) != key


def test_without_a_cache_folder_nothing_is_written(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    assert load_guide_cached(content, None) == load_guide(content)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]


def test_the_cache_lives_in_the_data_folders_cache(tmp_path: Path) -> None:
    assert paths.cache_dir(tmp_path) == tmp_path / "cache"


def test_a_same_size_edit_is_seen(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    load_guide_cached(content, cache)
    edited = ALPHA.replace("title: Alpha area", "title: Alpha arex")
    assert len(edited) == len(ALPHA)
    write_content(content, areas__alpha=edited)
    assert load_guide_cached(content, cache).nodes["alpha"].title == "Alpha arex"


def test_each_content_folder_has_its_own_cache_file(tmp_path: Path) -> None:
    one = write_content(tmp_path / "one")
    two = write_content(tmp_path / "two", areas__alpha=ALPHA.replace("Alpha area", "Other"))
    cache = tmp_path / "cache"
    assert cache_file(one, cache) != cache_file(two, cache)
    assert load_guide_cached(one, cache).nodes["alpha"].title == "Alpha area"
    assert load_guide_cached(two, cache).nodes["alpha"].title == "Other"
    assert load_guide_cached(one, cache).nodes["alpha"].title == "Alpha area"
