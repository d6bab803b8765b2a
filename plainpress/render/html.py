"""Guide -> one self-contained, accessible web page for a clinic's website.

Pictures and the font travel inside the page as data: URIs, so that the page is one file that works
offline, fetches nothing and needs no script.
"""
from __future__ import annotations

import base64
import io
from functools import lru_cache

from .. import model as m
from ..languages import labels
from ..templating import render
from ..theme.wear import wear
from . import FONT_FILES, MEDIA_TYPES, RenderOptions, font_dir


def render_html(guide: m.Guide, options: RenderOptions = RenderOptions()) -> bytes:
    return page_html(guide, options).encode("utf-8")


def page_html(guide: m.Guide, options: RenderOptions = RenderOptions()) -> str:
    """The page as text. `html/guide.html` extends `html/_layout.html`: a theme replaces blocks of it."""
    worn = wear(guide, options.theme)
    guide = worn.guide
    return render("html/guide.html", worn.templates, meta=guide.meta, blocks=guide.blocks, contents=contents(guide),
                  words=labels(guide.meta.lang), xhtml=False, print=False, web=True,
                  image_href=image_data_uri, fonts=embedded_fonts(), **worn.context())


def contents(guide: m.Guide) -> list[dict[str, str]]:
    """The table of contents: each `##` section's heading id and title."""
    return [{"id": s.id, "title": s.title} for s in guide.sections() if s.heading is not None]


def image_data_uri(image: m.Image) -> str:
    return data_uri(MEDIA_TYPES[image.suffix], image.data)


def data_uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


@lru_cache(maxsize=1)
def embedded_fonts() -> dict[str, str]:
    """Atkinson Hyperlegible, regular and bold, as WOFF2 data: URIs (a third the size of the TTFs)."""
    return {weight: data_uri("font/woff2", woff2(font_dir() / name)) for weight, name in FONT_FILES.items()}


def woff2(path) -> bytes:
    """The font as WOFF2, kept in the user's cache under the hash of the font and the versions of the
    tools that compress it: compressing both faces takes more than half a second, and every build
    writes the library's index, which embeds them too."""
    from ..cache import sha256
    from ..files import user_cache, write_atomic
    from ..inputs import package_versions
    data = path.read_bytes()
    folder = user_cache("woff2")
    kept = folder / f"{sha256(repr(package_versions(('fonttools', 'brotli'))).encode() + data)}.woff2" if folder else None
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    made = compress(path)
    if kept is not None:
        write_atomic(kept, made)
    return made


def compress(path) -> bytes:
    from fontTools.ttLib import TTFont
    # recalcTimestamp=False: fontTools would otherwise stamp today's date into the font, and the same
    # source must give the same bytes on any day.
    font = TTFont(path, recalcTimestamp=False)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()
