"""Guide -> EPUB 3 (ebooklib): Jinja XHTML chapters, our own nav, EPUB Accessibility 1.1 metadata.

ebooklib writes the package; the XHTML it is given goes in as written (it would otherwise rebuild
each <head>), the page list it would invent is off, and the identifier and dates come from the source.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import uuid

from ebooklib import epub

from .. import model as m
from ..languages import language
from ..templating import render
from ..theme.wear import wear
from . import RenderOptions, _zip
from .scripts import direction_context, epub_fonts, families, guide_printed, printed_texts, subsets

CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"


class _Page(epub.EpubHtml):
    """An XHTML document that ebooklib stores exactly as rendered."""

    def __init__(self, file_name: str, title: str, xhtml: str, lang: str, properties=()):
        super().__init__(uid=file_name.rsplit(".", 1)[0], file_name=file_name, title=title, lang=lang)
        self.xhtml = xhtml.encode("utf-8")
        self.properties = list(properties)

    def get_content(self, default=None):
        return self.xhtml


def manifest_id(text: str) -> str:
    """An id for the package's manifest, an XML name in any XML parser: ASCII, each other character as
    its code point (a heading's `µg` or `²` makes a word character Python knows but XML does not)."""
    return re.sub(r"[^A-Za-z0-9_.-]", lambda found: f"_{ord(found.group()):x}", text)


def image_name(image: m.Image) -> str:
    """Inside the book each picture is named by its block id: a safe file name whatever the source's."""
    return f"images/{image.id}{image.suffix}"


def identifier(guide: m.Guide) -> str:
    """The same guide, language and version always get the same identifier."""
    key = f"plainpress:{guide.slug}:{guide.meta.lang}:{guide.meta.version}"
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, key))


def render_epub(guide: m.Guide, options: RenderOptions = RenderOptions()) -> bytes:
    worn = wear(guide, options.theme)
    everything = guide_printed(guide, options)
    guide, meta, templates = worn.guide, worn.guide.meta, worn.templates
    book = epub.EpubBook()
    book.set_identifier(identifier(guide))
    book.set_title(meta.title)
    book.set_language(meta.lang)
    if language(meta.lang).rtl:
        book.set_direction("rtl")   # the spine's page-progression-direction and the package's dir
    if meta.organisation:
        book.add_author(meta.organisation)
        book.add_metadata("DC", "publisher", meta.organisation)
    book.add_metadata("DC", "date", meta.date.isoformat())
    for prop, value in accessibility_metadata(guide, worn.images()):
        book.add_metadata(None, "meta", value, {"property": prop})

    nav, pages, context = book_pages(worn)
    book.add_item(stylesheet(book, [nav, *pages], templates, context, everything))
    for page in (nav, *pages):
        book.add_item(page)
    for image in worn.images():
        book.add_item(epub.EpubImage(uid=manifest_id(f"img-{image.id}"), file_name=image_name(image),
                                     content=image.data))
    book.add_item(epub.EpubNcx())
    book.toc = pages
    book.spine = pages + [nav]

    out = io.BytesIO()
    epub.write_epub(out, book, {"epub3_pages": False, "epub3_landmark": False, "raise_exceptions": True,
                                "spine_direction": True, "package_direction": True,
                                "mtime": dt.datetime.combine(meta.date, dt.time(0, 0))})
    return _zip.repack(out.getvalue(), first="mimetype",
                       edit=lambda name, data: _package_lang(data, meta.lang) if name.endswith(".opf") else data)


def book_pages(worn) -> tuple[_Page, list[_Page], dict]:
    """The nav, the title page and a chapter for each `##` section, and the templates' context."""
    meta, templates = worn.guide.meta, worn.templates
    context = {"meta": meta, "words": worn.words, "xhtml": True, "print": False, "web": False,
               "image_href": image_name, **direction_context(meta.lang), **worn.context()}
    sections = worn.guide.sections()
    intro = sections[0].blocks if sections and sections[0].heading is None else ()
    chapters = [s for s in sections if s.heading is not None]
    pages = [_Page("title.xhtml", meta.title, render("epub/title.xhtml", templates, blocks=intro, **context), meta.lang)]
    for n, section in enumerate(chapters, 1):
        xhtml = render("epub/chapter.xhtml", templates, section=section, **context)
        pages.append(_Page(f"chapter-{n:02d}.xhtml", section.title, xhtml, meta.lang))
    toc = [{"file": p.file_name, "title": p.title} for p in pages[1:]]
    nav = _Page("nav.xhtml", worn.words["contents"],
                render("epub/nav.xhtml", templates, chapters=toc, **context), meta.lang, properties=["nav"])
    return nav, pages, context


def printed(guide: m.Guide, options: RenderOptions = RenderOptions()) -> dict[str, str]:
    """weight -> the characters the book's pages print in it (see `scripts.printed_texts`)."""
    nav, pages, _ = book_pages(wear(guide, options.theme))
    return pages_printed([nav, *pages])


def pages_printed(pages: list[_Page]) -> dict[str, str]:
    return printed_texts(*(page.xhtml.decode("utf-8") for page in pages))


def stylesheet(book: epub.EpubBook, pages: list[_Page], templates, context: dict, everything=None) -> epub.EpubItem:
    """reader.css, with a subset of each face and weight the pages print in (added to the book), cut
    to the characters they print: the title page, the chapters, the nav (`everything`: see
    `scripts.guide_printed`)."""
    texts = pages_printed(pages)
    chosen = families(context["meta"].lang, texts)
    found = subsets(chosen, texts, everything=everything and everything.but(epub=texts))
    for font in found:
        book.add_item(epub.EpubItem(uid=font.item_id, file_name=font.file_name, media_type=font.media_type,
                                    content=font.data))
    css = render("epub/reader.css", templates, fonts=epub_fonts(chosen, found), **context)
    return epub.EpubItem(uid="css", file_name="reader.css", media_type="text/css", content=css.encode())


def _package_lang(opf: bytes, lang: str) -> bytes:
    """ebooklib leaves xml:lang off the <package>; EPUB Accessibility wants it there."""
    return re.sub(rb"<package ", b'<package xml:lang="' + lang.encode() + b'" ', opf, count=1)


def accessibility_metadata(guide: m.Guide, images: tuple[m.Image, ...] | None = None) -> list[tuple[str, str]]:
    """schema.org accessibility properties, each derived from what this guide contains (`images`: all
    the book carries, a theme's logo too)."""
    blocks = list(m.walk(guide.blocks))
    has_images = bool(guide.images() if images is None else images)
    has_tables = any(isinstance(b, m.Table) for b in blocks)
    has_headings = any(isinstance(b, m.Heading) for b in blocks)
    features = ["displayTransformability", "readingOrder", "tableOfContents"]
    if has_headings:
        features.append("structuralNavigation")
    if has_images:
        features.append("alternativeText")
    modes = ["textual"] + (["visual"] if has_images else [])
    sufficient = ["textual"] + (["textual,visual"] if has_images else [])
    summary = ("This guide is text with headings for each section, a table of contents, and no "
               "fixed font or size, so your reader's own settings apply."
               + (" Every picture has a text description." if has_images else " It has no pictures.")
               + (" Tables have header cells." if has_tables else "")
               + " It has no flashing, sound or motion.")
    return ([("schema:accessMode", mode) for mode in modes]
            + [("schema:accessModeSufficient", s) for s in sufficient]
            + [("schema:accessibilityFeature", f) for f in features]
            + [("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", summary),
               ("dcterms:conformsTo", CONFORMS_TO),
               ("a11y:certifiedBy", guide.meta.organisation or "plainpress")])
