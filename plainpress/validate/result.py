"""A validator's result: what one tool found in one output file."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding


@dataclass(frozen=True)
class ToolResult:
    tool: str
    output: str                      # the file checked
    checked: bool                    # False when the tool is missing or could not run
    counts: dict[str, int] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    note: str = ""

    @property
    def passed(self) -> bool:
        return self.checked and not any(f.severity in ("error", "warning") for f in self.findings)

    def to_json(self) -> dict:
        return {"tool": self.tool, "output": self.output, "checked": self.checked,
                "status": "pass" if self.passed else ("fail" if self.checked else "not checked"),
                "counts": self.counts, "findings": [f.to_json() for f in self.findings], "note": self.note}
