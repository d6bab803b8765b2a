"""Renderers: Guide -> the bytes of one output format. They never read `source/` nor write files."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..theme import Theme


def font_dir() -> Path:
    """Atkinson Hyperlegible (the Braille Institute's face for low-vision readers), from its package."""
    import fontpkg_atkinson_hyperlegible as atkinson
    return atkinson.ROOT / "files"


FONT_FILES = {"normal": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf"}
MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}


class RenderError(Exception):
    """A renderer could not make a complete, correct file; the message says why."""


@dataclass(frozen=True)
class RenderOptions:
    paper: str = "letter"   # "letter" or "a4", for the PDF
    theme: Theme | None = None   # a clinic's theme (theme.wear puts it on each guide); in the options, so
                                 # that whatever is keyed on them (a cache) sees it, down to its digest


# RENDERERS: format name -> (module in this package, its function (guide, options) -> bytes). The
# command line's choices come from this one table; modules are imported when used (WeasyPrint is slow
# to load).
RENDERERS = {"pdf": ("pdf", "render_pdf"), "docx": ("docx", "render_docx"),
             "epub": ("epub", "render_epub"), "html": ("html", "render_html")}
FORMATS = tuple(RENDERERS)
PAPERS = ("letter", "a4")


def renderers() -> dict:
    """Format name -> its render function."""
    return {fmt: getattr(import_module(f".{module}", __name__), function)
            for fmt, (module, function) in RENDERERS.items()}
