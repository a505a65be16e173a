"""The guide as a screen reader meets it: the real app under Xvfb, read over AT-SPI as Orca does.

Needs system packages (xvfb, dbus, at-spi2-core, python3-pyatspi), so these tests are marked
a11y_tools: `make test` deselects them and `make a11y-check` (run by .ci/run) runs them. They
fail, never skip, when a package is missing. The offscreen accessibleName checks stay in
tests/ui/test_accessibility.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from guide_app import paths
from guide_app.guide.compiled import load_guide_cached
from guide_app.guide.model import Guide
from guide_app.store.bookmark_file import BookmarkFile
from guide_app.store.bookmarks import BookmarkStore
from guide_app.store.review_book import ReviewBook
from guide_app.store.reviews import Status
from tests.a11y.screen_reader import (
    Accessible,
    ScreenReader,
    docs_module,
    missing_packages,
    running_guide,
    session_bus,
    shown,
)

pytestmark = [pytest.mark.e2e, pytest.mark.a11y_tools]

# Roles a screen reader announces by name: each one on screen must have a name to speak.
NAMED_ROLES = frozenset(
    {
        "push button",
        "toggle button",
        "check box",
        "radio button",
        "text",
        "password text",
        "entry",
        "combo box",
        "spin button",
        "slider",
        "list",
        "list item",
        "tree",
        "tree table",
        "table",
        "table cell",
        "page tab",
        "page tab list",
        "tool bar",
        "menu item",
        "check menu item",
        "radio menu item",
    }
)
MENU_ROLES = frozenset({"menu item", "check menu item", "radio menu item"})
NO_ROLE = frozenset({"unknown", "invalid", "redundant object"})
# Roles Qt gives a read-only page of text (QTextBrowser is "label"): all carry a Text interface.
PAGE_ROLES = frozenset({"label", "text", "document text", "document frame", "paragraph"})
READ_PAGE = "local-knowledge"
UNMARKED_PAGE = "skills-and-training"  # not among the sample's bookmarks
# While a field holds text, Qt shows its clear button (QLineEdit.setClearButtonEnabled). Tab
# skips it, but Orca's flat review and mouse review read it: ui/clear_button.py names it.
CLEAR_BUTTONS = {
    "Search the guide": "guide_app/ui/search/field.py",
    "Find in page": "guide_app/ui/reading/find_bar.py",
    "Filter bookmarks": "guide_app/ui/bookmarks/pane.py",
}


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide_cached(paths.content_dir(), None)


@pytest.fixture(scope="module")
def desktop() -> Iterator[tuple[dict[str, str], str]]:
    """An X screen of 1366x768 and a D-Bus session with the accessibility bus on demand."""
    missing = missing_packages()
    if missing:
        pytest.fail(
            f"not installed: {', '.join(missing)}; sudo apt-get install {' '.join(missing)} "
            "(.ci/run does)"
        )
    virtual_display = docs_module("virtual_display")
    with (
        virtual_display.virtual_display((1366, 768), window_manager=False) as display,
        session_bus() as bus,
    ):
        yield display.environment(), bus


@pytest.fixture
def sample(data_dir: Path, guide: Guide) -> Any:
    """A team's bookmarks and a long review in the app's data folder."""
    return docs_module("sample_data").write_sample_data(data_dir, guide)


@pytest.fixture
def reader_on_page(
    desktop: tuple[dict[str, str], str], data_dir: Path, sample: Any
) -> Iterator[ScreenReader]:
    """The app showing a problem area's page, read by the screen reader."""
    with running_guide(*desktop, data_dir, READ_PAGE) as reader:
        reader.wait_until("the page", lambda tree: bool(page_objects(tree)))
        yield reader


def page_objects(tree: list[Accessible]) -> list[Accessible]:
    return [a for a in tree if a.shown and a.name == "Page" and a.role in PAGE_ROLES]


def unnamed(tree: list[Accessible]) -> list[str]:
    """Objects a screen reader would announce by role alone: no name to speak.

    A blank cell of a table is not one: Orca reads its column's header, then "blank".
    """
    return [
        a.path
        for a in tree
        if not a.name.strip()
        and (
            (a.shown and (a.role in NAMED_ROLES or "focusable" in a.states))
            or a.role in MENU_ROLES  # menus are closed while the tree is read
        )
        and not (a.role == "table cell" and parent_label(a).startswith("table "))
    ]


def parent_label(accessible: Accessible) -> str:
    """The role and name of the object's parent, from its path."""
    return accessible.path.rsplit(" > ", 2)[-2] if " > " in accessible.path else ""


def without_role(tree: list[Accessible]) -> list[str]:
    """Focusable objects on screen whose role says nothing about what they are."""
    return [a.path for a in tree if a.shown and "focusable" in a.states and a.role in NO_ROLE]


def clear_buttons(tree: list[Accessible]) -> list[Accessible]:
    """The clear buttons of the fields in CLEAR_BUTTONS, on screen."""
    return [
        a
        for a in shown(tree, "push button")
        if any(a.path.endswith(f"text {f!r} > {a.label}") for f in CLEAR_BUTTONS)
    ]


def check_named(tree: list[Accessible], where: str) -> None:
    assert unnamed(tree) == [], f"{where}: no name to speak"
    assert without_role(tree) == [], f"{where}: no role"


def one(tree: list[Accessible], role: str, name: str) -> Accessible:
    found = shown(tree, role, name)
    assert len(found) == 1, f"expected one {role} {name!r} on screen, found {len(found)}"
    return found[0]


def test_reader_view_every_pane_control_and_tree_has_a_role_and_a_name(
    reader_on_page: ScreenReader,
) -> None:
    tree = reader_on_page.tree()
    check_named(tree, "reader")
    one(tree, "tree", "Contents")
    one(tree, "tool bar", "Navigation")
    one(tree, "text", "Search the guide")
    assert len(page_objects(tree)) == 1
    assert shown(tree, "page tab list"), "the side panes' tabs are not on screen"
    assert {a.name for a in shown(tree, "page tab")} >= {"Contents", "Search", "Bookmarks"}
    menus = {a.name for a in tree if a.role == "menu item" and " > menu bar " in f" {a.path}"}
    assert {"File", "Edit", "View", "Go", "Bookmarks", "Reviews", "Help"} <= menus
    rows = [a for a in shown(tree, "table cell") if " > tree 'Contents' > " in a.path]
    assert any(a.name == "Problem area: Local knowledge" for a in rows)  # kind, then title


def test_reader_page_is_exposed_as_text(reader_on_page: ScreenReader, guide: Guide) -> None:
    node = guide.nodes[READ_PAGE]
    (page,) = page_objects(reader_on_page.tree())
    assert page.text is not None, "the page has no Text interface: nothing to read aloud"
    text = " ".join(page.text.split())
    assert node.title in text
    opening = " ".join(node.summary.split()[:8])
    assert opening in text, f"the summary's start {opening!r} is not in the page's text"
    assert "read only" in page.states
    assert "focusable" in page.states  # Tab reaches the page, so its text can be read


def test_search_find_and_bookmarks_have_names(reader_on_page: ScreenReader) -> None:
    reader_on_page.type("text", "Search the guide", "physio confidence")
    tree = reader_on_page.wait_until("search results", lambda t: len(shown(t, "list item")) > 1)
    one(tree, "list", "Search results")
    check_named(tree, "search pane, with results")
    reader_on_page.act("menu item", "Find in page…")  # Edit > Find in page (Ctrl+F)
    reader_on_page.type("text", "Find in page", "local")
    tree = reader_on_page.wait_until(
        "the find bar", lambda t: bool(shown(t, "text", "Find in page"))
    )
    check_named(tree, "find bar, with a word typed")
    reader_on_page.act("page tab", "Bookmarks")
    tree = reader_on_page.wait_until("the bookmarks", lambda t: bool(bookmark_rows(t)))
    check_named(tree, "bookmarks pane")
    one(tree, "text", "Filter bookmarks")
    rows = bookmark_rows(tree)
    folder = docs_module("sample_data").FOLDER_NAME
    assert any(folder in row for row in rows), rows  # the folder is read out, by name
    assert any("Note: Use with every new referral" in row for row in rows), rows


def bookmark_rows(tree: list[Accessible]) -> list[str]:
    """What the screen reader says for each row of the Bookmarks tree (or list)."""
    return [
        a.name
        for a in shown(tree, "table cell") + shown(tree, "list item")
        if " > tree 'Bookmarks' > " in a.path or " > list 'Bookmarks' > " in a.path
    ]


def test_clear_buttons_have_names(reader_on_page: ScreenReader) -> None:
    reader_on_page.type("text", "Search the guide", "pain")
    reader_on_page.act("menu item", "Find in page…")
    reader_on_page.type("text", "Find in page", "pain")
    reader_on_page.act("page tab", "Bookmarks")
    reader_on_page.wait_until("the bookmarks", lambda t: bool(bookmark_rows(t)))
    reader_on_page.type("text", "Filter bookmarks", "mood")
    tree = reader_on_page.wait_until("three clear buttons", lambda t: len(clear_buttons(t)) == 3)
    assert [a.path for a in clear_buttons(tree) if not a.name.strip()] == []


def test_review_editor_every_control_has_a_role_and_a_name(
    reader_on_page: ScreenReader,
) -> None:
    reader_on_page.act("push button", "Service reviews")  # Ctrl+R, or the toolbar button
    tree = reader_on_page.wait_until(
        "the review checklist", lambda t: bool(shown(t, "tree", "Principles and criteria"))
    )
    check_named(tree, "review editor")
    one(tree, "list", "Saved reviews")
    for name in ("Notes", "Evidence"):
        one(tree, "text", name)
    one(tree, "table", "Actions")


def status_buttons(tree: list[Accessible]) -> dict[str, Accessible]:
    return {
        a.name.removeprefix("Status: "): a
        for a in shown(tree, "radio button")
        if a.name.startswith("Status: ")
    }


def checked(tree: list[Accessible]) -> list[str]:
    return [name for name, a in status_buttons(tree).items() if "checked" in a.states]


def selected_criterion(tree: list[Accessible]) -> str:
    """The checklist row selected now, as read out (its text, then "Status: ...")."""
    rows = {
        a.name
        for a in shown(tree, "table cell")
        if " > tree 'Principles and criteria' > " in a.path and "selected" in a.states
    }
    assert len(rows) == 1, rows
    return rows.pop()


def test_review_status_buttons_say_their_state(
    desktop: tuple[dict[str, str], str], data_dir: Path, sample: Any, guide: Guide
) -> None:
    criterion = guide.nodes[sample.long_criterion]
    place = f"review:{sample.review_id}/{criterion.id}"
    with running_guide(*desktop, data_dir, place) as reader:
        tree = reader.wait_until("the status buttons", lambda t: len(status_buttons(t)) == 5)
        labels = {status.label for status in Status}
        assert set(status_buttons(tree)) == labels
        assert all("checkable" in a.states for a in status_buttons(tree).values())
        assert checked(tree) == ["Partly met"]  # the review's status for this criterion
        row = selected_criterion(tree)
        assert row.startswith(criterion.title)
        assert re.search(r"Status: Partly met\.?$", row), row

        reader.act("radio button", "Status: Met")  # as Space on the button does
        tree = reader.wait_until("Met checked", lambda t: checked(t) == ["Met"])
        assert "checked" not in status_buttons(tree)["Partly met"].states
        assert re.search(r"Status: Met\.?$", selected_criterion(tree))
    book = ReviewBook(data_dir)  # the app has quit, saving what the screen reader changed
    book.load()
    assert book.get(sample.review_id).assessment(criterion.id).status is Status.MET


def bookmarked(data_dir: Path, node_id: str) -> bool:
    """Whether the saved bookmarks (read after the app quit) hold `node_id`."""
    store = BookmarkStore()
    BookmarkFile(data_dir).load_into(store)
    return store.for_node([node_id]) is not None


def star_checked(tree: list[Accessible]) -> bool:
    return any("checked" in a.states for a in shown(tree, "check box") if "tool bar" in a.path)


def test_bookmarking_is_spoken_and_the_star_says_it_is_on(
    desktop: tuple[dict[str, str], str], data_dir: Path, sample: Any
) -> None:
    with running_guide(*desktop, data_dir, UNMARKED_PAGE) as reader:
        (star,) = [a for a in shown(reader.tree(), "check box") if "tool bar" in a.path]
        assert "checkable" in star.states
        assert "checked" not in star.states
        heard = reader.hear("check box", star.name, "Press")  # a click, Ctrl+D or Space
        reader.wait_until("the star checked", star_checked)
    assert any(text.startswith("Bookmarked") for text in heard), heard
    assert bookmarked(data_dir, UNMARKED_PAGE)


def test_the_stars_toggle_action_bookmarks_the_page(
    desktop: tuple[dict[str, str], str], data_dir: Path, sample: Any
) -> None:
    with running_guide(*desktop, data_dir, UNMARKED_PAGE) as reader:
        reader.act("check box", "Bookmark this page")  # its first action: Toggle
        reader.wait_until("the star checked", star_checked)
    assert bookmarked(data_dir, UNMARKED_PAGE)
