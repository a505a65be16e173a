"""Page breaks on paper: headings kept with what follows, forced breaks, repeated heading rows."""

from __future__ import annotations

from guide_app.export.page_breaks import Piece, Slice, paginate


def lines(top: float, count: int, height: float = 10.0, **flags: bool) -> list[Piece]:
    return [Piece(top + n * height, top + (n + 1) * height, **flags) for n in range(count)]


def test_pieces_that_fit_share_a_page_and_the_rest_go_on() -> None:
    pages = paginate(lines(0, 25), 100)
    assert pages == [[Slice(0, 100)], [Slice(100, 200)], [Slice(200, 250)]]


def test_a_heading_at_a_page_foot_goes_over_with_what_it_introduces() -> None:
    heading = Piece(85, 95, keep_with_next=True)
    pieces = [*lines(0, 8), heading, *lines(95, 3)]
    assert paginate(pieces, 100) == [[Slice(0, 80)], [Slice(85, 125)]]


def test_a_run_kept_together_longer_than_a_page_breaks_where_it_must() -> None:
    pieces = lines(0, 15, keep_with_next=True)
    assert paginate(pieces, 100) == [[Slice(0, 100)], [Slice(100, 150)]]


def test_a_forced_break_starts_a_page() -> None:
    pieces = [*lines(0, 2), Piece(20, 30, break_before=True), *lines(30, 2)]
    assert paginate(pieces, 100) == [[Slice(0, 20)], [Slice(20, 50)]]


def test_a_table_row_starting_a_page_brings_its_heading_row() -> None:
    head = Slice(0, 10)
    rows = [Piece(10 + n * 30, 40 + n * 30, repeat=head) for n in range(6)]
    pieces = [Piece(0, 10, keep_with_next=True), *rows]
    assert paginate(pieces, 100) == [[Slice(0, 100)], [head, Slice(100, 190)]]


def test_a_piece_taller_than_a_page_gets_one_of_its_own() -> None:
    pieces = [*lines(0, 2), Piece(20, 320), *lines(320, 1)]
    assert paginate(pieces, 100) == [[Slice(0, 20)], [Slice(20, 320)], [Slice(320, 330)]]
