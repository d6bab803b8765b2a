"""Findings: what checks and validators report, as plain values."""
from __future__ import annotations

from dataclasses import asdict, dataclass

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
