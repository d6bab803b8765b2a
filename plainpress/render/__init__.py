"""Renderers: Guide -> the bytes of one output format. They never read `source/` nor write files."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from ..errors import PlainpressError

if TYPE_CHECKING:
    from ..theme import Theme


MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif"}


class RenderError(PlainpressError):
    """A renderer could not make a complete, correct file; the message says why."""


@dataclass(frozen=True)
class RenderOptions:
    paper: str = "letter"   # "letter" or "a4", for the PDF
    theme: Theme | None = None   # a clinic's theme (theme.wear puts it on each guide); in the options, so
                                 # that whatever is keyed on them (a cache) sees it, down to its digest


@dataclass(frozen=True)
class Format:
    """An output format: everything the command line, the cache keys, the report, the index and the
    theme checks know of it. Adding a format is its module here, its templates and one row below."""
    name: str                    # the command line's word, and the output's suffix
    module: str                  # the module of this package that makes it
    function: str                # in that module: (guide, options) -> bytes
    words: str                   # what it is, in words a clinic manager knows
    libraries: tuple[str, ...]   # the packages whose version changes its bytes: part of its cache key
    templates: str = ""          # its folder of templates/, which a theme may replace ("" for none)
    needs: str = ""              # the slow module its renderer loads, loaded ahead by a worker
    facts: str = ""              # a function of the module that also tells the summary more (a PDF's pages)
    printed: str = ""            # for a format that embeds cut fonts: its function (guide, options) ->
                                 # weight -> the characters its pages print (a guide's faces are cut once
                                 # to what all such formats print: scripts.GuidePrinted)
    slow_to_validate: bool = False   # its validators take longest: rendered first when validating


# In the order they take to render, longest first. Modules are imported when used (WeasyPrint takes a
# third of a second to load, and a process that renders no PDF never loads it).
FORMATS = {f.name: f for f in (
    Format("pdf", "pdf", "render_pdf", "Large-print PDF",
           ("weasyprint", "pydyf", "fonttools", "fontpkg-atkinson-hyperlegible"), "pdf/", "weasyprint",
           facts="render_pdf_and_facts"),
    Format("docx", "docx", "render_docx", "Editable Word file (DOCX)", ("python-docx", "lxml"),
           slow_to_validate=True),
    Format("epub", "epub", "render_epub", "E-book (EPUB 3)", ("ebooklib", "lxml", "fontpkg-atkinson-hyperlegible"),
           "epub/", slow_to_validate=True, printed="printed"),
    Format("html", "html", "render_html", "Web page", ("fonttools", "brotli", "fontpkg-atkinson-hyperlegible"),
           "html/", printed="printed"),   # its fonts are embedded as WOFF2
)}
WEB_PAGE = "html"   # the format whose validators check the library's index, a web page too
PAPERS = ("letter", "a4")


class Renderers(Mapping):
    """Format name -> its render function, its module imported when that format is first looked up."""

    def __getitem__(self, fmt: str):
        return _function(FORMATS[fmt].module, FORMATS[fmt].function)

    def __iter__(self):
        return iter(FORMATS)

    def __len__(self) -> int:
        return len(FORMATS)


def renderers() -> Mapping:
    return Renderers()


def _function(module: str, function: str):
    return getattr(import_module(f".{module}", __name__), function)


def printed_by() -> dict:
    """Format name -> its `printed` function, for the formats that embed cut fonts."""
    return {name: _function(f.module, f.printed) for name, f in FORMATS.items() if f.printed}


def prepare(fmt: str) -> None:
    """Load a format's renderer, while the guides are still being read."""
    renderers()[fmt]


def render_output(fmt: str, guide, options: RenderOptions) -> tuple[bytes, dict]:
    """One format of one guide, and what the summary says of it: what a worker process runs, by name.
    The facts come from the renderer that tells them only while that format's renderer is ours (a
    test may put another in)."""
    render, kind = renderers()[fmt], FORMATS[fmt]
    if kind.facts and render is _function(kind.module, kind.function):
        return _function(kind.module, kind.facts)(guide, options)
    return render(guide, options), {}
