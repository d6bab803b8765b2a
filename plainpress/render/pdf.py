"""Guide -> large-print tagged PDF (PDF/UA-1), through a Jinja HTML template and WeasyPrint."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote
from urllib.request import url2pathname

from . import weasyprint_load  # noqa: F401 - first: WeasyPrint loaded without find_library
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from .. import model as m
from ..languages import fill, language
from ..languages.fonts import atkinson_dir
from ..templating import TEMPLATES, render
from ..theme.wear import Worn, wear
from . import MEDIA_TYPES, RenderError, RenderOptions
from .pdf_fragments import fragments_rejoined
from .pdf_pages import laid_out
from .pdf_styles import shared_styles
from .scripts import Fonts, default_fonts, direction_context, families, pdf_fonts, printed_texts, with_text

FONT_DIR = atkinson_dir()   # Atkinson Hyperlegible's folder: the one font folder WeasyPrint may read by URL
BASE_URL = TEMPLATES.as_uri() + "/"
IMAGE_SCHEME = "plainpress-image:"   # pictures are served from the model, never read from disk here


def render_pdf(guide: m.Guide, options: RenderOptions = RenderOptions()) -> bytes:
    return render_pdf_and_pages(guide, options)[0]


def render_pdf_and_pages(guide: m.Guide, options: RenderOptions = RenderOptions()) -> tuple[bytes, int]:
    """The PDF, and its number of pages (for the summary: counted here, it needs no PDF reader later)."""
    worn = wear(guide, options.theme)
    pages = []
    with weasyprint_errors() as (errors, missing), passages_keep_their_language(), fragments_rejoined():
        try:
            variant = {"pdf_variant": "pdf/ua-1", "pdf_identifier": pdf_identifier(guide)}
            html, shared = weasyprint_page(guide, page_html(worn, options.paper), worn.images())
            document = laid_out(html, **variant, **shared)
            pdf = document.write_pdf(**variant, finisher=lambda document, _: pages.append(len(document.pages)))
        except FatalURLFetchingError as err:
            errors.append(str(err))
    if missing:
        errors.append(missing_glyphs(guide.meta.lang, missing))
    if errors:
        raise RenderError(f"{guide.path}: the PDF is not complete: " + "; ".join(errors))
    return pdf, pages[0]


def missing_glyphs(lang: str, missing: dict[int, str]) -> str:
    """One message for every character WeasyPrint drew as an empty box (it logs each string)."""
    record = language(lang)
    chars = ", ".join(f"{ch} (U+{code:04X})" for code, ch in sorted(missing.items()))
    return (f"no installed font draws {len(missing)} character{'s' if len(missing) > 1 else ''} of this guide "
            f"({lang}, {record.name}), which would print as empty boxes: {chars}; install {record.package} "
            f"(the fonts of {record.script_name} script), or a font that draws them, and build again")


def render_pdf_and_facts(guide: m.Guide, options: RenderOptions = RenderOptions()) -> tuple[bytes, dict]:
    """What `render.render_output` runs: the PDF and the summary's facts about it."""
    pdf, pages = render_pdf_and_pages(guide, options)
    return pdf, {"pages": pages}


def weasyprint_document(guide: m.Guide, html: str, images: tuple[m.Image, ...] | None = None) -> HTML:
    """The HTML as WeasyPrint reads it, its styles in it: the plain way, which the shared one
    (`weasyprint_page`) must match byte for byte (tests/render/test_pdf_styles.py)."""
    return HTML(string=html, base_url=BASE_URL, url_fetcher=local_fetcher(guide, images))


def page_pdf(guide: m.Guide, html: str, target=None, **options) -> bytes | None:
    """A page of one's own (a test's) written as a PDF the way `render_pdf` reads it: its styles shared."""
    document, shared = weasyprint_page(guide, html)
    return document.write_pdf(target, **options, **shared)


def weasyprint_page(guide: m.Guide, html: str, images: tuple[m.Image, ...] | None = None) -> tuple[HTML, dict]:
    """The HTML as WeasyPrint reads it, fetching nothing but the pictures (the guide's, and a theme's
    logo), templates and font; and what its rendering is given: its style sheets parsed once a
    process and its font configuration shared (pdf_styles), when it can share them."""
    fetcher = local_fetcher(guide, images)
    shared = shared_styles(html, BASE_URL, fetcher)
    html, options = shared if shared is not None else (html, {})
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher), options


def local_fetcher(guide: m.Guide, images: tuple[m.Image, ...] | None = None) -> LocalFetcher:
    return LocalFetcher([TEMPLATES, FONT_DIR], guide.images() if images is None else images)


def guide_html(guide: m.Guide, options: RenderOptions = RenderOptions()) -> str:
    return page_html(wear(guide, options.theme), options.paper)


def page_html(worn: Worn, paper: str) -> str:
    """The page, set in the faces that draw all it prints: rendered in the language's faces to read its
    text (the labels, title and contact blocks, the page footer too: what the body prints, which the
    faces in its style sheet do not change), and again only when that text needs other faces (Atkinson
    Hyperlegible dropped for Vietnamese letters)."""
    guide, words = worn.guide, worn.words
    lang = guide.meta.lang

    def page(fonts: Fonts) -> str:
        return render("pdf/guide.html", worn.templates, meta=guide.meta, blocks=guide.blocks, words=words,
                      xhtml=False, print=True, web=False, paper=paper, fonts=fonts,
                      image_href=lambda image: IMAGE_SCHEME + image.id, **direction_context(lang), **worn.context())

    footer = guide.meta.running_title + fill(words["page"], page="0123456789", pages="")
    guess = pdf_fonts(default_fonts(lang).families)
    first = page(guess)
    chosen = families(lang, with_text(printed_texts(first), footer))
    return first if chosen == guess.families else page(pdf_fonts(chosen))


def pdf_identifier(guide: m.Guide) -> bytes:
    """The same guide, language and version give the same /ID, so rebuilds are byte-identical."""
    import hashlib
    key = f"{guide.slug}/{guide.meta.lang}/{guide.meta.version}".encode()
    return hashlib.md5(key).hexdigest().encode()


class LocalFetcher(URLFetcher):
    """Serves the guide's pictures from memory and files inside the given folders (templates, font);
    any other address stops the render."""

    def __init__(self, roots: list[Path], images: tuple[m.Image, ...] = ()):
        super().__init__()
        self.roots = [Path(r).resolve() for r in roots]
        self.images = {IMAGE_SCHEME + image.id: image for image in images}

    def fetch(self, url, headers=None):
        # WeasyPrint percent-encodes what it fetches: `día` arrives as `d%C3%ADa`.
        if unquote(url) in self.images:
            image = self.images[unquote(url)]
            return URLFetcherResponse(url, image.data, {"Content-Type": MEDIA_TYPES[image.suffix]})
        if url.startswith("file:"):
            path = Path(url2pathname(url[5:].split("?")[0].split("#")[0].removeprefix("//"))).resolve()
            if any(path.is_relative_to(root) for root in self.roots):
                return super().fetch(url, headers)
        raise FatalURLFetchingError(f"refused to fetch {url}: only the guide's own pictures, "
                                    "plainpress's templates and its font are used")


@contextmanager
def passages_keep_their_language():
    """Two mends to WeasyPrint 70's tagging. It writes /Lang only on the document: give each structure
    element made from an element with its own `lang` (a Spanish phrase in an English guide) a /Lang
    too (PDF/UA 7.2). And an element inside a link (`[call <b>now</b>](tel:...)`, the no-break span
    around `555-0123`) gets a link annotation of its own that it nests in its own Span, not in the
    Link (PDF/UA 7.18.5, and a screen reader announces no link there): nest it in the Link."""
    import pydyf
    from weasyprint.pdf import tags

    original = tags._build_box_tree  # private: a WeasyPrint upgrade that drops it fails here, loudly

    def build_box_tree(box, parent, *args):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and box.element_tag not in ("html", "body") else None
        inner_link = inside_link(box, parent)
        if inner_link:
            box.link_annotation, annotation = None, box.link_annotation
        for structure in original(box, parent, *args):
            if lang and "Lang" not in structure:
                structure["Lang"] = pydyf.String(lang)
            yield structure
        if inner_link:
            box.link_annotation = annotation
            nest_annotation(annotation, parent, *args)

    tags._build_box_tree = build_box_tree
    with clusters_map_once():
        try:
            yield
        finally:
            tags._build_box_tree = original


NOTDEF = ".notdef glyph rendered for Unicode string unsupported by fonts"
TOO_MANY = "Too many glyphs missing from"   # what WeasyPrint adds about the same missing glyphs


class GlyphText(dict):
    """A font's glyph -> text table where a glyph with no text of its own (the second glyph of a
    Devanagari cluster: WeasyPrint gives the cluster's text to its first) maps to a zero-width joiner
    in the ToUnicode map: an empty entry is malformed, and a glyph without one is unmapped (PDF/UA
    7.21.7); the joiner is a format character that search and copied text pass over."""

    def items(self):
        return [(glyph, text or "\u200d") for glyph, text in super().items()]


@contextmanager
def clusters_map_once():
    from weasyprint.pdf import fonts
    original = fonts.Font.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.to_unicode = GlyphText(self.to_unicode)

    fonts.Font.__init__ = init
    try:
        yield
    finally:
        fonts.Font.__init__ = original


def inside_link(box, parent) -> bool:
    """A box other than the link's own that carries a link annotation, inside a Link element."""
    return (getattr(box, "link_annotation", None) is not None and getattr(box, "element_tag", None) != "a"
            and parent is not None and parent.get("S") == "/Link")


def nest_annotation(annotation, link, pdf, page_number, nums, annotations, tags) -> None:
    """The annotation as a kid of the Link structure element, as WeasyPrint does for the link's own."""
    import pydyf
    reference = pydyf.Dictionary({"Type": "/OBJR", "Obj": annotation.reference,
                                  "Pg": pdf.page_references[page_number]})
    pdf.add_object(reference)
    annotations.append((link.reference, annotation))
    link["K"].append(reference.reference)


@contextmanager
def weasyprint_errors():
    """Collect what WeasyPrint logs as ERROR (a missing lang or alt: it logs them and carries on), and
    the characters it drew as .notdef (code point -> character): those it logs once per string, at
    WARNING; they are kept from the terminal, to be told once."""
    errors: list[str] = []
    missing: dict[int, str] = {}

    def sort(record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and record.msg.startswith(NOTDEF) and len(record.args or ()) == 2:
            character, code = record.args
            missing[code] = character
            return False   # a logger's filter stops the record before any handler, its parents' too
        if isinstance(record.msg, str) and record.msg.startswith(TOO_MANY):
            return False
        if record.levelno >= logging.ERROR:
            errors.append(record.getMessage())
        return True

    logger = logging.getLogger("weasyprint")
    logger.addFilter(sort)
    try:
        yield errors, missing
    finally:
        logger.removeFilter(sort)
