"""The marks every report shares: a shape and colour per status, a symbol per change."""

from __future__ import annotations

from guide_app.store.review_summary import Change, Outcome
from guide_app.store.reviews import STATUS_ORDER, Status

# One shape per status, so that a bar reads in black and white and to the colour-blind: a full
# block, a half block, a cross, a line and a ring (the editor's icons are a tick, a half-filled
# circle, a cross, a dash and a dotted ring). All are in Consolas and Courier New as well as
# DejaVu Sans Mono, so a bar keeps its width on Windows too.
STATUS_GLYPHS = {
    Status.MET: "█",
    Status.PARTLY_MET: "▄",
    Status.NOT_MET: "×",
    Status.NOT_APPLICABLE: "─",
    Status.NOT_ASSESSED: "○",
}

# Green, amber and red on paper, always beside the status's shape and words.
PRINT_COLOURS = {
    Status.MET: "#1b7a2a",
    Status.PARTLY_MET: "#c77c00",
    Status.NOT_MET: "#c62828",
    Status.NOT_APPLICABLE: "#5f5f5f",
    Status.NOT_ASSESSED: "#5f5f5f",
}

# What changed since an earlier review: a symbol and words.
OUTCOME_SYMBOLS = {
    Outcome.IMPROVED: "▲",
    Outcome.WORSE: "▼",
    Outcome.UNCHANGED: "=",
    Outcome.NEWLY_ASSESSED: "+",
    Outcome.NOT_COMPARABLE: "≠",
}
OUTCOME_COLOURS = {Outcome.IMPROVED: PRINT_COLOURS[Status.MET], Outcome.WORSE: "#c62828"}

KEY_LABEL = "Key"


def status_mark(status: Status) -> str:
    """The status's shape and words, such as "▄ Partly met"."""
    return f"{STATUS_GLYPHS[status]} {status.label}"


def outcome_mark(outcome: Outcome) -> str:
    """The change's symbol and words, such as "▼ Worse"."""
    return f"{OUTCOME_SYMBOLS[outcome]} {outcome.value}"


def key_text() -> str:
    """The key to the bars as plain text: "Key: █ Met, ▄ Partly met, … ○ Not assessed."."""
    return f"{KEY_LABEL}: " + ", ".join(status_mark(s) for s in STATUS_ORDER) + "."


def changes_only_note(changes: list[Change], shown: list[Change]) -> str:
    """What a "changes only" comparison leaves out, as one sentence."""
    if not shown:
        return "No criterion's status changed."
    left_out = len(changes) - len(shown)
    if not left_out:
        return "Every criterion's status changed."
    criteria = "criterion" if left_out == 1 else "criteria"
    return (
        f"Only criteria whose status changed are listed ({left_out} unchanged {criteria} left out)."
    )
