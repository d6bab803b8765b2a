"""Guide -> the large-print DOCX a translator types over: the source's words in place, each unit's
paragraph marked so that `docx_import` finds it again.

The mark is a bookmark spanning the paragraph, `_pp_` + 12 hex digits of the unit id's SHA-1: Word
hides names that start with an underscore, and allows only letters, digits and `_` (at most 40), while
unit ids hold hyphens, dots and accents. LibreOffice keeps such bookmarks through overtyping and saving
as DOCX, and shows a split (the end moves to the second half) or a merge (two names in one paragraph).
Paragraphs of words plainpress writes itself (the review date, a call-out's default title) carry a
`_pp_label_<n>` bookmark: not translated, yet not taken for a paragraph the translator added.
Alt text and the footer's short title are not in the body: each gets a paragraph of its own, in a style
that says what it is (Alt Text, Short Title). The document's language is the target language, so that
the spell checker checks the translation; `docProps/custom.xml` records what the file was made from.
"""
from __future__ import annotations

import hashlib
from functools import partial

from .. import model as m
from ..render import RenderError, RenderOptions
from ..render import docx_oxml as ox
from ..render.docx import _Writer, apply_styles, build_document, save, style_sheet
from .returned import Header, header_for
from .units import units

KEY_PREFIX = "_pp_"
LABEL_PREFIX = "_pp_label_"
# docProps/custom.xml: property name -> Header field
PROPERTIES = {"plainpress guide": "guide", "plainpress source language": "source_lang",
              "plainpress target language": "target_lang", "plainpress source version": "version",
              "plainpress source digest": "digest"}
DIGESTS = "plainpress unit digests"


def export_docx(source: m.Guide, target_lang: str, options: RenderOptions = RenderOptions()) -> bytes:
    document = build_document(source, options, _Translating)
    ox.set_language(document, target_lang)
    document.core_properties.language = target_lang
    ox.add_custom_properties(document, {**header_properties(header_for(source, target_lang)),
                                        DIGESTS: unit_digests(source)})
    return save(document)


def unit_digests(source: m.Guide) -> str:
    """Which words each unit had when the file was made (`key:digest` pairs): the import then knows,
    unit by unit, whether a translation was made from the source's present words."""
    return " ".join(f"{bookmark_key(u.id)[len(KEY_PREFIX):]}:{u.digest}" for u in units(source))


def unit_styles(source: m.Guide) -> dict[str, str]:
    """The paragraph style each unit is exported in, by unit id (the import's stand-in for a lost mark)."""
    styles: dict[str, str] = {}
    build_document(source, RenderOptions(), partial(_Translating, styles=styles))
    return styles


def bookmark_key(unit_id: str) -> str:
    """The bookmark name of a unit: short, stable, and only letters, digits and `_`."""
    return KEY_PREFIX + hashlib.sha1(unit_id.encode("utf-8")).hexdigest()[:12]


def unit_keys(guide: m.Guide) -> dict[str, str]:
    """Bookmark name -> unit id, for every unit of the guide."""
    keys = {bookmark_key(u.id): u.id for u in units(guide)}
    if len(keys) != len(units(guide)):  # 48 bits of SHA-1: never seen, but never silently wrong
        raise RenderError(f"two units of {guide.path} share a bookmark name; change one block's id")
    return keys


def header_properties(header: Header) -> dict[str, str]:
    return {name: getattr(header, field) for name, field in PROPERTIES.items()}


class _Translating(_Writer):
    """The DOCX writer, bookmarking each unit's paragraph and writing the unshown words as paragraphs."""
    audience_label = False  # the translator translates the audience, not the "For:" label

    def __init__(self, document, guide: m.Guide, styles: dict[str, str] | None = None):
        super().__init__(document, guide)
        self.styles = {} if styles is None else styles  # unit id -> the style its paragraph is in
        sheet = style_sheet()
        apply_styles(document, {**sheet, "paragraph": sheet["translation"], "character": {}})
        self.names = {unit_id: key for key, unit_id in unit_keys(guide).items()}
        self.marked: set[str] = set()
        self.labels = 0

    def write(self) -> None:
        super().write()
        missing = [unit_id for unit_id in self.names if unit_id not in self.marked]
        if missing:  # the writer and `units` disagree: a bug, not a problem of the source
            raise RenderError(f"the DOCX export wrote no paragraph for {', '.join(missing)}")

    def mark(self, paragraph, unit_id: str | None) -> None:
        if unit_id in self.names and unit_id not in self.marked:
            self.marked.add(unit_id)
            self.styles[unit_id] = paragraph.style.name
            name = self.names[unit_id]
        else:
            self.labels += 1
            name = f"{LABEL_PREFIX}{self.labels}"
        ox.add_bookmark(paragraph, len(self.marked) + self.labels, name)

    def unshown(self, unit_id: str, text: str, style: str) -> None:
        self.paragraph((m.Text(text),), style, unit_id)
