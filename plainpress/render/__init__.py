"""Renderers: Guide -> the bytes of one output format. They never read `source/` nor write files."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlainpressError

if TYPE_CHECKING:
    from ..theme import Theme


def font_dir() -> Path:
    """The folder of Atkinson Hyperlegible (the Braille Institute's face for low-vision readers), the
    one font file WeasyPrint may fetch; the faces themselves are chosen per guide (render.scripts)."""
    from ..languages.fonts import atkinson_dir
    return atkinson_dir()


MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}


class RenderError(PlainpressError):
    """A renderer could not make a complete, correct file; the message says why."""


@dataclass(frozen=True)
class RenderOptions:
    paper: str = "letter"   # "letter" or "a4", for the PDF
    theme: Theme | None = None   # a clinic's theme (theme.wear puts it on each guide); in the options, so
                                 # that whatever is keyed on them (a cache) sees it, down to its digest


# RENDERERS: format name -> (module in this package, its function (guide, options) -> bytes). The
# command line's choices come from this one table; modules are imported when used (WeasyPrint takes a
# third of a second to load, and a process that renders no PDF never loads it).
RENDERERS = {"pdf": ("pdf", "render_pdf"), "docx": ("docx", "render_docx"),
             "epub": ("epub", "render_epub"), "html": ("html", "render_html")}
FORMATS = tuple(RENDERERS)
# A renderer that also tells what the summary says of its output (a PDF's pages, counted while it is
# made): format -> (module, function (guide, options) -> (bytes, facts)).
WITH_FACTS = {"pdf": ("pdf", "render_pdf_and_facts")}
# The slow module each format's renderer loads: a worker loads it ahead of the first guide (`prepare`).
NEEDS = {"pdf": "weasyprint"}
PAPERS = ("letter", "a4")


class Renderers(Mapping):
    """Format name -> its render function, its module imported when that format is first looked up."""

    def __getitem__(self, fmt: str):
        return _function(*RENDERERS[fmt])

    def __iter__(self):
        return iter(RENDERERS)

    def __len__(self) -> int:
        return len(RENDERERS)


def renderers() -> Mapping:
    return Renderers()


def _function(module: str, function: str):
    return getattr(import_module(f".{module}", __name__), function)


def prepare(fmt: str) -> None:
    """Load a format's renderer, while the guides are still being read."""
    _function(*RENDERERS[fmt])


def render_output(fmt: str, guide, options: RenderOptions) -> tuple[bytes, dict]:
    """One format of one guide, and what the summary says of it: what a worker process runs, by name.
    The facts come from the renderer that tells them only while that format's renderer is ours (a
    test may put another in)."""
    render = renderers()[fmt]
    if fmt in WITH_FACTS and render is _function(*RENDERERS[fmt]):
        return _function(*WITH_FACTS[fmt])(guide, options)
    return render(guide, options), {}
