"""Validators: re-open an output file with a real tool and report what it finds, as findings.

A tool that is not installed gives a result with `checked=False`: "not checked", never "passed".
"""
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


def validators(fmt: str):
    """The checks run on each output format: (tool name, function (path, guide) -> ToolResult),
    imported when used."""
    if fmt == "pdf":
        from .large_print import check_large_print
        from .pdf_structure import check_pdf_structure, foreign_passages
        from .pdfua import run_pdfua
        return [("pdf/ua-1", lambda p, guide: run_pdfua(p)),
                ("pdf-structure", lambda p, guide: check_pdf_structure(p, guide.meta.lang, foreign_passages(guide))),
                ("large-print", lambda p, guide: check_large_print(p))]
    if fmt == "epub":
        from .ace import run_ace
        from .epubcheck import run_epubcheck
        return [("epubcheck", lambda p, guide: run_epubcheck(p)), ("ace", lambda p, guide: run_ace(p))]
    if fmt == "docx":
        from .docx_check import check_docx
        from .libreoffice import run_libreoffice
        return [("docx-accessibility", lambda p, guide: check_docx(p)),
                ("libreoffice", lambda p, guide: run_libreoffice(p))]
    if fmt == "html":
        from .axe import run_axe
        return [("axe", lambda p, guide: run_axe(p))]
    return []


def validate_outputs(outputs: dict, guide) -> dict[str, list[ToolResult]]:
    """Re-open every output with every validator for its format."""
    return {fmt: [run_safely(tool, check, path, guide) for tool, check in validators(fmt)]
            for fmt, path in outputs.items()}


def run_safely(tool: str, check, path, guide) -> ToolResult:
    """A validator that stops (a time-out, a tool that cannot start) is a failure, not a crash of the
    build and never a pass."""
    try:
        return check(path, guide)
    except Exception as err:  # noqa: BLE001 - whatever went wrong, the file is not known to pass
        finding = Finding("error", f"{tool}.stopped", path.name, f"the validator stopped: {err}",
                          "run the build again; if it stops again, run the tool by hand on this file")
        return ToolResult(tool, path.name, True, {"errors": 1}, (finding,))
