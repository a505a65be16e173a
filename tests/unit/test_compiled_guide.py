"""The compiled guide in the cache folder: reused while nothing changed, rebuilt after."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide_app import paths
from guide_app.guide.compiled import SUFFIX, cache_file, content_key, load_guide_cached
from guide_app.guide.load.loader import load_guide
from guide_app.guide.model import Guide
from guide_app.guide.plain import NotAGuideError, from_plain, to_plain
from guide_app.guide.problems import ContentError, Problem, Severity
from tests.helpers.content_kit import ALPHA, write_content
from tests.helpers.repo import CONTENT


def _cached(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"guide-*{SUFFIX}"))


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
    damaged.write_bytes(b"not a compiled guide at all")
    guide = load_guide_cached(content, cache)
    assert guide == load_guide(content)
    assert damaged.read_bytes() != b"not a compiled guide at all"  # replaced by a good one
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


def test_the_shipped_guide_comes_back_equal_from_plain_json() -> None:
    guide = load_guide(CONTENT)
    assert from_plain(json.loads(json.dumps(to_plain(guide)))) == guide
    warned = dataclasses.replace(
        guide, warnings=(Problem("areas/x.yaml", 3, "odd", Severity.WARNING),)
    )
    assert from_plain(json.loads(json.dumps(to_plain(warned)))) == warned


def test_the_shipped_guide_is_cached_and_reused(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    guide = load_guide_cached(CONTENT, cache)
    assert _cached(cache) == [cache_file(CONTENT, cache)]
    assert load_guide_cached(CONTENT, cache) == guide == load_guide(CONTENT)


def test_the_cache_is_plain_json_under_its_key(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    load_guide_cached(content, cache)
    key, body = cache_file(content, cache).read_bytes().split(b"\n", 1)
    assert json.loads(key) == content_key(content)
    assert json.loads(body) == json.loads(json.dumps(to_plain(load_guide(content))))


def test_a_cache_file_larger_than_its_guide_could_be_is_not_read(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    good = cache_file(content, cache)
    load_guide_cached(content, cache)
    key = good.read_bytes().split(b"\n", 1)[0]
    good.write_bytes(key + b"\n" + b" " * 2_000_000 + b"[]")  # 4 x the YAML + 1 MB at most
    assert load_guide_cached(content, cache) == load_guide(content)
    assert good.stat().st_size < 100_000  # replaced


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_at_the_cache_files_place_is_left_alone(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content")
    cache = tmp_path / "cache"
    cache.mkdir()
    pipe = cache_file(content, cache)
    os.mkfifo(pipe)
    assert load_guide_cached(content, cache) == load_guide(content)  # does not wait on it
    assert pipe.is_fifo()


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def plain_guide(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    return to_plain(load_guide(write_content(tmp_path_factory.mktemp("content"))))


@given(data=st.data())
def test_any_change_to_a_plain_guide_gives_a_guide_or_not_a_guide(
    plain_guide: list[Any], data: st.DataObject
) -> None:
    plain = json.loads(json.dumps(plain_guide))
    place: Any = plain
    for _ in range(data.draw(st.integers(0, 4))):  # down to a list or dict inside
        inner = [k for k, v in _items(place) if isinstance(v, list | dict) and v]
        if not inner:
            break
        place = place[data.draw(st.sampled_from(inner))]
    keys = [k for k, _ in _items(place)]
    if keys and data.draw(st.booleans()):
        place[data.draw(st.sampled_from(keys))] = data.draw(_JSON)
    elif isinstance(place, list):
        place.append(data.draw(_JSON))
    else:
        place[data.draw(st.text(max_size=4))] = data.draw(_JSON)
    try:
        guide = from_plain(copy.deepcopy(plain))
    except NotAGuideError:
        return
    assert isinstance(guide, Guide)
    assert from_plain(json.loads(json.dumps(to_plain(guide)))) == guide


def _items(place: list[Any] | dict[str, Any]) -> list[tuple[Any, Any]]:
    return list(place.items()) if isinstance(place, dict) else list(enumerate(place))
