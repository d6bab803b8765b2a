"""Problems found in a source: collected as they are found, raised together at the end."""
from __future__ import annotations

from dataclasses import dataclass

from .. import model as m
from ..errors import PlainpressError


@dataclass(frozen=True)
class Problem:
    loc: m.Location
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}; {self.hint}"


class SourceError(PlainpressError):
    """Raised once per source (or once per build) with every problem found, each at its file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Problems:
    def __init__(self, file: str):
        self.file = file
        self.found: list[Problem] = []
        self.has_control_characters = False

    def add(self, line: int, message: str, hint: str) -> None:
        self.found.append(Problem(m.Location(self.file, line), message, hint))

    def raise_if_any(self) -> None:
        if self.found:
            raise SourceError(sorted(self.found, key=lambda p: p.loc.line))
