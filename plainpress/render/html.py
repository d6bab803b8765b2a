"""Guide -> one self-contained, accessible web page for a clinic's website.

Pictures and fonts travel inside the page as data: URIs, so that the page is one file that works
offline, fetches nothing and needs no script. The fonts are WOFF2 subsets of the faces the guide is
set in, cut to the characters the page prints (a whole Noto CJK face is about 16 MB).
"""
from __future__ import annotations

from .. import model as m
from ..languages.fonts import ATKINSON
from ..templating import render
from ..theme.wear import wear
from . import MEDIA_TYPES, RenderOptions
from .scripts import (Fonts, data_uri, default_fonts, direction_context, families, guide_printed, printed_texts,
                      web_fonts)

# What the pages that are not a guide (the library's index, the preview's problems) carry: Atkinson
# Hyperlegible cut to Latin-1 and Latin Extended-A, the letters of their English words and of most names.
LATIN = "".join(map(chr, range(0x20, 0x7F))) + "".join(map(chr, range(0xA0, 0x180)))


def render_html(guide: m.Guide, options: RenderOptions = RenderOptions()) -> bytes:
    return page_html(guide, options).encode("utf-8")


def page_html(guide: m.Guide, options: RenderOptions = RenderOptions()) -> str:
    """The page as text. `html/guide.html` extends `html/_layout.html`: a theme replaces blocks of it.
    Rendered once to read the text it prints, then with the fonts that text needs."""
    worn = wear(guide, options.theme)
    lang = worn.guide.meta.lang
    texts = printed_texts(_page(worn, default_fonts(lang)))
    everything = guide_printed(guide, options).but(html=texts)
    return _page(worn, web_fonts(families(lang, texts), texts, everything))


def printed(guide: m.Guide, options: RenderOptions = RenderOptions()) -> dict[str, str]:
    """weight -> the characters the page prints in it (see `scripts.printed_texts`)."""
    worn = wear(guide, options.theme)
    return printed_texts(_page(worn, default_fonts(worn.guide.meta.lang)))


def _page(worn, fonts: Fonts) -> str:
    guide = worn.guide
    return render("html/guide.html", worn.templates, meta=guide.meta, blocks=guide.blocks,
                  contents=contents(guide), words=worn.words, xhtml=False, print=False, web=True,
                  image_href=image_data_uri, fonts=fonts, **direction_context(guide.meta.lang), **worn.context())


def contents(guide: m.Guide) -> list[dict[str, str]]:
    """The table of contents: each `##` section's heading id and title."""
    return [{"id": s.id, "title": s.title} for s in guide.sections() if s.heading is not None]


def image_data_uri(image: m.Image) -> str:
    return data_uri(MEDIA_TYPES[image.suffix], image.data)


def embedded_fonts(text: str = LATIN) -> Fonts:
    """Atkinson Hyperlegible, regular and bold, cut to `text`, as WOFF2 data: URIs (for html/page.css
    in a page that is not a guide). The subsets are kept in the user's cache."""
    return web_fonts((ATKINSON,), {"normal": text, "bold": text})
