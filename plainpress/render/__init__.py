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
    """RENDERERS: format name -> function(guide, options) -> bytes (imported late: WeasyPrint is slow to load)."""
    from .docx import render_docx
    from .epub import render_epub
    from .pdf import render_pdf
    return {"pdf": render_pdf, "docx": render_docx, "epub": render_epub}


FORMATS = ("pdf", "docx", "epub")
PAPERS = ("letter", "a4")
