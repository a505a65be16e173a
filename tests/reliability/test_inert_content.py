"""Active content is inert: raw HTML is text, nothing is fetched, only clicked web links open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QImage,
    QPixmap,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

from guide_app.guide.load.loader import check_content
from guide_app.guide.page import Block, Page
from guide_app.shell.app import create_main_window
from guide_app.ui.reading.page_render import _FEATURES
from guide_app.ui.reading.reader import Reader
from guide_app.ui.window.main_window import MainWindow
from tests.helpers.content_kit import write_content
from tests.helpers.fixtures import show_active
from tests.helpers.reader import click_link, link_position
from tests.helpers.text_formats import formats

RAW_HTML = [
    "<script>document.title = 'ran'</script>",
    '<iframe src="http://example.org/frame"></iframe>',
    "<style>p { color: red }</style>",
    '<a href="javascript:raw()">raw link</a>',
    '<b onclick="raw()">bold</b>',
    '<img src="http://example.org/raw.png">',
]
BLOCKED = [
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,hello",
    "javascript:nested()",
    "javascript:reference()",
]
WEB = "https://example.org/page"
SCHEMES = ("https", "http", "mailto", "file", "javascript", "data")
IMAGE = QTextDocument.ResourceType.ImageResource.value


def active_markdown(picture: Path) -> str:
    """Markdown holding every kind of active content; `picture` is a real image on disk."""
    png = QUrl.fromLocalFile(str(picture)).toString()
    return "\n".join(
        [
            " ".join(RAW_HTML),
            "",
            "![web picture](http://example.org/pic.png) ![passwords](file:///etc/passwd)",
            f"![disk picture]({png}) ![reference picture][pic]",
            f"[![linked picture]({png})](https://example.org/)",
            "",
            f"[file link]({BLOCKED[0]}) [script link]({BLOCKED[1]}) [data link]({BLOCKED[2]})",
            f"[web link]({WEB}) [nested [bracket] link]({BLOCKED[3]}) [reference link][js]",
            "",
            f"[pic]: {png}",
            f"[js]: {BLOCKED[4]}",
        ]
    )


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    """A real PNG file that a page names: nothing may read it."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    path = tmp_path / "picture.png"
    assert image.save(str(path))
    return path


def active_page(picture: Path) -> Page:
    """A page of active content, as if the content check had let it in."""
    return Page("active", "Active", (Block("markdown", active_markdown(picture)),))


@pytest.fixture
def reader(qtbot: QtBot, picture: Path) -> Reader:
    """The real reader, on its own, shown, with the page of active content."""
    view = Reader()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_page(active_page(picture))
    view.show()
    qtbot.waitExposed(view)
    return view


def images(document: QTextDocument) -> list[str]:
    return [f.toImageFormat().name() for f in formats(document) if f.isImageFormat()]


class BrowserStandIn(QObject):
    """Gets what Qt would hand to the system (Qt's own URL-handler hook), and what was shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.opened: list[tuple[str, str]] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append((url.toString(), self.window.statusBar().currentMessage()))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, data_dir: Path) -> MainWindow:
    """The main window on the test kit, shown and active."""
    win = create_main_window(write_content(tmp_path / "content"), data_dir)
    qtbot.addWidget(win)
    show_active(qtbot, win)
    return win


@pytest.fixture
def browser(window: MainWindow, picture: Path) -> Iterator[BrowserStandIn]:
    """Every scheme's opening recorded instead of run; the window's reader shows active content."""
    window.reader.show_page(active_page(picture))
    stand_in = BrowserStandIn(window)
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, stand_in, "open")
    yield stand_in
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


# What the content check says --------------------------------------------------------------------


def test_loader_refuses_active_content_with_file_and_line(tmp_path: Path, picture: Path) -> None:
    body = "".join(f"  {line}\n" for line in active_markdown(picture).splitlines())
    header = "title: Beta\nsummary: S.\nbasis: editorial\nbody: |\n"
    root = write_content(tmp_path / "content", areas__beta=header + body)
    _, problems = check_content(root)
    found = [(p.line, p.message.split(";")[0]) for p in problems]
    assert {p.file for p in problems} == {str(root / "areas" / "beta.yaml")}
    raw = [(5, f"raw HTML {tag!r} is not allowed") for tag in (
        "<script>", "</script>", '<iframe src="http://example.org/frame">', "</iframe>",
        "<style>", "</style>", '<a href="javascript:raw()">', "</a>", '<b onclick="raw()">',
        "</b>", '<img src="http://example.org/raw.png">',
    )]  # fmt: skip
    images = "images are not shown by the guide"
    assert sorted(found) == sorted(
        [
            *raw,
            (7, images), (7, images), (8, images),
            (9, f"link '{QUrl.fromLocalFile(str(picture)).toString()}' uses 'file:'"),
            (11, "link 'file:///etc/passwd' uses 'file:'"),
            (11, "link 'javascript:alert(1' uses 'javascript:'"),
            (11, "link 'data:text/html,hello' uses 'data:'"),
            (14, f"link '{QUrl.fromLocalFile(str(picture)).toString()}' uses 'file:'"),
            (15, "link 'javascript:reference()' uses 'javascript:'"),
        ]  # not line 12's [nested [bracket] link](...): the reader refuses it (below)
    )  # fmt: skip


# What the reader shows and loads ---------------------------------------------------------------


def test_raw_html_is_shown_as_text_and_runs_nothing(reader: Reader) -> None:
    shown = reader.toPlainText()
    for tag in RAW_HTML:
        assert tag in shown  # every character of it, as text
    hrefs = {f.anchorHref() for f in formats(reader.document())} - {""}
    assert hrefs == {*BLOCKED, WEB}  # the raw <a> is no link
    red = QColor("red")
    assert all(f.foreground().color() != red for f in formats(reader.document()))  # no <style>


def test_images_are_shown_as_their_descriptions_and_nothing_is_loaded(
    qtbot: QtBot, reader: Reader, picture: Path
) -> None:
    assert images(reader.document()) == []
    shown = reader.toPlainText()
    for alt in ("web picture", "passwords", "disk picture", "reference picture", "linked picture"):
        assert alt in shown
    # The control: Qt's own rendering of the same text lays out the picture, read from disk.
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    plain.document().setMarkdown(active_markdown(picture), _FEATURES)
    plain.show()
    qtbot.waitExposed(plain)
    url = QUrl.fromLocalFile(str(picture))
    assert url.toString() in images(plain.document())
    loaded = plain.document().resource(IMAGE, url)
    assert isinstance(loaded, QImage | QPixmap)
    assert loaded.width() == 8


def test_the_document_reads_no_file_a_page_names(
    qtbot: QtBot, reader: Reader, picture: Path
) -> None:
    url = QUrl.fromLocalFile(str(picture))
    for kind in QTextDocument.ResourceType:
        assert bytes(reader.document().resource(kind.value, url)) == b""
    # The control: a plain QTextBrowser's document reads the file itself.
    plain = QTextBrowser()
    qtbot.addWidget(plain)
    loaded = plain.document().resource(IMAGE, url)
    assert isinstance(loaded, QPixmap)
    assert loaded.width() == 8


# Clicking and hovering ----------------------------------------------------------------------


def point_at(qtbot: QtBot, reader: Reader, href: str) -> None:
    """Move the mouse over the link to `href`, from elsewhere (Qt ignores a move to the same
    place, where an earlier test may have left the pointer)."""
    qtbot.mouseMove(reader.viewport(), QPoint(1, 1))
    with qtbot.waitSignal(reader.highlighted, check_params_cb=lambda url: url == QUrl(href)):
        qtbot.mouseMove(reader.viewport(), link_position(reader, href))


@pytest.mark.parametrize("href", BLOCKED)
def test_blocked_link_is_refused_and_opens_nothing(
    qtbot: QtBot, window: MainWindow, browser: BrowserStandIn, href: str
) -> None:
    before = window.current_id
    with (
        qtbot.waitSignal(window.reader.blocked_link) as blocked,
        qtbot.assertNotEmitted(window.reader.external_link),
        qtbot.assertNotEmitted(window.reader.open_location),
    ):
        click_link(qtbot, window.reader, href)
    assert blocked.args == [QUrl(href).toString()]
    assert window.statusBar().currentMessage() == f"This link is not allowed: {blocked.args[0]}"
    assert browser.opened == []
    assert window.current_id == before


def test_web_link_opens_only_on_click_after_its_address_is_shown(
    qtbot: QtBot, window: MainWindow, browser: BrowserStandIn
) -> None:
    assert browser.opened == []  # showing the page opened nothing
    point_at(qtbot, window.reader, WEB)
    assert window.statusBar().currentMessage() == f"Opens in your browser: {WEB}"
    assert browser.opened == []  # nor did pointing at the link
    click_link(qtbot, window.reader, WEB)
    assert browser.opened == [(WEB, f"Opening in your browser: {WEB}")]


@pytest.mark.parametrize("href", BLOCKED)
def test_pointing_at_a_blocked_link_never_shows_another_address(
    qtbot: QtBot, window: MainWindow, browser: BrowserStandIn, href: str
) -> None:
    point_at(qtbot, window.reader, WEB)
    assert window.statusBar().currentMessage() == f"Opens in your browser: {WEB}"
    with qtbot.waitSignal(window.reader.highlighted):  # straight to the next link
        qtbot.mouseMove(window.reader.viewport(), link_position(window.reader, href))
    assert (
        window.statusBar().currentMessage() == f"This link is not allowed: {QUrl(href).toString()}"
    )
    assert browser.opened == []
