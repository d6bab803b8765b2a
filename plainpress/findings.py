"""Findings: what checks and validators report, as plain values."""
from __future__ import annotations

from dataclasses import asdict, dataclass


def clipped(text: str, limit: int = 80) -> str:
    """A quotation for a message: its spaces squeezed, cut at `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_words(text: str, count: int = 8) -> str:
    """The first words of a paragraph, to find it by: what a translator searches for."""
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


@dataclass(frozen=True)
class Finding:
    severity: str      # "error", "warning" or "info"
    rule: str          # e.g. "reading.grade", "epubcheck.RSC-005"
    location: str      # "file:line", or an output file
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.severity.upper()}: {self.message} [{self.rule}]"
        return f"{text}\n    {self.hint}" if self.hint else text

    def to_json(self) -> dict:
        return asdict(self)
