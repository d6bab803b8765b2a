"""A DOCX's parts -> Facts: the few things pandoc does not tell, read as mammoth reads a DOCX, one
part at a time (core and app properties, styles, the body, headers and footers, SmartArt data), each
found through the package's relationships (`ooxml`)."""
from __future__ import annotations

from ..ooxml.names import NS, W, tracked_changes
from ..ooxml.package import Package
from ..ooxml.properties import properties as package_properties
from ..ooxml.styles import boxed_styles, has_box
from .facts import Facts, plain_date, squeezed

# The words a run shows in its paragraph: not in a text box's fallback copy, not deleted
OWN_TEXT = "./w:r/w:t | ./w:hyperlink/w:r/w:t | ./w:ins/w:r/w:t | ./w:fldSimple/w:r/w:t | ./w:smartTag/w:r/w:t"
# Names programs write for an author they were never told (python-docx, Word, LibreOffice defaults)
NO_AUTHOR = {"", "python-docx", "unknown", "author", "microsoft office user", "windows user", "user"}


def facts(package: Package) -> Facts:
    body = package.document
    found = Facts()
    properties(package, found)
    language(package.part("styles"), body, found)
    found.tracked = tracked_changes(body)
    boxes = boxed_styles(package.part("styles"))
    found.boxed = [own_text(p) for p in body.iter(W + "p") if boxed(p, boxes)]
    found.text_boxes = [squeezed(" ".join(t.text or "" for t in box.iter(W + "t")))
                        for box in body.xpath("//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces=NS)]
    found.headers = [text for part in package.parts("footer") + package.parts("header")
                     for text in [words_of(part)] if text]
    found.fields = fields(body)
    found.coloured = coloured(body)
    found.diagrams = [words_of(part, "a") for part in package.parts("diagramData")]
    return found


def properties(package: Package, found: Facts) -> None:
    given = package_properties(package)
    found.title = squeezed(given.title)
    author = squeezed(given.creator)
    found.author = "" if author.casefold() in NO_AUTHOR else author
    found.modified = plain_date(given.modified)
    found.lang = given.language
    found.lang_from = "the document's properties" if found.lang else ""
    found.organisation = squeezed(given.company)


def language(styles, body, found: Facts) -> None:
    """The language Word gives the text: the styles' defaults, else the first the body names."""
    paths = [(styles, "w:docDefaults//w:lang/@w:val", "the document's styles"),
             (styles, "w:style[@w:styleId='Normal']//w:lang/@w:val", "the document's Normal style"),
             (body, "//w:lang/@w:val", "the document's text")]
    for tree, xpath, where in paths:
        values = tree.xpath(xpath, namespaces=NS) if tree is not None else []
        if values and values[0].strip():
            found.lang, found.lang_from = values[0].strip(), where
            return


def own_text(p) -> str:
    return squeezed("".join(t.text or "" for t in p.xpath(OWN_TEXT, namespaces=NS)))


def boxed(p, boxes: set[str]) -> bool:
    ppr = p.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    in_style = style is not None and style.get(W + "val") in boxes
    return bool(own_text(p)) and (has_box(ppr) or in_style) and not p.xpath("ancestor::w:tbl", namespaces=NS)


def fields(body) -> list[tuple[str, str, str]]:
    """Each field but a link, with what it showed and its paragraph's words."""
    out = []
    for field in body.xpath("//w:fldSimple", namespaces=NS):
        out.append((field.get(W + "instr", ""), words_of(field), _paragraph_of(field)))
    for instr in body.xpath("//w:instrText", namespaces=NS):
        out.append((instr.text or "", "", _paragraph_of(instr)))
    return [(squeezed(i).split(" ")[0].upper(), shown, p) for i, shown, p in out
            if squeezed(i) and not squeezed(i).upper().startswith("HYPERLINK")]


def coloured(body) -> list[tuple[str, str]]:
    """Runs given a colour of their own (not black, not automatic), outside links, by paragraph."""
    out = []
    for p in body.iter(W + "p"):
        runs = p.xpath("./w:r[w:rPr/w:color[not(@w:val='auto') and not(@w:val='000000')]]", namespaces=NS)
        text = squeezed(" ".join(words_of(r) for r in runs))
        if text:
            out.append((text, own_text(p)))
    return out


def words_of(tree, ns: str = "w") -> str:
    """The words of every `t` element (`w:t`, or DrawingML's `a:t`) under `tree`."""
    if tree is None:
        return ""
    return squeezed(" ".join(t.text or "" for t in tree.iter("{%s}t" % NS[ns])))


def _paragraph_of(element) -> str:
    found = element.xpath("ancestor::w:p[1]", namespaces=NS)
    return own_text(found[0]) if found else ""
