"""Read changes.yaml (what changed in each edition, and why) and check it against the guide."""

from __future__ import annotations

from collections.abc import Mapping

from guide_app.guide.load.validate import Record
from guide_app.guide.model import Change, EditionChanges, Node
from guide_app.guide.problems import FileProblems


def read_editions(
    record: Record,
    log: FileProblems,
    nodes: Mapping[str, Node],
    aliases: Mapping[str, str],
    current: tuple[str, str],
) -> tuple[EditionChanges, ...]:
    """The editions in `record`, each problem reported at its line.

    `current` is guide.yaml's edition and date: that edition must be listed, with that date.
    An edition listed twice, or a change naming a page that is neither in the guide nor one
    of its former ids (unless the change says the page was removed), is an error.
    """
    editions: list[EditionChanges] = []
    seen: dict[str, int] = {}
    for item in record.get("editions", ()):
        number = item.get("edition")
        if number is None:
            continue
        line = item.line_of("edition")
        if number in seen:
            log.error(line, f"edition '{number}' is listed twice (first at line {seen[number]})")
            continue
        seen[number] = line
        changes = tuple(_changes(item, log, nodes, aliases))
        editions.append(EditionChanges(number, item.get("date", ""), item.get("note", ""), changes))
    edition, date = current
    if edition and edition not in seen:
        log.error(
            record.line_of("editions"),
            f"the current edition '{edition}' (guide.yaml) is not listed: say what changed in it",
        )
    for found in editions:
        if found.number == edition and date and found.date and found.date != date:
            log.error(
                seen[edition],
                f"edition '{edition}' is dated {found.date} here but {date} in guide.yaml",
            )
    return tuple(sorted(editions, key=lambda e: e.number != edition))  # the current one first


def _changes(
    item: Record, log: FileProblems, nodes: Mapping[str, Node], aliases: Mapping[str, str]
) -> list[Change]:
    found = []
    for entry in item.get("changes", ()):
        page, change, reason = (entry.get(k) for k in ("page", "change", "reason"))
        if page is None or change is None or reason is None:
            continue  # reported by the field check
        known = page in nodes or page in aliases
        if not known and change != "removed":
            log.error(
                entry.line_of("page"),
                f"no page '{page}' in the guide: check the id, or say the page was removed",
            )
            continue
        found.append(Change(page, change, reason))
    return found
