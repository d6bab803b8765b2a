"""What the build hands from stage to stage: a source read (Known), a guide's result (GuideResult), and
the refusal of bad input (BuildInputError)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from ..errors import PlainpressError
from ..findings import Finding
from ..validate import ToolResult

if TYPE_CHECKING:
    from ..checks.readability import ReadingReport


class BuildInputError(PlainpressError):
    """Bad input: every problem in every source, or a path that is not a guide."""


@dataclass
class GuideResult:
    guide: m.Guide
    reading: ReadingReport
    findings: list[Finding]
    outputs: dict[str, Path] = field(default_factory=dict)
    validation: dict[str, list[ToolResult]] = field(default_factory=dict)
    out_dir: Path | None = None   # where its outputs and reports were written
    origin: object | None = None  # a translation's source and record (translate.memory.Origin)
    source_key: str = ""          # the hash of its inputs (inputs.source_key)
    pdf_pages: int | None = None
    from_cache: list[str] = field(default_factory=list)  # the formats an earlier build made

    def translation_current(self) -> float | None:
        """The share of a translation that translates the present source; None for a source guide."""
        from ..checks.translation import current_share
        return current_share(self.guide, self.origin.source, self.origin.record) if self.origin else None

    def failed_validators(self) -> list[ToolResult]:
        return [r for results in self.validation.values() for r in results if r.checked and not r.passed]


@dataclass
class Known:
    """A source before its checks: its guide, and its findings when the cache has them."""
    guide: m.Guide
    source_key: str
    checked: tuple | None = None   # (reading, findings, origin) from the cache
