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
    """The checks run on each output format: (tool name, function (path, guide) -> ToolResult). A check
    that runs another program has `batch`, a function ([(path, guide)]) -> [ToolResult] that checks many
    files with one start of that program. Each imports its tool when it runs, so that a build whose
    results all come from the cache loads none of them."""
    return VALIDATORS.get(fmt, [])


# Named apart from the modules they import: importing `validate.pdfua` sets the package's `pdfua`.

def _pdfua(path, guide):
    from .pdfua import run_pdfua
    return run_pdfua(path, guide.meta.lang if guide is not None else None)


def _pdf_structure(path, guide):
    from .pdf_structure import check_pdf_structure, foreign_passages
    return check_pdf_structure(path, guide.meta.lang, foreign_passages(guide))


def _large_print(path, guide):
    from ..languages import language
    from .large_print import check_large_print
    return check_large_print(path, language(guide.meta.lang).direction)


def _layout(path, guide):
    from .layout import check_layout
    return check_layout(path)


def _docx_accessibility(path, guide):
    from .docx_check import check_docx
    return check_docx(path)


def _libreoffice_batch(items):
    from .libreoffice import run_libreoffice_batch
    return run_libreoffice_batch([path for path, _ in items])


def _epubcheck_batch(items):
    from .epubcheck import run_epubcheck_batch
    return run_epubcheck_batch([path for path, _ in items])


def _ace_batch(items):
    from .ace import run_ace_batch
    return run_ace_batch([path for path, _ in items])


def _glyphs(path, guide):
    from .glyphs import check_glyphs
    return check_glyphs(path, guide.meta.lang if guide is not None else None)


def _axe(path, guide):
    from .axe import run_axe
    return run_axe(path)


def one_at_a_time(batch):
    """A batch validator as a check of one file, with the batch as its `batch`."""
    def check(path, guide):
        return batch([(path, guide)])[0]
    check.batch = batch
    return check


VALIDATORS = {"pdf": [("pdf/ua-1", _pdfua), ("pdf-structure", _pdf_structure), ("large-print", _large_print),
                      ("glyphs", _glyphs), ("layout", _layout)],
              "docx": [("docx-accessibility", _docx_accessibility), ("libreoffice", one_at_a_time(_libreoffice_batch))],
              "epub": [("epubcheck", one_at_a_time(_epubcheck_batch)), ("ace", one_at_a_time(_ace_batch)), ("glyphs", _glyphs)],
              "html": [("axe", _axe), ("glyphs", _glyphs)]}


# Validators that run in the build's own process, never in a worker: pdf/ua-1 (the page-validation package)
# parses with a Rust thread pool (rayon) that a worker forked after this process started it cannot use.
IN_THIS_PROCESS = frozenset({"pdf/ua-1"})


def run_validator(fmt: str, tool: str, path, guide) -> ToolResult:
    """One validator on one file, found by name: a worker process calls this with what pickles."""
    check = dict(validators(fmt))[tool]
    return run_safely(tool, check, path, guide)


def run_batch(fmt: str, tool: str, items: list) -> list[ToolResult]:
    """One validator's batch on many (path, guide); a batch that stops fails each of its files."""
    check = dict(validators(fmt))[tool]
    try:
        return check.batch(items)
    except Exception:  # noqa: BLE001 - each file on its own, so that the failure names it
        return [run_safely(tool, check, path, guide) for path, guide in items]


def run_safely(tool: str, check, path, guide) -> ToolResult:
    """A validator that stops (a time-out, a tool that cannot start) is a failure, not a crash of the
    build and never a pass."""
    try:
        return check(path, guide)
    except Exception as err:  # noqa: BLE001 - whatever went wrong, the file is not known to pass
        finding = Finding("error", f"{tool}.stopped", path.name, f"the validator stopped: {err}",
                          "run the build again; if it stops again, run the tool by hand on this file")
        return ToolResult(tool, path.name, True, {"errors": 1}, (finding,))
