"""Guide -> the large-print DOCX a translator types over: the source's words in place, each unit's
paragraph marked so that `docx_import` finds it again.

The mark is a bookmark spanning the paragraph, `_pp_` + 12 hex digits of the unit id's SHA-1: Word
hides names that start with an underscore, and allows only letters, digits and `_` (at most 40), while
unit ids hold hyphens, dots and accents. LibreOffice keeps such bookmarks through overtyping and saving
as DOCX, and shows a split (the end moves to the second half) or a merge (two names in one paragraph).
Paragraphs of words plainpress writes itself (the review date, a call-out's default title) carry a
`_pp_label_<n>` bookmark: not translated, yet not taken for a paragraph the translator added.
Alt text and the footer's short title are not in the body: each gets a paragraph of its own, in a style
that says what it is (Alt Text, Short Title). The document is in the target language (its direction, its
faces, its `w:lang`, so that the spell checker checks the translation) and so are the labels its
catalog has (the review date, call-out titles): context, not to translate. A label the catalog lacks
is a unit (`labels.label_units`): in the first call-out title that shows it, else in a paragraph of the
style Label after the body, under a Label Note saying where it prints. `docProps/custom.xml` records
what the file was made from, and the words of every `_pp_label_` paragraph (the import says so when a
translator typed over them). A paragraph whose words stay the source's on purpose is confirmed by a
bookmark of the translator's whose name starts with `keep` (Insert > Bookmark: keep1, keep2...).
"""
from __future__ import annotations

import dataclasses
import hashlib
from functools import partial

from .. import model as m
from ..languages import labels
from ..render import RenderError, RenderOptions
from ..render import docx_oxml as ox
from ..render.docx import _Writer, build_document, save
from ..render.docx_styles import apply_styles, style_sheet
from .labels import WHERE, default_titled, keep_placeholders, label_id, label_key, label_units
from .returned import Header, header_for
from .units import Unit, title_id, units

KEY_PREFIX = "_pp_"
LABEL_PREFIX = "_pp_label_"
# docProps/custom.xml: property name -> Header field
PROPERTIES = {"plainpress guide": "guide", "plainpress source language": "source_lang",
              "plainpress target language": "target_lang", "plainpress source version": "version",
              "plainpress source digest": "digest"}
DIGESTS = "plainpress unit digests"
LABEL_WORDS = "plainpress label words"   # `n:digest:key` for each `_pp_label_<n>` paragraph (key may be empty)
LABEL_STYLES = {"Label Note": {"base": "Normal"}, "Label": {"base": "Normal", "indent": 0.4}}


def export_docx(source: m.Guide, target_lang: str, options: RenderOptions = RenderOptions()) -> bytes:
    written: dict[str, str] = {}
    document = build_document(in_target(source, target_lang), options,
                              partial(_Translating, source=source, label_words=written))
    ox.set_language(document, target_lang)
    document.core_properties.language = target_lang
    ox.add_custom_properties(document, {**header_properties(header_for(source, target_lang)),
                                        DIGESTS: unit_digests(source),
                                        LABEL_WORDS: " ".join(f"{n}:{d}" for n, d in written.items())})
    return save(document)


def in_target(source: m.Guide, target_lang: str) -> m.Guide:
    """The source as the translator's document shows it: its words, in the target language's direction
    and faces, with the labels of the target language (English where its catalog lacks them)."""
    words = labels(target_lang)
    titled = {id(c) for c in default_titled(source)}

    def relabelled(block):
        if isinstance(block, m.Callout):
            title = words[block.style] if id(block) in titled else block.title
            return dataclasses.replace(block, title=title, blocks=tuple(relabelled(b) for b in block.blocks))
        if isinstance(block, m.ListBlock):
            return dataclasses.replace(block, items=tuple(dataclasses.replace(i, blocks=tuple(relabelled(b) for b in i.blocks))
                                                          for i in block.items))
        return block
    meta = dataclasses.replace(source.meta, lang=target_lang, labels=())
    return dataclasses.replace(source, meta=meta, blocks=tuple(relabelled(b) for b in source.blocks))


def words_digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def unit_digests(source: m.Guide) -> str:
    """Which words each unit had when the file was made (`key:digest` pairs): the import then knows,
    unit by unit, whether a translation was made from the source's present words."""
    return " ".join(f"{bookmark_key(u.id)[len(KEY_PREFIX):]}:{u.digest}" for u in units(source))


def unit_styles(source: m.Guide, target_lang: str) -> dict[str, str]:
    """The paragraph style each unit is exported in, by unit id, in the order of the document (the
    import's stand-in for a lost mark, and the order of its units)."""
    styles: dict[str, str] = {}
    build_document(in_target(source, target_lang), RenderOptions(), partial(_Translating, source=source, styles=styles))
    return styles


def bookmark_key(unit_id: str) -> str:
    """The bookmark name of a unit: short, stable, and only letters, digits and `_`."""
    return KEY_PREFIX + hashlib.sha1(unit_id.encode("utf-8")).hexdigest()[:12]


def unit_keys(guide: m.Guide, extra: list[Unit] = ()) -> dict[str, str]:
    """Bookmark name -> unit id, for every unit of the guide and the `extra` ones (labels)."""
    found = units(guide) + list(extra)
    keys = {bookmark_key(u.id): u.id for u in found}
    if len(keys) != len(found):  # 48 bits of SHA-1: never seen, but never silently wrong
        raise RenderError(f"two units of {guide.path} share a bookmark name; change one block's id")
    return keys


def header_properties(header: Header) -> dict[str, str]:
    return {name: getattr(header, field) for name, field in PROPERTIES.items()}


class _Translating(_Writer):
    """The DOCX writer, bookmarking each unit's paragraph and writing the unshown words as paragraphs."""
    audience_label = False  # the translator translates the audience, not the "For:" label

    def __init__(self, document, guide: m.Guide, source: m.Guide, styles: dict[str, str] | None = None,
                 label_words: dict[str, str] | None = None):
        super().__init__(document, guide)   # `guide`: the source in the target language (`in_target`)
        self.styles = {} if styles is None else styles  # unit id -> the style its paragraph is in
        self.label_words = {} if label_words is None else label_words   # n -> "digest:key"
        sheet = style_sheet()
        apply_styles(document, {**sheet, "paragraph": {**sheet["translation"], **LABEL_STYLES}, "character": {}})
        self.label_units = label_units(source, guide.meta.lang)
        self.names = {unit_id: key for key, unit_id in unit_keys(source, self.label_units).items()}
        # a call-out titled with its kind's label: the title's paragraph shows that label
        self.shows = {title_id(c): c.style for c in default_titled(guide)}
        self.marked: set[str] = set()
        self.labels = 0

    def write(self) -> None:
        super().write()
        self.label_paragraphs()
        missing = [unit_id for unit_id in self.names if unit_id not in self.marked]
        if missing:  # the writer and `units` disagree: a bug, not a problem of the source
            raise RenderError(f"the DOCX export wrote no paragraph for {', '.join(missing)}")

    def label_paragraphs(self) -> None:
        """Each label unit that no call-out title showed: where it prints, then its words to type over."""
        for unit in (u for u in self.label_units if u.id not in self.marked):
            key = label_key(unit.id)
            self.paragraph((m.Text(f"{WHERE[key][0].upper()}{WHERE[key][1:]}{keep_placeholders(key, '. ')}:"),),
                           "Label Note")
            self.paragraph(unit.content, "Label", unit.id)

    def mark(self, paragraph, unit_id: str | None) -> None:
        shown = self.shows.get(unit_id or "")
        if shown and label_id(shown) in self.names:
            unit_id = label_id(shown)   # the first such title is the label's unit; the others repeat it
        if unit_id in self.names and unit_id not in self.marked:
            self.marked.add(unit_id)
            self.styles[unit_id] = paragraph.style.name
            name = self.names[unit_id]
        else:
            self.labels += 1
            name = f"{LABEL_PREFIX}{self.labels}"
            self.label_words[str(self.labels)] = f"{words_digest(paragraph.text)}:{shown or ''}"
        ox.add_bookmark(paragraph, len(self.marked) + self.labels, name)

    def unshown(self, unit_id: str, text: str, style: str) -> None:
        self.paragraph((m.Text(text),), style, unit_id)
