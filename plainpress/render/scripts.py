"""How a guide's script is drawn in the three HTML-based outputs (PDF, EPUB, web page): the faces it
is set in, the subsets of them a file carries, and the direction of its text.

The faces come from the language record through `languages.fonts.faces_for`, judged on all the
text the output prints (the labels, the title and contact blocks too). An EPUB or a web page carries
a subset of each face and weight it uses, cut to the characters that face draws for it: a face later
in the list only gets the characters the earlier ones lack, as a browser would ask it for them. Each
is cut from one cut of the face to all the guide's outputs print (`GuidePrinted`, `languages.cuts`).
"""
from __future__ import annotations

import base64
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..languages import language
from ..languages.fonts import ATKINSON, FaceFile, cmap, drawn, face_file, faces_for, subset

# What our stylesheets set in bold (headings, strong, a writer's emphasis, table headers, glossary
# terms, the subtitle, the masthead's organisation, the focused skip link): the bold subsets hold
# the characters of these only.
BOLD_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "th", "dt"})
BOLD_CLASSES = frozenset({"subtitle", "organisation", "skip-link", "callout-title"})
# Drawn by the renderer, not written in the text: list numbers and bullets.
MARKERS = "0123456789.•"
MEDIA_TYPES = {".ttf": "font/ttf", ".otf": "font/otf"}
FORMATS = {".ttf": "truetype", ".otf": "opentype"}


@dataclass(frozen=True)
class FontFace:
    """One @font-face rule: where the output finds the face's file."""
    family: str
    weight: str      # "normal" or "bold"
    src: str         # a file: URL (PDF), a path inside the EPUB, a data: URI (web page)
    format: str      # "truetype", "opentype" or "woff2"


@dataclass(frozen=True)
class Fonts:
    """What a stylesheet is given: the font-family list (then a generic) and the faces it carries."""
    families: tuple[str, ...]
    faces: tuple[FontFace, ...] = ()


@dataclass(frozen=True)
class Subset:
    face: FaceFile
    data: bytes

    @property
    def name(self) -> str:
        """`NotoSansCJKSC-bold`: the face and weight, in letters and digits."""
        return f"{re.sub(r'[^A-Za-z0-9]+', '', self.face.family)}-{self.face.weight}"

    @property
    def file_name(self) -> str:
        """Its name inside an EPUB: `fonts/NotoSansCJKSC-bold.otf`."""
        return f"fonts/{self.name}{self.face.suffix}"

    @property
    def item_id(self) -> str:
        return f"font-{self.name}"

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.face.suffix]


def direction_context(lang: str) -> dict:
    """What the templates are given to write `dir`: the page's direction, each passage's, and whether
    some words are left to right throughout (a phone number, an address: isolated in Arabic)."""
    return {"direction": language(lang).direction, "direction_of": lambda tag: language(tag).direction,
            "left_to_right": left_to_right}


def left_to_right(text: str) -> bool:
    """No right-to-left letter in the text (its digits and punctuation follow the letters around it)."""
    return not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def families(lang: str, texts: dict[str, str]) -> tuple[str, ...]:
    """The faces a guide is set in, in CSS order (`texts`: weight -> the text printed in it)."""
    return faces_for(language(lang), texts.get("normal", ""))


def default_fonts(lang: str) -> Fonts:
    """The language's faces before its text is known (a first rendering, to read its text from)."""
    return Fonts(language(lang).faces)


def pdf_fonts(chosen: tuple[str, ...]) -> Fonts:
    """For WeasyPrint: Atkinson Hyperlegible from its file; the Noto faces by name, through fontconfig
    (a face inside a .ttc collection cannot be loaded by url at the right index)."""
    faces = tuple(FontFace(ATKINSON, weight, face.path.as_uri(), FORMATS[face.suffix])
                  for weight in ("normal", "bold") if ATKINSON in chosen
                  for face in [face_file(ATKINSON, weight)] if face is not None)
    return Fonts(chosen, faces)


def subsets(chosen: tuple[str, ...], texts: dict[str, str], flavor: str | None = None,
            everything: Callable[[], dict[str, str]] | None = None) -> list[Subset]:
    """Each face and weight that draws some of the text, cut to the characters it draws. A face not
    yet cut to these is cut first to what `everything()` (weight -> all the guide's outputs print in
    it) gives that face, and these characters from that cut: the guide's other outputs find it kept."""
    asked: list[dict[str, str]] = []   # everything(), once

    def wider(weight: str, family: str) -> Callable[[], str]:
        def chars() -> str:
            if not asked:
                asked.append(everything())
            return drawn_by(chosen, asked[0].get(weight, ""), weight).get(family, "")
        return chars

    out = []
    for weight, text in texts.items():
        for family, mine in drawn_by(chosen, text, weight).items():
            face = face_file(family, weight)
            out.append(Subset(face, subset(face, mine, flavor, wider(weight, family) if everything else None)))
    return out


def drawn_by(chosen: tuple[str, ...], text: str, weight: str) -> dict[str, str]:
    """family -> the characters of `text` it draws: those no face before it draws, as a browser asks
    each face in turn (faces that draw none are left out)."""
    left = {ch for ch in set(text) if drawn(ch)}
    found = {}
    for family in chosen:
        face = face_file(family, weight)
        mine = {ch for ch in left if ord(ch) in cmap(family, weight)} if face else set()
        if mine:
            left -= mine
            found[family] = "".join(sorted(mine))
    return found


@dataclass(frozen=True)
class GuidePrinted:
    """Called: weight -> every character the guide's EPUB, web page and index entry (its title) print
    in it, read from their pages when first asked (by an output whose face has no cut yet, on a new
    or changed guide): what each face is cut to once for the guide."""
    guide: object
    options: object
    known: tuple = ()   # (output, texts) an output has read from its own pages already

    def but(self, **known: dict[str, str]) -> GuidePrinted:
        return replace(self, known=tuple(known.items()))

    def __call__(self) -> dict[str, str]:
        from . import printed_by  # the package's table of formats, not the formats' modules: they import this one
        texts = dict(self.known)
        for name, printed in printed_by().items():
            if name not in texts:
                texts[name] = printed(self.guide, self.options)
        title = set(self.guide.meta.title)
        return {weight: "".join(sorted(title.union(*(t.get(weight, "") for t in texts.values()))))
                for weight in ("normal", "bold")}


def guide_printed(guide, options) -> GuidePrinted:
    return GuidePrinted(guide, options)


def web_fonts(chosen: tuple[str, ...], texts: dict[str, str],
              everything: Callable[[], dict[str, str]] | None = None) -> Fonts:
    """For the web page: WOFF2 subsets as data: URIs, so that the page stays one file."""
    faces = tuple(FontFace(s.face.family, s.face.weight, data_uri("font/woff2", s.data), "woff2")
                  for s in subsets(chosen, texts, "woff2", everything))
    return Fonts(chosen, faces)


def epub_fonts(chosen: tuple[str, ...], found: list[Subset]) -> Fonts:
    """For the EPUB's stylesheet: the subsets as files beside it."""
    return Fonts(chosen, tuple(FontFace(s.face.family, s.face.weight, s.file_name, FORMATS[s.face.suffix])
                               for s in found))


def data_uri(media_type: str, data: bytes) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


def printed_texts(*pages: str) -> dict[str, str]:
    """weight -> the characters the pages' bodies print in it (each once): every character in the
    regular weight (it is also what a reader falls back on), those our stylesheets set bold in bold."""
    from lxml import html
    normal, bold = set(MARKERS), set()
    for page in pages:
        body = html.document_fromstring(page.encode("utf-8")).find("body")
        for el in body.iter() if body is not None else ():
            if not isinstance(el.tag, str):
                continue
            for text, bolded in ((el.text, is_bold(el)), (el.tail, el is not body and is_bold(el.getparent()))):
                if text:
                    normal.update(text)
                    if bolded:
                        bold.update(text)
    return {"normal": "".join(sorted(normal)), "bold": "".join(sorted(bold))}


def is_bold(el) -> bool:
    while el is not None and isinstance(el.tag, str):
        if el.tag.split("}")[-1] in BOLD_TAGS or BOLD_CLASSES & set(el.get("class", "").split()):
            return True
        el = el.getparent()
    return False


def with_text(texts: dict[str, str], more: str) -> dict[str, str]:
    """The texts with `more` printed in the regular weight too (the PDF's page footer)."""
    return {**texts, "normal": "".join(sorted(set(texts.get("normal", "")) | set(more)))}
