"""Problems found in content files, each reported as `file:line: message`."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    """How bad a problem is: errors stop the app loading the guide, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, where it is and what to do about it."""

    file: str
    line: int
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        return f"{self.file}:{self.line}: {prefix}{self.message}"


class ContentError(Exception):
    """The content could not be loaded; `problems` lists every error and warning found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        super().__init__(f"{len(errors)} problem(s) in the guide's content")


class FileProblems:
    """Records problems against one named file."""

    def __init__(self, path: object, sink: list[Problem]) -> None:
        self.name = str(path)
        self._sink = sink

    def error(self, line: int, message: str) -> None:
        """Record an error at `line` (1-based)."""
        self._sink.append(Problem(self.name, line, message, Severity.ERROR))

    def warning(self, line: int, message: str) -> None:
        """Record a warning at `line` (1-based)."""
        self._sink.append(Problem(self.name, line, message, Severity.WARNING))
