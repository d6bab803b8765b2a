"""What python-docx 1.2 has no API for, set through its oxml layer: one small function each."""
from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree


def default_run_properties(document):
    """`w:rPr` of the document defaults in styles.xml, under every style and run."""
    return document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))


def set_language(document, lang: str) -> None:
    """The language of all text, in the document defaults of styles.xml (where Word reads it)."""
    set_run_language(default_run_properties(document), lang)


def set_run_language(rpr, lang: str) -> None:
    """`w:lang` on one run's (or style's) properties: a passage in another language. Its East Asian and
    complex-script languages carry a region (`docx_script.language_attributes`)."""
    from .docx_script import language_attributes
    old = rpr.find(qn("w:lang"))
    if old is not None:
        rpr.remove(old)
    el = OxmlElement("w:lang")
    for attr, value in language_attributes(lang).items():
        el.set(qn(attr), value)
    rpr.insert_element_before(el, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_fonts(rpr, attributes: dict[str, str]) -> None:
    """`w:rFonts` with exactly these slots: the template's theme fonts (`w:asciiTheme`, `w:cstheme`...)
    would win over a named face (Title and Heading 1..3 showed in the theme's heading font)."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr, value in attributes.items():
        rfonts.set(qn(attr), value)


def default_fonts(document) -> dict[str, str]:
    """The faces of the document defaults' `w:rFonts`, as `set_fonts` takes them."""
    rfonts = default_run_properties(document).find(qn("w:rFonts"))
    return {"w:" + etree.QName(attr).localname: value for attr, value in rfonts.attrib.items()}


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


def keep_row_whole(row, header: bool = False) -> None:
    """`w:cantSplit`: the row never breaks across two pages; a header row (`w:tblHeader`) is repeated at
    the top of each page the table runs onto. The schema puts cantSplit before tblHeader."""
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",):
        trpr.append(OxmlElement(tag))


def keep(paragraph, with_next: bool) -> None:
    """The paragraph's lines kept together (`w:keepLines`), and with the next paragraph (`w:keepNext`),
    as paragraph properties in the schema's order."""
    ppr = paragraph._p.get_or_add_pPr()
    for tag in ("w:keepNext", "w:keepLines") if with_next else ("w:keepLines",):
        if ppr.find(qn(tag)) is None:
            after = ("w:keepLines", *PPR_AFTER_KEEPS) if tag == "w:keepNext" else PPR_AFTER_KEEPS
            ppr.insert_element_before(OxmlElement(tag), *after)


# What follows w:keepNext and w:keepLines in w:pPr (ECMA-376 CT_PPrBase order).
PPR_AFTER_KEEPS = ("w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr", "w:suppressLineNumbers",
                   "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                   "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                   "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")


def turn_off_hyphenation(document) -> None:
    settings = document.settings.element
    el = OxmlElement("w:autoHyphenation")
    el.set(qn("w:val"), "false")
    settings.find(qn("w:defaultTabStop")).addnext(el)  # where the schema's order puts it


def add_left_border(style_element, eighths_of_point: int, colour: str = "000000") -> None:
    ppr = style_element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attr, value in (("w:val", "single"), ("w:sz", str(eighths_of_point)), ("w:space", "12"), ("w:color", colour)):
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
    return new_list(paragraph.part, numbering.num_having_numId(style_num).abstractNumId.val, start)


def use_numbering(paragraph, num_id: int, level: int = 0) -> None:
    numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def add_field(paragraph, instruction: str) -> None:
    """A field Word and LibreOffice compute as they lay out the page (PAGE, NUMPAGES), with no stale result
    of its own: a viewer that cannot compute it shows nothing rather than a wrong number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    paragraph._p.append(field)


def set_cell_margins(table, **twips: int) -> None:
    """Padding inside every cell of the table (`top`, `bottom`, `left`, `right`), in the table's own properties."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):  # the schema's order
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(twips[side]))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def add_list_definition(part, ordered: bool, indent: int, hanging: int, levels: int = 3) -> int:
    """A new abstract list of bullets or numbers "1." whose level k hangs its mark at `indent` + k * `hanging`
    (twips), text one `hanging` further in; returns its abstractNumId."""
    numbering = part.numbering_part.element
    ids = [int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(ids, default=-1) + 1
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    for level in range(levels):
        abstract.append(_list_level(level, ordered, indent + (level + 1) * hanging, hanging))
    first_num = numbering.find(qn("w:num"))
    (first_num.addprevious if first_num is not None else numbering.append)(abstract)  # abstracts come first
    return abstract_id


def _list_level(level: int, ordered: bool, left: int, hanging: int):
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), str(level))
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal" if ordered else "bullet"),
                       ("w:lvlText", f"%{level + 1}." if ordered else "\u2022"), ("w:lvlJc", "left")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        lvl.append(el)
    ppr, ind = OxmlElement("w:pPr"), OxmlElement("w:ind")
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:hanging"), str(hanging))
    ppr.append(ind)
    lvl.append(ppr)
    return lvl


def new_list(part, abstract_id: int, start: int = 1, level: int = 0) -> int:
    """A list of its own on an abstract list definition, numbered from `start` at `level`; returns its numId."""
    num = part.numbering_part.element.add_num(abstract_id)
    num.add_lvlOverride(ilvl=level).add_startOverride(start)
    return num.numId


def add_bookmark(paragraph, bookmark_id: int, name: str) -> None:
    """A bookmark spanning the paragraph's words: it starts after the paragraph's properties, ends last."""
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    if p.pPr is not None:
        p.pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one format id of user-defined properties


def add_custom_properties(document, properties: dict[str, str]) -> None:
    """`docProps/custom.xml` (File > Properties > Custom), text values in the given order. python-docx has
    no API for it, so the part is added to the package through its OPC layer."""
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(properties.items(), 2):  # Office numbers them from 2
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    package.relate_to(Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, blob, package),
                      RT.CUSTOM_PROPERTIES)


class _Entries(list):
    """What python-docx's writer writes, as (name, bytes), instead of a zip of its own."""

    def write(self, pack_uri, blob: bytes) -> None:
        self.append((pack_uri.membername, blob))


def package_entries(document) -> list[tuple[str, bytes]]:
    """The package's entries as `document.save` writes them, in its order, left for the caller to zip
    (python-docx would deflate each, only for `_zip.repack` to inflate and deflate them again)."""
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = _Entries()
    PackageWriter._write_content_types_stream(entries, parts)   # PackageWriter.write's three steps
    PackageWriter._write_pkg_rels(entries, package.rels)
    PackageWriter._write_parts(entries, parts)
    return entries
