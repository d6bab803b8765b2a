"""What a batch is doing, on one line of a terminal: guide N of M and its stage, on stderr.

Nothing is written when stderr is not a terminal (a pipe, a CI log) or with `-q`; the line is cleared
before the summary is printed.
"""
from __future__ import annotations

import shutil
import sys


class Progress:
    def __init__(self, enabled: bool = False, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.position: dict = {}

    @classmethod
    def on_terminal(cls, quiet: bool) -> Progress:
        return cls(enabled=not quiet and sys.stderr.isatty())

    def start(self, guides) -> None:
        """The guides of the batch, in order: the N of "guide N of M"."""
        self.position = {g.path: n for n, g in enumerate(guides, 1)}

    def step(self, guide, stage: str) -> None:
        n = self.position.get(guide.path)
        where = f"guide {n} of {len(self.position)}: " if n else ""
        self.note(f"{where}{guide.slug} ({guide.meta.lang}): {stage}")

    def note(self, text: str) -> None:
        if self.enabled:
            width = shutil.get_terminal_size().columns - 1
            self.stream.write("\r" + f"plainpress: {text}"[:width] + "\033[K")
            self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()
