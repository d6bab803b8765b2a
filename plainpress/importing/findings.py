"""What an import leaves for a person: each a Finding that points at a block of the guide being made.

While the guide is built its blocks carry provisional ids (`@12`) and a finding names the block it is
about (or `meta:<field>` for a front-matter field, `` for the whole document); once the source is written
and read back, each is placed on its line: `source/<guide>/<lang>.md:LINE: what; how to fix`.
"""
from __future__ import annotations

import dataclasses

from ..findings import Finding

DOCUMENT = ""   # a finding about the whole document: placed on line 1


class Findings:
    def __init__(self):
        self.found: list[Finding] = []

    def add(self, at: str, rule: str, message: str, hint: str, *, every: bool = False) -> None:
        """One finding; unless `every`, the same rule on the same block only once (an underlined
        word in every sentence of a paragraph is one thing to do)."""
        rule = "import." + rule
        if every or not any(f.location == at and f.rule == rule for f in self.found):
            self.found.append(Finding("warning", rule, at, message, hint))

    def __iter__(self):
        return iter(self.found)


def placed(findings: Findings, lines: dict[str, int], field_lines: dict[str, int], path: str) -> list[Finding]:
    """Each finding on its line of the written source (`path`), in the order of the lines."""
    def line(at: str) -> int:
        if at.startswith("meta:"):
            return field_lines.get(at[5:], 1)
        if at in lines or not at.startswith("@"):
            return lines.get(at, 1)
        # a block that was left out: the line of the nearest block before it (ids count up in reading order)
        before = [int(k[1:]) for k in lines if k.startswith("@") and int(k[1:]) < int(at[1:])]
        return lines[f"@{max(before)}"] if before else 1
    out = [dataclasses.replace(f, location=f"{path}:{line(f.location)}") for f in findings]
    return sorted(out, key=lambda f: int(f.location.rsplit(":", 1)[1]))


def line_text(finding: Finding) -> str:
    """`file:line: what; how to fix`, as the reader's own problems are printed."""
    return f"{finding.location}: {finding.message}; {finding.hint}"
