"""What the DOCX needs to know of the guide's script: the face Word draws each kind of character with,
the language of each kind, and the direction of paragraphs, runs, tables and the section.

Word sorts every character into one of three slots and draws each from its own face and checks it in
its own language: `ascii`/`hAnsi` (Latin, Cyrillic, Greek), `eastAsia` (Han, Kana, Hangul) and `cs`
(complex scripts: Arabic, Hebrew, Devanagari, Thai). The language record says which slot its script is
in (`docx_slot`) and which faces draw it (`faces_for`); the other slots get the face that draws the
guide's Latin passages, so that nothing falls back to the template's theme fonts.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from .. import model as m
from ..languages import Language, language
from ..languages.fonts import faces_for
from ..translate import units as ids

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RIGHT_TO_LEFT = frozenset({"R", "AL"})   # Unicode bidi classes of right-to-left letters
# What may follow w:bidi, in the schema's order, in a paragraph's and in a section's properties.
AFTER_PARAGRAPH_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                        "w:pPrChange")
AFTER_SECTION_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


@dataclass(frozen=True)
class Fonts:
    """The face of each w:rFonts slot, and Word's hint for characters two slots share."""
    latin: str
    east_asia: str
    complex_script: str
    hint: str | None = None   # "eastAsia": quotes and full-width punctuation drawn in the CJK face

    def attributes(self) -> dict[str, str]:
        slots = {"w:ascii": self.latin, "w:hAnsi": self.latin, "w:eastAsia": self.east_asia,
                 "w:cs": self.complex_script}
        return {**slots, **({"w:hint": self.hint} if self.hint else {})}


def guide_text(guide: m.Guide) -> str:
    """Every word of the guide a reader sees, to choose the faces that draw all of its letters."""
    return " ".join(unit.text for unit in ids.units(guide))


def fonts_for(record: Language, text: str) -> Fonts:
    """The guide's own face in its script's slot; its Latin face (the face after its own, for a script
    whose slot is not Latin's; a CJK face draws Latin itself) in the others."""
    faces = faces_for(record, text)
    own = faces[0]
    latin = own if record.docx_slot == "ascii" or len(faces) == 1 else faces[1]
    return Fonts(latin=latin,
                 east_asia=record.cjk_face or latin,
                 complex_script=own if record.docx_slot == "cs" else latin,
                 hint="eastAsia" if record.docx_slot == "eastAsia" else None)


def word_tag(tag: str) -> str:
    """The tag with the region CLDR finds likeliest (`ar` -> `ar-EG`, `zh-Hant` -> `zh-TW`): Word's
    East Asian and complex-script languages are a language and a region, whose region picks
    its dictionary and its digit and date shapes."""
    from babel.core import get_global
    parts = tag.replace("_", "-").split("-")
    regions = [p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha() or len(p) == 3 and p.isdigit()]
    if regions:
        return f"{parts[0].lower()}-{regions[0]}"
    table = get_global("likely_subtags")
    scripts = [p.title() for p in parts[1:] if len(p) == 4 and p.isalpha()]
    likely = (table.get(f"{parts[0].lower()}_{scripts[0]}") if scripts else None) or table.get(parts[0].lower(), "")
    found = [p for p in likely.split("_")[1:] if len(p) == 2 or p.isdigit()]
    return f"{parts[0].lower()}-{found[0]}" if found else tag


def language_attributes(tag: str) -> dict[str, str]:
    """`w:lang`'s attributes for text in `tag`: the tag itself, and in the slot its script is drawn
    with (eastAsia, or bidi for a complex script), the tag with its region."""
    slot = language(tag).docx_slot
    return {"w:val": tag, "w:eastAsia": word_tag(tag) if slot == "eastAsia" else tag,
            "w:bidi": word_tag(tag) if slot == "cs" else tag}


def right_to_left(document, record: Language) -> None:
    """A right-to-left guide's every paragraph, table and section set right to left (body, headers and
    footers), and each run of right-to-left letters marked w:rtl (a Latin passage or a phone number is
    left to right: no w:rtl)."""
    for style in document.styles.element.iter(W + "style"):
        if style.get(W + "type") == "paragraph":
            set_paragraph_bidi(style.get_or_add_pPr())
            mirror_borders(style.pPr)
    set_paragraph_bidi(document.styles.element.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr"))
    roots = [document.element.body] + [part.element for part in running_parts(document)]
    for root in roots:
        for p in root.iter(W + "p"):
            set_paragraph_bidi(p.get_or_add_pPr())
        for tbl in root.iter(W + "tbl"):
            tbl.tblPr.get_or_add_bidiVisual()
        for r in root.iter(W + "r"):
            if runs_right_to_left(r, record):
                r.get_or_add_rPr().get_or_add_rtl()
    for sect in document.element.body.iter(W + "sectPr"):
        _insert(sect, "w:bidi", AFTER_SECTION_BIDI)


def running_parts(document) -> list:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    return [rel.target_part for rel in document.part.rels.values() if rel.reltype in (RT.HEADER, RT.FOOTER)]


def runs_right_to_left(r, record: Language) -> bool:
    """A run of right-to-left letters, in a right-to-left language (its own w:lang, else the guide's)."""
    own = r.find(f"{W}rPr/{W}lang")
    lang = language(own.get(W + "val")) if own is not None and own.get(W + "val") else record
    text = "".join(t.text or "" for t in r.iter(W + "t"))
    return lang.rtl and any(unicodedata.bidirectional(ch) in RIGHT_TO_LEFT for ch in text)


def set_paragraph_bidi(ppr) -> None:
    """`w:bidi` in a paragraph's (or a paragraph style's) properties, where the schema's order puts it."""
    _insert(ppr, "w:bidi", AFTER_PARAGRAPH_BIDI)


def mirror_borders(ppr) -> None:
    """A call-out's bar on the side its lines start: w:pBdr's sides are the page's, not the text's (Word and
    LibreOffice both keep a left border on the left of a right-to-left paragraph)."""
    borders = ppr.find(qn("w:pBdr"))
    left = borders.find(qn("w:left")) if borders is not None else None
    if left is None or borders.find(qn("w:right")) is not None:
        return
    left.tag = qn("w:right")
    borders.remove(left)
    before = next((borders.find(qn(tag)) for tag in ("w:between", "w:bar") if borders.find(qn(tag)) is not None), None)
    (before.addprevious if before is not None else borders.append)(left)


def _insert(parent, tag: str, successors: tuple[str, ...]) -> None:
    if parent.find(qn(tag)) is None:
        parent.insert_element_before(OxmlElement(tag), *successors)
