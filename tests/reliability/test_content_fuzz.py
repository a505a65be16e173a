"""Any text in any content file: the loader returns problems (file:line), promptly, running nothing.

Hypothesis writes YAML-like text, damaged copies of the test kit's files and raw bytes into one
content file at a time; deterministic tests name each nasty case so a regression is obvious
without Hypothesis. The examples are the same every run (tests/helpers/profiles.py's derandomized
profile); `GUIDE_APP_LONG=1` draws new random ones, ten times as many (for releases).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from guide_app.guide.links import _inline_links
from guide_app.guide.load.fields import FILE_SPECS, Spec
from guide_app.guide.load.loader import check_content
from guide_app.guide.page import compose
from guide_app.guide.problems import Problem, Severity
from tests.helpers.content_kit import FILES, write_content
from tests.helpers.profiles import examples
from tests.helpers.repo import REPO

EXAMPLES = examples(100)  # deadline and randomness come from the profile (helpers/profiles.py)
FUZZ = settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow])
TIMEOUT = 60  # a guard for the subprocess cases only: each finishes in a few seconds
RAN = "GUIDE_APP_FUZZ_RAN"  # what the code in the YAML tags below would set, if it ever ran
TARGETS = {
    **{name: FILES[name] for name in FILES if name != "areas/beta.yaml"},
    "synonyms.yaml": "synonyms:\n  - [pain, ache]\n  - [low mood, depression, feeling down]\n",
}
_BREAKS = re.compile(rb"\r\n|\r|\n")
Record = Callable[[str, object], None]
Cases = st.SearchStrategy[tuple[str, bytes]]


# Checking one content folder ----------------------------------------------------------------


def file_lines(raw: bytes) -> int:
    """How many lines an editor shows for `raw` (an empty file has one)."""
    return max(1, len(_BREAKS.findall(raw)) + (0 if raw.endswith((b"\n", b"\r")) else 1))


def fresh_kit(root: Path, name: str, raw: bytes) -> Path:
    """Write the test kit under `root`, with `raw` as the content file `name`."""
    for stale in sorted(root.rglob("*"), reverse=True) if root.exists() else ():
        stale.unlink() if stale.is_file() else stale.rmdir()
    write_content(root)
    (root / name).write_bytes(raw)
    return root


def check_text(tmp_path: Path, name: str, text: str | bytes) -> list[Problem]:
    """Put `text` into the kit's file `name`, check every promise about the problems found."""
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    marker = tmp_path / "ran"
    root = fresh_kit(tmp_path / "content", name, raw.replace(b"MARKER", bytes(marker)))
    guide, problems = check_content(root)
    for problem in problems:
        path = Path(problem.file)
        assert path.is_relative_to(root), str(problem)
        assert path.is_file(), str(problem)
        assert 1 <= problem.line <= file_lines(path.read_bytes()), str(problem)
        assert problem.message.strip(), str(problem)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert guide is not None or errors
    if guide is not None and not errors:  # content that loads also composes every page
        assert all(compose(guide, node).blocks for node in guide.nodes.values())
    assert not marker.exists(), "a YAML tag ran code"
    assert RAN not in os.environ, "a YAML tag ran code"
    return problems


# What Hypothesis writes -------------------------------------------------------------------------


def _keys(spec: Spec) -> set[str]:
    return {f.name for f in spec.fields}.union(*(_keys(f.spec) for f in spec.fields if f.spec))


KEYS = sorted(set().union(*(_keys(spec) for spec in FILE_SPECS.values())))
WORDS = [
    "Beta", "act-one", "act-two", "ex-one", "ev-one", "src-one", "src-two", "alpha", "beta",
    "principle-one", "crit-one", "editorial", "project", "guidance", "about", "home", "yes",
    "no", "on", "~", "null", "1", "-0", "0x1F", "0o17", "1_000", "1e400", ".nan", "-.inf",
    "12:30:00", "2019-11", "2026-01-01", "2001-13-45", "2001-12-14t21:59:43.10-05:00", "=",
    "guide:alpha", "guide:nowhere", "https://example.org/x", "Read [alpha](guide:alpha).",
]  # fmt: skip
# Each payload would make a marker file named MARKER or set RAN, if a loader ever ran it.
PAYLOAD = f"open(r'MARKER', 'w').close(); __import__('os').environ['{RAN}'] = '1'"
NASTY = [
    f"!!python/object/apply:exec [{json.dumps(PAYLOAD)}]", "!!python/name:os.system",
    '!!python/object/apply:os.system ["touch MARKER"]', "!!python/module:os",
    "!!python/object/new:subprocess.Popen [[touch, MARKER]]", "!!python/object:argparse.Namespace",
    f"!p!object/apply:exec [{json.dumps(PAYLOAD)}]",  # with the %TAG directive in `documents`
    "!!binary aGVsbG8=", "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "!foo bar", "!!str",
    "!<tag:yaml.org,2002:str> x", '!!int "x"', '!!int ""', '!!bool "maybe"', '!!timestamp "x"',
    '!!float ""', "!!null x", "!!map {}", "!!seq []", "!!merge <<", "[x](javascript:alert(1))",
    "![i](file:///etc/passwd)", "<script>alert(1)</script>", "<https://example.org>",
    "<javascript:alert(1)>", "[r]: javascript:x", "[a](" * 50, "[" * 50, "<a:" * 50, "<a " * 50,
    "'quoted ''twice'''", r'"esc \n\t\x00\u202e\U0001F600"', r'"\ud800"', "'unclosed", "{", "}",
    "[", "]", "- -", "? ", ": ", "&", "*", "!", "|", ">", "%", "@", "`", "#", "\t", "\x00", "\x07",
    "\x1b[31m", "\ufeff", "\u2028", "\u2029", "\x85", "\u202e", "🧠", "\U0010ffff", "\ud800",
]  # fmt: skip
UNICODE = st.text(st.characters(codec="utf-8", exclude_categories=()), max_size=30)
scalars = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(NASTY),
    UNICODE,
    UNICODE.map(json.dumps),
    UNICODE.map(lambda t: "'" + t.replace("'", "''") + "'"),
    st.integers(0, 6000).map(lambda n: "9" * n),
    st.sampled_from(["x" * 100_000, "word " * 20_000, "[a](" * 5_000, "\n" * 200]),
)
anchors = st.sampled_from(["", "", "", "&a ", "&b ", "&a &b ", "!!str ", "!!seq ", "!!map "])
aliases = st.sampled_from(["*a", "*b", "*c", "<<", "<<: *a"])


def _block(children: list[tuple[str, str]], seq: bool) -> str:
    """Lay out items as a block sequence or mapping; nested text is indented by two."""
    out = []
    for key, child in children:
        lead = "-" if seq else f"{key}:"
        if "\n" in child:
            out.append(lead + "\n" + "".join(f"  {line}\n" for line in child.splitlines()))
        else:
            out.append(f"{lead} {child}\n")
    return "".join(out)


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(st.tuples(st.sampled_from([*KEYS, "tilte", "<<", "? x", "1"]), inner))
    return st.one_of(
        st.builds(lambda a, i: a + "[" + ", ".join(v for _, v in i) + "]", anchors, items),
        st.builds(lambda a, i: a + "{" + ", ".join(f"{k}: {v}" for k, v in i) + "}", anchors,
                  items),
        items.map(lambda i: _block(i, seq=True)),
        items.map(lambda i: _block(i, seq=False)),
        st.builds(lambda i: "|\n" + "".join(f"  {v}\n" for _, v in i), items),
    )  # fmt: skip


values = st.recursive(st.one_of(scalars, aliases), _extend, max_leaves=25)
documents = st.tuples(
    st.sampled_from(["", "", "%YAML 1.1\n---\n", "%TAG !p! tag:yaml.org,2002:python/\n---\n",
                     "---\n", "# comment\n", "\ufeff", "---\na: 1\n---\n"]),
    st.lists(st.tuples(st.sampled_from(KEYS), values), max_size=8),
    st.sampled_from(["", "", "\n...\n", "\n---\n", "\n- top list\n", "\t"]),
).map(lambda d: d[0] + _block(d[1], seq=False) + d[2])  # fmt: skip
tops = st.one_of(documents, values, st.sampled_from(["", "\n", "# a comment\n", "[&p {}, *p]"]))
edits = st.lists(st.tuples(st.integers(0, 60), values, st.integers(0, 11)), min_size=1, max_size=4)
encodings = st.sampled_from(["utf-8", "utf-8", "utf-8", "bom", "crlf", "cr", "latin-1", "utf-16"])
names = st.sampled_from(sorted(TARGETS))


def encode(text: str, how: str) -> bytes:
    """Write `text` the way an editor might: with a BOM, other line ends or another encoding."""
    if how in ("crlf", "cr"):
        text = text.replace("\n", "\r\n" if how == "crlf" else "\r")
    if how in ("latin-1", "utf-16"):
        return text.encode(how, "replace")
    return ("\ufeff" if how == "bom" else "").encode() + text.encode("utf-8", "surrogatepass")


def damaged(name: str, changes: list[tuple[int, str, int]], how: str) -> tuple[str, bytes]:
    """The kit's file `name` after some damage: a line inserted, replaced, re-indented, ..."""
    lines = TARGETS[name].splitlines()
    for index, piece, kind in changes:
        at = index % (len(lines) + 1)
        line = lines[at] if at < len(lines) else ""
        head, colon, _ = line.partition(":")
        lines[at : at + 1] = [
            [piece, line],
            [f"{head}{colon or ':'} {piece}"],
            [("\t" if kind % 2 else "   ") + line],
            [],
            [line, line],
            [line.lstrip()],
        ][kind % 6]
    return name, encode("\n".join(lines) + "\n", how)


def spliced(name: str, raw: bytes, where: int) -> tuple[str, bytes]:
    """The kit's file `name` with `raw` bytes put in at some place."""
    original = TARGETS[name].encode()
    at = where % (len(original) + 1)
    return name, original[:at] + raw + original[at:]


def fuzz(
    tmp_path: Path,
    record: Record,
    family: str,
    cases: Cases,
    pinned: Sequence[tuple[str, bytes]] = (),
) -> None:
    """Check each (file name, bytes) that `cases` draws, and each `pinned` case first (inputs
    that once failed); record how many examples ran."""
    count = itertools.count()

    @FUZZ
    @given(case=cases)
    def one(case: tuple[str, bytes]) -> None:
        next(count)
        check_text(tmp_path, *case)

    for case in pinned:
        one = example(case=case)(one)
    one()
    ran = next(count)
    record(f"{family}_examples", ran)  # in the JUnit report; printed with -s
    print(f"{family}: {ran} examples")
    assert ran >= EXAMPLES


# Inputs that once failed and are not among the named cases below.
PINNED_TEXT = [
    # U+0085 (NEL) counted as a line break: the line of every later problem was too high,
    # here past the file's last line (4), which check_text refuses.
    (
        "areas/alpha.yaml",
        b"title: 'a\xc2\x85b\xc2\x85c'\nsummary: S.\nbasis: editorial\nbody: '[x](javascript:y)'\n",
    ),
]


def test_any_yaml_text_gives_problems_never_an_error(
    tmp_path: Path, record_property: Record
) -> None:
    texts = st.builds(lambda n, t, h: (n, encode(t, h)), names, tops, encodings)
    fuzz(tmp_path, record_property, "text", texts, PINNED_TEXT)


def test_damaged_kit_files_give_problems_never_an_error(
    tmp_path: Path, record_property: Record
) -> None:
    fuzz(tmp_path, record_property, "damage", st.builds(damaged, names, edits, encodings))


def test_any_bytes_give_problems_never_an_error(tmp_path: Path, record_property: Record) -> None:
    raws = st.one_of(st.binary(max_size=400), UNICODE.map(str.encode))
    fuzz(tmp_path, record_property, "bytes", st.builds(spliced, names, raws, st.integers(0, 2000)))


OLD_LINK = re.compile(r"(!?)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
LINK_BITS = [*"[]()!<>\\'\" \na", "](", "x:y", "[b](z)"]


@settings(max_examples=EXAMPLES * 10)
@given(st.lists(st.sampled_from(LINK_BITS), max_size=40).map("".join))
def test_link_scanner_finds_what_the_plain_pattern_finds(text: str) -> None:
    """The one-pass link scanner (linear time) finds the same inline links and images as the
    plain pattern it replaced (quadratic time on unclosed brackets)."""
    old = [(m.group(2), m.start(), bool(m.group(1))) for m in OLD_LINK.finditer(text)]
    assert [(k.target, k.offset, k.image) for k in _inline_links(text)] == old


# Each nasty case by name ----------------------------------------------------------------------

B = "title: Beta\nsummary: S.\nbasis: editorial\n"  # a valid areas/beta.yaml
LINK = "link 'javascript:y' uses 'javascript:'; only guide:, http(s): and mailto: are allowed"
EMPTY = "should be text, got nothing (an empty value)"
TAG = "is not allowed in content files"
BAD_CHAR = "the control character U+{:04X} is not allowed; remove it"
NOT_UTF8 = "the file is not valid UTF-8 text ({})"
LAUGHS = "aliases such as *{} repeat more than 10,000 values; write the values out"
DEEP = "nested more than 40 levels deep"
NOT_TEXT_KEY = "keys must be plain text, got 'a non-text key'"
SYNTAX = "YAML syntax error: "
TOP = "expected the keys of a problem area, got "
ALLOWED = "allowed keys: " + ", ".join(f.name for f in FILE_SPECS["areas"].fields)
BIG = "9" * 5000
TOO_BIG = f"cannot read the value '{BIG}': Exceeds the limit (4300 digits) for integer string \
conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
BASIS = (
    "'basis' should be one of: project, guidance, research, editorial, got nothing (an empty value)"
)


def laughs(levels: int = 10, width: int = 10) -> str:
    """The "billion laughs": each anchor repeats the one before `width` times."""
    lines = [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]" for i in range(1, levels)]
    return B + 'lol0: &l0 "lol"\n' + "\n".join(lines) + "\n"


def laughs_in_place(width: int) -> str:
    """Aliases where the loader reads them: principles x criteria x helps, `width` of each."""
    helps = "[" + ", ".join(["act-one"] * width) + "]"
    criteria = f"[&c {{id: crit-one, text: T, helps: &h {helps}}}" + ", *c" * (width - 1) + "]"
    first = f"&p {{id: principle-one, title: P, summary: S, basis: editorial, criteria: {criteria}"
    return f"principles: [{first}, helps: *h}}" + ", *p" * (width - 1) + "]\n"


def nested(anchor: str, inside: str) -> str:
    return f"? &{anchor} " + "[" * 39 + inside + "]" * 39 + "\n: v\n"


# areas/beta.yaml holding each text gives exactly these problems, as (line, message).
# fmt: off
NASTY_CASES: dict[str, tuple[str | bytes, list[tuple[int, str]]]] = {
    "wrong types": ("title: [a]\nsummary: {k: v}\nbasis: editorial\naliases: old\n", [
        (1, "'title' should be text, got a list"), (4, "'aliases' should be a list, got text"),
        (2, "'summary' should be text, got a mapping of keys")]),
    "top is a list": ("- title\n- summary\n", [(1, TOP + "a list")]),
    "top is text": ("words\n", [(1, TOP + "text")]),
    "top is null": ("~\n", [(1, TOP + "nothing (an empty value)")]),
    "empty file": ("", [(1, "the file is empty")]),
    "only a comment": ("# nothing\n\n", [(1, "the file is empty")]),
    "nested 41 deep": (B + "x: " + "[" * 40 + "]" * 40, [
        (4, f"unknown key 'x' in problem area; {ALLOWED}")]),
    "nested 42 deep": (B + "x: " + "[" * 41 + "]" * 41, [(4, DEEP)]),
    "nested in blocks": ("".join(" " * i + "- \n" for i in range(100)), [(42, DEEP)]),
    "nested through aliases": (B + nested("a", "x") + nested("b", "*a") + "body: *b\n", [
        (4, NOT_TEXT_KEY), (4, DEEP), (6, NOT_TEXT_KEY), (8, "'body' should be text, got a list")]),
    "huge number": (B.replace("editorial", BIG), [(3, BASIS), (3, TOO_BIG)]),
    "NUL": ("title: Beta\nsummary: a\x00b\n", [(2, BAD_CHAR.format(0))]),
    "control character": (B + "body: \x1b[31m\n", [(4, BAD_CHAR.format(0x1B))]),
    "invalid UTF-8": (b"summary: caf\xe9\n", [(1, NOT_UTF8.format("invalid continuation byte"))]),
    "UTF-16": (B.encode("utf-16"), [(1, NOT_UTF8.format("invalid start byte"))]),
    "surrogate escape": ('title: "\\ud800"\n', [
        (1, SYNTAX + "found invalid Unicode character escape code")]),
    "python apply": (B.replace("Beta", "!!python/object/apply:os.system [touch x]"), [
        (1, "'title' should be text, got a list"),
        (1, f"the YAML tag !!python/object/apply:os.system {TAG}")]),
    "python name": (B.replace("Beta", "!!python/name:os.system"), [
        (1, f"'title' {EMPTY}"), (1, f"the YAML tag !!python/name:os.system {TAG}")]),
    "python by %TAG": ("%TAG !p! tag:yaml.org,2002:python/\n---\n" + B.replace("Beta", "!p!name:x"),
                       [
        (3, f"'title' {EMPTY}"), (3, f"the YAML tag !!python/name:x {TAG}")]),
    "bad explicit bool": (B.replace("S.", '!!bool "maybe"'), [
        (2, f"'summary' {EMPTY}"), (2, "cannot read the value 'maybe' as !!bool")]),
    "bad explicit timestamp": (B.replace("S.", '!!timestamp "x"'), [
        (2, f"'summary' {EMPTY}"), (2, "cannot read the value 'x' as !!timestamp")]),
    "bad explicit int": (B.replace("S.", '!!int ""'), [
        (2, f"'summary' {EMPTY}"), (2, "cannot read the value '' as !!int")]),
    "billion laughs": (laughs(), [(8, LAUGHS.format("l3"))]),
    "alias to itself": (B + "aliases: &a [*a]\n", [
        (4, "'aliases' should be an id, got nothing (an empty value)"),
        (4, "an alias refers back to itself (a recursive structure)")]),
    "undefined alias": (B + "aliases: *no\n", [(4, SYNTAX + "found undefined alias 'no'")]),
    "merge key": ("a: &b {title: Beta}\n<<: *b\nsummary: S.\nbasis: editorial\n", [
        (1, "problem area is missing the required key 'title'"),
        (1, f"unknown key 'a' in problem area; {ALLOWED}"),
        (2, "merge keys ('<<') are not supported; write keys out")]),
    "duplicate key": (B + "title: Again\n", [(4, "duplicate key 'title' (first given on line 1)")]),
    "tab indent": ("title: Beta\n\tsummary: S.\n", [
        (2, SYNTAX + "found a tab character that violates indentation")]),
    "two documents": (B + "---\n" + B, [(4, SYNTAX + "but found another document")]),
    "error at the end": (B + "body: [\n", [(4, SYNTAX + "did not find expected node content")]),
    "U+2028 in text": (B.replace("S.", "'a\u2028b'") + "body: '[x](javascript:y)'", [(4, LINK)]),
    "escaped line breaks": (B + 'body: "a\\n\\n\\n\\n[x](javascript:y)"\n', [(4, LINK)]),
    "long line": (B + "body: " + "word " * 400_000 + "[x](javascript:y)\n", [(4, LINK)]),
}
# fmt: on


@pytest.mark.parametrize("case", NASTY_CASES.values(), ids=NASTY_CASES.keys())
def test_nasty_case_is_reported_with_file_and_line(
    tmp_path: Path, case: tuple[str | bytes, list[tuple[int, str]]]
) -> None:
    data, expected = case
    problems = check_text(tmp_path, "areas/beta.yaml", data)
    assert [(p.line, p.message) for p in problems] == sorted(expected)
    assert {p.file for p in problems} == {str(tmp_path / "content" / "areas" / "beta.yaml")}


ODD = "🧠 \u202eملخص\u202c שלום \U0001f600 \U0010fffd"
VALID_ODDITIES = {  # how the title is written, and what it reads as
    "astral, emoji and RTL": (f"title: {ODD}", ODD),
    "BOM first": ("\ufefftitle: Beta", "Beta"),
    "tab inside a value": ("title: Beta\twith a tab", "Beta\twith a tab"),
    "a 5 MB title": ("title: " + "x" * 5_000_000, "x" * 5_000_000),
    "aliases within bounds": ("title: &t Beta\nbody: *t", "Beta"),
}


@pytest.mark.parametrize("case", VALID_ODDITIES.values(), ids=VALID_ODDITIES.keys())
def test_unusual_but_valid_text_loads_unchanged(tmp_path: Path, case: tuple[str, str]) -> None:
    written, title = case
    problems = check_text(tmp_path, "areas/beta.yaml", written + "\nsummary: S.\nbasis: editorial")
    guide, _ = check_content(tmp_path / "content")
    assert problems == []
    assert guide is not None
    assert guide.nodes["beta"].title == title


def test_python_tags_never_run_though_an_unsafe_loader_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(RAN, raising=False)
    marker = tmp_path / "ran"
    tags = [n for n in NASTY if n.startswith("!!python")]
    text = B + "".join(f"x{i}: {tag}\n" for i, tag in enumerate(tags))
    problems = check_text(tmp_path, "areas/beta.yaml", text)  # checks: no marker, no RAN
    assert sum(TAG in p.message for p in problems) == len(tags)
    yaml.unsafe_load(f"x: {tags[0].replace('MARKER', str(marker))}")  # the control: it would run
    assert marker.exists()
    assert os.environ[RAN] == "1"


# Cases that crashed the process or ran for minutes to hours: in a subprocess, so a regression
# fails this test (by its return code, or by the TIMEOUT guard) instead of killing the suite.
PROCESS_CASES = {
    "nested a million deep": ("title: " + "[" * 1_000_000 + "]" * 1_000_000, 1, DEEP),
    "laughs where they are read": (laughs_in_place(1000), 1, LAUGHS.format("c")),
    "half-open links": (B + "body: '" + "[a](" * 200_000 + ". [x](javascript:y)'", 4, LINK),
    "many links": (B + "body: |\n" + "  [a](guide:alpha)\n" * 200_000 + "  [x](javascript:y)",
                   200_005, LINK),
}  # fmt: skip


@pytest.mark.parametrize("case", PROCESS_CASES.values(), ids=PROCESS_CASES.keys())
def test_pathological_file_is_refused_by_check_content(
    tmp_path: Path, case: tuple[str, int, str]
) -> None:
    text, line, message = case
    name = "principles.yaml" if text.startswith("principles:") else "areas/beta.yaml"
    root = fresh_kit(tmp_path / "content", name, text.encode())
    result = subprocess.run(
        [sys.executable, "-m", "guide_app", "check-content", str(root)],
        capture_output=True, text=True, timeout=TIMEOUT, check=False, cwd=REPO,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert f"{root / name}:{line}: {message}" in result.stdout.splitlines()
