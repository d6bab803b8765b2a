"""What python-docx 1.2 has no API for, set through its oxml layer: one small function each."""
from __future__ import annotations

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def set_language(document, lang: str) -> None:
    """The language of all text, in the document defaults of styles.xml (where Word reads it)."""
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_language(rpr, lang)


def set_run_language(rpr, lang: str) -> None:
    """`w:lang` on one run's (or style's) properties: a passage in another language."""
    old = rpr.find(qn("w:lang"))
    if old is not None:
        rpr.remove(old)
    el = OxmlElement("w:lang")
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        el.set(qn(attr), lang)
    rpr.append(el)


def drop_theme_fonts(style_element) -> None:
    """python-docx's `font.name` sets `w:ascii` and `w:hAnsi` but keeps the template's `w:asciiTheme` and
    `w:hAnsiTheme`, which win over them: Title and Heading 1..3 showed in the theme's heading font."""
    rfonts = style_element.get_or_add_rPr().find(qn("w:rFonts"))
    for attr in ("w:asciiTheme", "w:hAnsiTheme"):
        if rfonts is not None:
            rfonts.attrib.pop(qn(attr), None)


def set_complex_script_size(style_element, points: float) -> None:
    """Arabic, Hebrew, Indic and Thai text takes its size from `w:szCs`, not `w:sz`."""
    rpr = style_element.get_or_add_rPr()
    old = rpr.find(qn("w:szCs"))
    if old is not None:
        rpr.remove(old)
    el = OxmlElement("w:szCs")
    el.set(qn("w:val"), str(round(points * 2)))
    sz = rpr.find(qn("w:sz"))
    (sz.addnext if sz is not None else rpr.append)(el)


def drop_borders(style_element) -> None:
    """The default template's Title has a blue rule under it; our styles draw their own borders."""
    ppr = style_element.pPr
    if ppr is not None:
        for borders in ppr.findall(qn("w:pBdr")):
            ppr.remove(borders)


def drop_thumbnail(document) -> None:
    """The default template carries a preview picture of itself; a guide's DOCX should not."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)


def set_alt_text(inline_shape, alt: str) -> None:
    """Alt text is `descr` on the picture's `wp:docPr`."""
    inline_shape._inline.docPr.set("descr", alt)


def repeat_header_row(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def turn_off_hyphenation(document) -> None:
    settings = document.settings.element
    el = OxmlElement("w:autoHyphenation")
    el.set(qn("w:val"), "false")
    settings.find(qn("w:defaultTabStop")).addnext(el)  # where the schema's order puts it


def add_left_border(style_element, eighths_of_point: int) -> None:
    ppr = style_element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attr, value in (("w:val", "single"), ("w:sz", str(eighths_of_point)), ("w:space", "12"), ("w:color", "000000")):
        left.set(qn(attr), value)
    borders.append(left)
    ppr.append(borders)


def add_hyperlink(paragraph, href: str):
    """A `w:hyperlink` to an outside address; returns it so that runs can be added inside."""
    rid = paragraph.part.relate_to(href, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    paragraph._p.append(link)
    return link


def new_numbering(paragraph, start: int = 1) -> int:
    """Make a numbered list start again at `start` instead of continuing the previous one.

    Word numbers every `List Number` paragraph in one sequence; a new `w:num` that overrides the
    start value, given to every paragraph of the list (`use_numbering`), begins a new sequence.
    """
    numbering = paragraph.part.numbering_part.element
    style_num = paragraph.style.element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    override = num.add_lvlOverride(ilvl=0)
    override.add_startOverride(start)
    return num.numId


def use_numbering(paragraph, num_id: int) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id

