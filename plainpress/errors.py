"""The one root of what plainpress refuses or cannot do. Each such error says where (a file, and a line
when there is one), what is wrong and how to mend it; the command line catches this class once and
prints it, after a first line naming the command that could not be done."""
from __future__ import annotations

from pathlib import Path


class PlainpressError(Exception):
    def __init__(self, what: str, how: str = "", file: Path | str | None = None, line: int | None = None):
        self.what, self.how, self.file, self.line = what, how, file, line
        super().__init__(self.text())

    def text(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else f"{self.file}: " if self.file else ""
        return f"{where}{self.what}" + (f"; {self.how}" if self.how else "")
