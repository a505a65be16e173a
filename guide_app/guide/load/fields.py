"""The fields each content file may hold: one table read by the loader and by the JSON Schema."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from guide_app.guide.model import CHANGE_KINDS as CHANGE_KINDS  # re-exported: checks, schema

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
URL_PATTERN = r"^https?://\S+$"
# Markup a one-line text (a title, a criterion, a publisher ...) may not hold, since such text
# is shown as plain text everywhere: an HTML tag, comment or declaration (`<b>`, `</b>`, `<!--`,
# `<?xml`), an HTML entity (`&lt;`, `&#60;`, `&#x3C;`), or Markdown image or link syntax (`![`,
# `](`). A lone `<` or `&`, as in "< 10 minutes" or "Q & A", is fine.
MARKUP_PATTERN = r"<[A-Za-z/!?]|&#?[A-Za-z0-9]+;|!\[|\]\("
BASIS_VALUES = ("project", "guidance", "research", "editorial")
# What kind of document a source is, so a reader can weigh it (a guideline is not a news item).
SOURCE_KINDS = (
    "guideline",  # NICE, CKS, a national clinical guideline
    "policy",  # government or NHS policy, a plan, a framework, an official statistic
    "trial",  # a randomised trial
    "study",  # other published research: observational, qualitative, a survey report
    "review",  # a systematic or narrative review
    "abstract",  # a conference abstract
    "project",  # the Q Lab and Mind project's own material
    "service",  # a service's or charity's own page: what it offers, how to reach it
    "professional",  # a professional body's page or blog
    "news",  # a news item
    "supplier",  # a commercial supplier's page
    "tool",  # a questionnaire or tool, from its developer or a copy of it
)


class Type(enum.Enum):
    """The kinds of value a field holds."""

    TEXT = "text"  # markdown, may span lines, must not be blank
    LINE = "line"  # one line of plain text (no markup), must not be blank
    ID = "id"  # lower-case words joined by hyphens
    IDS = "ids"  # a list of ids
    LINES = "lines"  # a list of non-blank texts
    BASIS = "basis"  # project, guidance, research or editorial
    SOURCE_KIND = "source kind"  # one of SOURCE_KINDS
    CHANGE_KIND = "change kind"  # one of CHANGE_KINDS
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    URL = "url"  # http(s) address
    RECORD = "record"  # a mapping described by `spec`
    RECORDS = "records"  # a list of mappings described by `spec`
    GROUPS = "groups"  # a list of lists of at least two non-blank texts


@dataclass(frozen=True)
class Field:
    """One key a content file may hold."""

    name: str
    type: Type
    required: bool
    help: str
    spec: Spec | None = None


@dataclass(frozen=True)
class Spec:
    """The keys of one kind of mapping (a whole file, or an item inside one)."""

    name: str
    help: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        """Return the field called `name`, or None when the key is unknown."""
        return next((f for f in self.fields if f.name == name), None)


def _req(name: str, type_: Type, help_: str, spec: Spec | None = None) -> Field:
    return Field(name, type_, True, help_, spec)  # noqa: FBT003 (dataclass field order)


def _opt(name: str, type_: Type, help_: str, spec: Spec | None = None) -> Field:
    return Field(name, type_, False, help_, spec)  # noqa: FBT003


def _node_fields(*, required_body: bool) -> tuple[Field, ...]:
    """Fields every page-like node shares: what it says and where that comes from."""
    return (
        _req("title", Type.LINE, "Title shown in the contents and at the top of the page."),
        _req("summary", Type.TEXT, "One or two sentences, shown in lists and under the title."),
        (_req if required_body else _opt)(
            "body", Type.TEXT, "The page's text, in Markdown; link with guide:<id>."
        ),
        _req(
            "basis",
            Type.BASIS,
            "project (Q Lab/Mind work), guidance (NICE, national "
            "policy), research (published studies) or editorial (our own suggestion).",
        ),
        _opt("sources", Type.IDS, "Ids from sources.yaml; needed unless basis is editorial."),
        _opt("aliases", Type.IDS, "Former ids of this page, so old bookmarks still open it."),
        _opt(
            "not_known",
            Type.TEXT,
            "What is not known: one short box at the end of the page, instead of asides.",
        ),
        _opt(
            "reviewed",
            Type.DATE,
            "When this page was last checked against its sources (YYYY-MM-DD); "
            "default: the edition's date.",
        ),
        _opt(
            "review_due",
            Type.DATE,
            "When this page is next due for review (YYYY-MM-DD); default: the edition's "
            "review_due.",
        ),
    )


def _with_id(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    return (_req("id", Type.ID, "Stable id: never changed or reused once published."), *fields)


SECTION = Spec(
    "section",
    "Title and introduction of a top-level part of the guide.",
    (
        _req("title", Type.LINE, "Title shown in the contents."),
        _req("summary", Type.TEXT, "Introduction shown at the top of the part's overview page."),
    ),
)

SECTIONS = Spec(
    "sections",
    "The five top-level parts of the guide.",
    tuple(
        _req(name, Type.RECORD, f"The '{name}' part.", SECTION)
        for name in ("about", "areas", "principles", "examples", "evidence")
    ),
)

ABOUT_PAGE = Spec("about page", "A page under About.", _with_id(_node_fields(required_body=True)))

GUIDE_FILE = Spec(
    "guide.yaml",
    "The guide as a whole: edition, order of parts, about pages.",
    (
        _req("title", Type.LINE, "The guide's title."),
        _req("summary", Type.TEXT, "What the guide is, shown on the home page."),
        _req("edition", Type.LINE, "Edition of the content, e.g. 2026.1."),
        _req("date", Type.DATE, "Date of this edition: every page was last reviewed then."),
        _req(
            "review_due",
            Type.DATE,
            "When the pages are next due for review (YYYY-MM-DD), unless a page gives its own.",
        ),
        _req("licence", Type.TEXT, "Licence of the content."),
        _opt("acknowledgements", Type.TEXT, "Who and what the guide draws on."),
        _req("sections", Type.RECORD, "Titles and introductions of the five parts.", SECTIONS),
        _req("areas", Type.IDS, "Problem areas, in the guide's order (files in areas/)."),
        _opt("examples", Type.IDS, "Examples, in contents order (files in examples/)."),
        _opt(
            "evidence",
            Type.IDS,
            "Evidence and context pages, in order (files in evidence/).",
        ),
        _req("about", Type.RECORDS, "Pages under About, in order.", ABOUT_PAGE),
    ),
)

ACTION = Spec(
    "action",
    "A potential solution: something a team can do.",
    (
        *_with_id(_node_fields(required_body=False)),
        _opt(
            "how_to_start",
            Type.LINES,
            "First steps, one per item: always shown as our suggestion, whatever the basis.",
        ),
    ),
)

CHALLENGE = Spec(
    "challenge",
    "A challenge to prepare for, with ideas for overcoming it.",
    (
        *_with_id(_node_fields(required_body=False)),
        _req("overcoming", Type.LINES, "Ideas for overcoming the challenge, one per item."),
    ),
)

AREA_FILE = Spec(
    "problem area",
    "One problem area (areas/<id>.yaml).",
    (
        *_node_fields(required_body=False),
        _opt("actions", Type.RECORDS, "Potential solutions.", ACTION),
        _opt("challenges", Type.RECORDS, "Challenges and how to overcome them.", CHALLENGE),
        _opt("examples", Type.IDS, "Ids of examples (examples/<id>.yaml) that show this area."),
    ),
)

EXAMPLE_FILE = Spec(
    "example",
    "An example from a real service (examples/<id>.yaml).",
    (
        *_node_fields(required_body=False),
        _req("who", Type.LINE, "The team or organisation."),
        _req("where", Type.LINE, "The place."),
        _req("when", Type.LINE, "When the work happened."),
        _req("what_they_did", Type.TEXT, "What they did."),
        _req("what_happened", Type.TEXT, "What happened, including what did not work."),
        _req("learning", Type.TEXT, "What other teams can learn from it."),
    ),
)

EVIDENCE_FILE = Spec(
    "evidence page",
    "Clinical and policy context (evidence/<id>.yaml).",
    _node_fields(required_body=True),
)

CRITERION = Spec(
    "criterion",
    "A statement a team can assess during a service review.",
    (
        _req("id", Type.ID, "Stable id: reviews store it, so never change or reuse it."),
        _req("text", Type.LINE, "The statement, e.g. 'People are asked about mood and sleep'."),
        _opt("evidence", Type.LINES, "Prompts: what would show the statement is true."),
        _opt("sample", Type.TEXT, "What to look at and count: the sample and its denominator."),
        _opt("met", Type.TEXT, "When it is met, if not by the shared rule in principles.yaml."),
        _opt("partly_met", Type.TEXT, "When it is partly met, if not by the shared rule."),
        _opt("not_met", Type.TEXT, "When it is not met, if not by the shared rule."),
        _opt("helps", Type.IDS, "Ids of solutions, examples and evidence pages that help meet it."),
        _opt("basis", Type.BASIS, "Where the statement comes from; editorial when left out."),
        _opt("sources", Type.IDS, "Ids from sources.yaml."),
        _opt("aliases", Type.IDS, "Former ids of this criterion."),
    ),
)

PRINCIPLE = Spec(
    "principle",
    "A service principle: what matters to people.",
    (
        *_with_id(_node_fields(required_body=False)),
        _opt("means", Type.TEXT, "What it means for a person living with both conditions."),
        _opt("good_looks_like", Type.TEXT, "What good looks like in a service."),
        _opt("gets_in_the_way", Type.TEXT, "What gets in the way."),
        _opt("helps", Type.IDS, "Ids of solutions, examples and evidence pages that help meet it."),
        _opt("criteria", Type.RECORDS, "Statements a team can assess.", CRITERION),
    ),
)

RATING = Spec(
    "rating",
    "The shared rule for rating a criterion met, partly met or not met.",
    (
        _req("met", Type.TEXT, "When a criterion is met."),
        _req("partly_met", Type.TEXT, "When it is partly met."),
        _req("not_met", Type.TEXT, "When it is not met."),
    ),
)

PRINCIPLES_FILE = Spec(
    "principles.yaml",
    "The five service principles, in order.",
    (
        _opt("rating", Type.RECORD, "The shared rule for rating criteria.", RATING),
        _req("principles", Type.RECORDS, "The principles.", PRINCIPLE),
    ),
)

SOURCE = Spec(
    "source",
    "A document the guide cites.",
    (
        _req("id", Type.ID, "Id used in `sources:` lists."),
        _req("title", Type.LINE, "Title of the document or page."),
        _req("publisher", Type.LINE, "Who published it."),
        _opt("date", Type.DATE, "When it was published (YYYY, YYYY-MM or YYYY-MM-DD)."),
        _opt("url", Type.URL, "Where to find it."),
        _opt("kind", Type.SOURCE_KIND, "What it is: " + ", ".join(SOURCE_KINDS) + "."),
        _opt("accessed", Type.DATE, "When the page itself was last opened and read."),
        _opt("checked", Type.DATE, "When our wording was last checked against our notes on it."),
        _opt("note", Type.TEXT, "What the guide takes from it, or a caution."),
    ),
)

SOURCES_FILE = Spec(
    "sources.yaml",
    "Every source the guide cites.",
    (_req("sources", Type.RECORDS, "The sources.", SOURCE),),
)

SYNONYMS_FILE = Spec(
    "synonyms.yaml",
    "Words search treats as the same (optional file).",
    (_req("synonyms", Type.GROUPS, "Groups of words and phrases that mean the same thing."),),
)

CHANGE = Spec(
    "change",
    "What happened to one page in an edition, and why.",
    (
        _req("page", Type.ID, "The page's id (a removed page's: the id it had)."),
        _req("change", Type.CHANGE_KIND, "What happened to it: " + ", ".join(CHANGE_KINDS) + "."),
        _req("reason", Type.LINE, "Why, in a short plain sentence."),
    ),
)

EDITION = Spec(
    "edition",
    "One edition of the content and what changed in it.",
    (
        _req("edition", Type.LINE, "The edition, as in guide.yaml, e.g. 2026.2."),
        _req("date", Type.DATE, "The edition's date (YYYY-MM-DD)."),
        _opt("note", Type.TEXT, "What the edition as a whole changed, in Markdown."),
        _opt("changes", Type.RECORDS, "The pages added, updated or removed.", CHANGE),
    ),
)

CHANGES_FILE = Spec(
    "changes.yaml",
    "What changed in each edition, and why (optional file; the newest edition first).",
    (_req("editions", Type.RECORDS, "The editions, newest first.", EDITION),),
)

# Which spec describes which file: the key is the file name or the folder holding such files.
FILE_SPECS: dict[str, Spec] = {
    "guide.yaml": GUIDE_FILE,
    "areas": AREA_FILE,
    "examples": EXAMPLE_FILE,
    "evidence": EVIDENCE_FILE,
    "principles.yaml": PRINCIPLES_FILE,
    "sources.yaml": SOURCES_FILE,
    "synonyms.yaml": SYNONYMS_FILE,
    "changes.yaml": CHANGES_FILE,
}
