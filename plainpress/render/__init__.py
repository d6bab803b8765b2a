"""Renderers: Guide -> the bytes of one output format. They never read `source/` nor write files."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def font_dir() -> Path:
    """Atkinson Hyperlegible (the Braille Institute's face for low-vision readers), from its package."""
    import fontpkg_atkinson_hyperlegible as atkinson
    return atkinson.ROOT / "files"


FONT_FILES = {"normal": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf"}


class RenderError(Exception):
    """A renderer could not make a complete, correct file; the message says why."""


@dataclass(frozen=True)
class RenderOptions:
    paper: str = "letter"   # "letter" or "a4", for the PDF


def renderers():
    """RENDERERS: format name -> function(guide, options) -> bytes, each imported when first called:
    WeasyPrint takes a third of a second to load, and a process that renders no PDF never loads it."""
    return {"pdf": _render_pdf, "docx": _render_docx, "epub": _render_epub}


def _render_pdf(guide, options):
    return _render_pdf_and_facts(guide, options)[0]


def _render_pdf_and_facts(guide, options):
    from .pdf import render_pdf_and_pages
    data, pages = render_pdf_and_pages(guide, options)
    return data, {"pages": pages}


_render_pdf.with_facts = _render_pdf_and_facts


def _render_docx(guide, options):
    from .docx import render_docx
    return render_docx(guide, options)


def _render_epub(guide, options):
    from .epub import render_epub
    return render_epub(guide, options)


# The slow module each format's renderer loads: a worker loads it ahead of the first guide (`prepare`).
NEEDS = {"pdf": "weasyprint"}


def prepare(fmt: str) -> None:
    """Load a format's renderer, while the guides are still being read."""
    if fmt == "pdf":
        from . import pdf  # noqa: F401 - WeasyPrint, a third of a second


def render_output(fmt: str, guide, options: RenderOptions) -> tuple[bytes, dict]:
    """One format of one guide, and what the summary says of it (a PDF's pages, where its renderer
    tells them): what a worker process runs, by name."""
    render = renderers()[fmt]
    if hasattr(render, "with_facts"):
        return render.with_facts(guide, options)
    return render(guide, options), {}


FORMATS = ("pdf", "docx", "epub")
PAPERS = ("letter", "a4")
