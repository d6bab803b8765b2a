"""A DOCX's parts -> Facts: the few things pandoc does not tell, read as mammoth reads a DOCX, one
part at a time (core and app properties, styles, the body, headers and footers, SmartArt data)."""
from __future__ import annotations

import zipfile
from pathlib import Path

from ..untrusted import UntrustedFileError, parse_xml, read_member
from .facts import Facts, plain_date, squeezed

NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
      "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
      "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
      "dc": "http://purl.org/dc/elements/1.1/", "dcterms": "http://purl.org/dc/terms/",
      "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
W = "{%s}" % NS["w"]
TRACKED = ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange", "w:sectPrChange")
# The words a run shows in its paragraph: not in a text box's fallback copy, not deleted
OWN_TEXT = "./w:r/w:t | ./w:hyperlink/w:r/w:t | ./w:ins/w:r/w:t | ./w:fldSimple/w:r/w:t | ./w:smartTag/w:r/w:t"
# Names programs write for an author they were never told (python-docx, Word, LibreOffice defaults)
NO_AUTHOR = {"", "python-docx", "unknown", "author", "microsoft office user", "windows user", "user"}


def facts(path: Path, package: zipfile.ZipFile) -> Facts:
    part = _Parts(path, package)
    body = part.xml("word/document.xml")
    if body is None:
        raise UntrustedFileError(path, "the package has no word/document.xml", "open it in Word and save it as .docx")
    found = Facts()
    properties(part, found)
    language(part, body, found)
    found.tracked = sum(len(body.xpath(f"//{name}", namespaces=NS)) for name in TRACKED)
    found.boxed = [own_text(p) for p in body.iter(W + "p") if boxed(p, part.boxed_styles())]
    found.text_boxes = [squeezed(" ".join(t.text or "" for t in box.iter(W + "t")))
                        for box in body.xpath("//w:txbxContent[not(ancestor::mc:Fallback)]", namespaces=NS)]
    found.headers = [text for name in sorted(package.namelist())
                     if name.startswith(("word/header", "word/footer")) and name.endswith(".xml")
                     for text in [words_of(part.xml(name))] if text]
    found.fields = fields(body)
    found.coloured = coloured(body)
    found.diagrams = [words_of(part.xml(name), "a") for name in sorted(package.namelist())
                      if name.startswith("word/diagrams/data") and name.endswith(".xml")]
    return found


class _Parts:
    def __init__(self, path: Path, package: zipfile.ZipFile):
        self.path, self.package, self._boxed = path, package, None

    def xml(self, name: str):
        if name not in self.package.namelist():
            return None
        return parse_xml(read_member(self.path, self.package, name), self.path, name)

    def boxed_styles(self) -> set[str]:
        """The paragraph styles with a border or shading of their own."""
        if self._boxed is None:
            styles = self.xml("word/styles.xml")
            self._boxed = set() if styles is None else {
                s.get(W + "styleId") for s in styles.iter(W + "style") if _has_box(s.find(W + "pPr"))}
        return self._boxed


def properties(part: _Parts, found: Facts) -> None:
    core = part.xml("docProps/core.xml")
    if core is not None:
        found.title = squeezed(core.findtext("dc:title", "", NS))
        author = squeezed(core.findtext("dc:creator", "", NS))
        found.author = "" if author.casefold() in NO_AUTHOR else author
        found.modified = plain_date(core.findtext("dcterms:modified", "", NS))
        found.lang = core.findtext("dc:language", "", NS).strip()
        found.lang_from = "the document's properties" if found.lang else ""
    app = part.xml("docProps/app.xml")
    if app is not None:
        found.organisation = squeezed(app.findtext("ep:Company", "", NS))


def language(part: _Parts, body, found: Facts) -> None:
    """The language Word gives the text: the styles' defaults, else the first the body names."""
    styles = part.xml("word/styles.xml")
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


def boxed(p, boxed_styles: set[str]) -> bool:
    ppr = p.find(W + "pPr")
    style = ppr.find(W + "pStyle") if ppr is not None else None
    in_style = style is not None and style.get(W + "val") in boxed_styles
    return bool(own_text(p)) and (_has_box(ppr) or in_style) and not p.xpath("ancestor::w:tbl", namespaces=NS)


def _has_box(ppr) -> bool:
    if ppr is None:
        return False
    borders = ppr.find(W + "pBdr")
    has_border = borders is not None and any(b.get(W + "val") not in (None, "nil", "none") for b in borders)
    shading = ppr.find(W + "shd")
    fill = (shading.get(W + "fill") or "auto").lower() if shading is not None else "auto"
    return has_border or fill not in ("auto", "ffffff")


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
