"""Validators: re-open an output file with a real tool and report what it finds, as findings.

One record per validator (VALIDATORS): the format it checks, its check, what it depends on (its cache
key is read from the record, so no validator can be left out of it), and its words for people. A tool
that is not installed gives a result with `checked=False`: "not checked", never "passed".
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import Callable

from ..findings import Finding
from ..versions import package_versions, program_version
from .result import ToolResult

__all__ = ["ToolResult", "VALIDATORS", "Validator", "validators", "validator", "run_validator", "run_batch",
           "run_safely"]


@dataclass(frozen=True)
class Validator:
    name: str
    format: str
    check: Callable              # (path, guide) -> ToolResult; with `batch`, a check of many files at once
    versions: Callable[[], tuple[str, ...]]   # what its results depend on besides plainpress's own code
    words: str                   # what it checks, in words a clinic manager knows
    meaning: str                 # what its failure means for a reader
    remedy: str                  # what to do about a failure
    here: bool = False           # runs in the build's own process, never in a worker


def validators(fmt: str):
    """The checks run on each output format: (tool name, function (path, guide) -> ToolResult). A check
    that runs another program has `batch`, a function ([(path, guide)]) -> [ToolResult] that checks many
    files with one start of that program. Each imports its tool when it runs, so that a build whose
    results all come from the cache loads none of them."""
    return [(v.name, v.check) for v in VALIDATORS if v.format == fmt]


def validator(name: str) -> Validator | None:
    return next((v for v in VALIDATORS if v.name == name), None)


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


def _soffice():
    from .libreoffice import soffice
    return soffice()


def _ace_versions():
    from ..config import ROOT
    from .ace import ace_command, chromium
    return (program_version(ace_command()), program_version(chromium()), program_version(shutil.which("node")),
            str(ROOT / "node_modules"))


def _axe_versions():
    from .ace import chromium
    from .axe import AXE_SCRIPT
    return (program_version(str(AXE_SCRIPT)), program_version(chromium()), *package_versions(("playwright",)))


# Who mends a fault of the file's structure: it is made by plainpress or a theme, never by the guide's words
MAKERS = ("This comes from how the file was made, not from the guide's words: send this report to whoever "
          "looks after plainpress (or your theme, if the guide is built with one). ")
OFFER_ANOTHER = "Until it is mended, give readers another of this guide's files that passes its checks."
GLYPHS = ("every character drawn from a font the file embeds (no empty boxes)",
          "Some letters print as empty boxes: the reader sees gaps where words should be.",
          "Ask whoever runs the builds to install the fonts named below, then build the guide again.")


def _glyphs_row(fmt: str) -> Validator:
    return Validator("glyphs", fmt, _glyphs, lambda: package_versions(
        ("pikepdf", "fonttools", "pdfminer.six", "tinycss2", "lxml", "brotli")), *GLYPHS)


VALIDATORS = (
    # pdf/ua-1 (the page-validation package) parses with a Rust thread pool (rayon) that a worker forked
    # after this process started it cannot use: it runs here
    Validator("pdf/ua-1", "pdf", _pdfua, lambda: package_versions(("page-validation",)),
              "PDF/UA-1, the standard for accessible PDF",
              "A screen reader may skip or misread part of this handout, and the PDF cannot be handed out "
              "as an accessible PDF.", MAKERS + OFFER_ANOTHER, here=True),
    Validator("pdf-structure", "pdf", _pdf_structure, lambda: package_versions(("pikepdf",)),
              "tags that screen readers follow (headings, lists, pictures, languages)",
              "A screen reader may not find this handout's headings, lists or pictures, or may read a "
              "passage in the wrong language's voice.", MAKERS + OFFER_ANOTHER),
    Validator("large-print", "pdf", _large_print, lambda: package_versions(("pdfplumber", "pikepdf")),
              "large print, measured on every page",
              "Part of the printed handout is smaller, fainter, tighter or harder to follow than large print "
              "allows: a reader with low vision may not be able to read it.",
              "If the guide is built with a theme, the theme's styles cause this: ask whoever made the theme "
              "to change them. Without a theme, send this report to whoever looks after plainpress."),
    _glyphs_row("pdf"),
    Validator("layout", "pdf", _layout, lambda: package_versions(("pdfplumber", "pikepdf")), "pages that print well (each page but the last at least 60% full, 3 lines or more on the last, no "
              "heading at a page's foot)",
              "A printed page is left mostly empty, or a heading is cut off from its text at a page's foot: the "
              "handout looks unfinished, and a reader may think a page is missing.",
              "Send this report to whoever looks after plainpress or your theme. Shortening or splitting the "
              "section named below often mends it too."),
    Validator("docx-accessibility", "docx", _docx_accessibility, lambda: package_versions(("lxml",)),
              "what Word's Accessibility Checker checks, and what translators need",
              "The Word file is harder to use with a screen reader or in large print, or harder for "
              "translators to work on.",
              "Mend each problem below in Word as it says, or build the Word file again from the guide."),
    Validator("libreoffice", "docx", one_at_a_time(_libreoffice_batch),
              lambda: (program_version(_soffice()), *package_versions(("pdfplumber", "python-docx", "pikepdf"))),
              "opens in LibreOffice with its text whole",
              "Part of the text may be lost or changed when the Word file is opened in another program "
              "than Word.", MAKERS + "Until it is mended, tell readers to open it in Word."),
    Validator("epubcheck", "epub", one_at_a_time(_epubcheck_batch),
              lambda: (program_version(shutil.which("java")), *package_versions(("epubcheck",))),
              "the EPUB 3 standard (EPUBCheck)",
              "Some e-book readers may refuse to open the e-book, or show it wrongly.", MAKERS + OFFER_ANOTHER),
    Validator("ace", "epub", one_at_a_time(_ace_batch), _ace_versions, "e-book accessibility (DAISY Ace)",
              "A screen reader, or an e-reader reading aloud, may miss or misread part of the e-book.",
              MAKERS + OFFER_ANOTHER),
    _glyphs_row("epub"),
    Validator("axe", "html", _axe, _axe_versions,
              "web accessibility, WCAG 2.2 AA and text at 7:1 (axe-core in Chromium, desktop and phone widths)",
              "A visitor who uses a screen reader, the keyboard alone, a phone or a large zoom may not be able "
              "to read or use part of the web page.", MAKERS + OFFER_ANOTHER),
    _glyphs_row("html"),
)


IN_THIS_PROCESS = frozenset(v.name for v in VALIDATORS if v.here)


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
