"""An ODT's parts -> Facts (meta.xml, styles.xml, content.xml): what pandoc's ODT reader does not tell."""
from __future__ import annotations

from ..ooxml.package import Package
from ..untrusted import UntrustedFileError
from .facts import Facts, plain_date, squeezed

NS = {"office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
      "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
      "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
      "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
      "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
      "dc": "http://purl.org/dc/elements/1.1/"}
FO, STYLE, TEXT = ("{%s}" % NS[k] for k in ("fo", "style", "text"))


def facts(package: Package) -> Facts:
    """An ODF package names its parts itself (content.xml, meta.xml, styles.xml: ODF 1.3 part 2, 3.1)."""
    xml = package.xml
    content = xml("content.xml")
    if content is None:
        raise UntrustedFileError(package.path, "the package has no content.xml", "open it in LibreOffice and save it as .odt")
    found = Facts()
    properties(xml("meta.xml"), found)
    styles = xml("styles.xml")
    language(styles, found)
    found.tracked = len(content.xpath("//text:tracked-changes/text:changed-region", namespaces=NS))
    boxes = boxed_styles(content) | boxed_styles(styles)
    found.boxed = [squeezed("".join(p.itertext())) for p in content.xpath("//office:text//text:p", namespaces=NS)
                   if p.get(TEXT + "style-name") in boxes and not p.xpath("ancestor::draw:text-box", namespaces=NS)]
    found.boxed = [text for text in found.boxed if text]
    found.text_boxes = [squeezed(" ".join(box.itertext())) for box in content.xpath("//draw:text-box", namespaces=NS)]
    if styles is not None:
        found.headers = [text for part in styles.xpath("//style:header | //style:footer", namespaces=NS)
                         if (text := squeezed(" ".join(part.itertext())))]
    found.comments = [(squeezed(" ".join(a.xpath("dc:creator//text()", namespaces=NS))) or "someone",
                       squeezed(" ".join(a.xpath("text:p//text()", namespaces=NS))))
                      for a in content.xpath("//office:annotation", namespaces=NS)]
    return found


def properties(meta, found: Facts) -> None:
    if meta is None:
        return
    found.title = squeezed(meta.findtext(".//dc:title", "", NS))
    found.author = squeezed(meta.findtext(".//dc:creator", "", NS) or meta.findtext(".//meta:initial-creator", "", NS))
    found.modified = plain_date(meta.findtext(".//dc:date", "", NS))
    found.lang = meta.findtext(".//dc:language", "", NS).strip()
    found.lang_from = "the document's properties" if found.lang else ""


def language(styles, found: Facts) -> None:
    """The default paragraph style's language and country (`en` and `GB`: en-GB)."""
    if styles is None:
        return
    for props in styles.xpath("//style:default-style[@style:family='paragraph']/style:text-properties", namespaces=NS):
        lang, country = props.get(FO + "language", ""), props.get(FO + "country", "")
        if lang and lang != "zxx":
            found.lang = f"{lang}-{country}" if country and country != "none" else lang
            found.lang_from = "the document's styles"


def boxed_styles(tree) -> set[str]:
    """Paragraph styles drawn with a border or a background colour."""
    if tree is None:
        return set()
    names = set()
    for style in tree.xpath("//style:style[@style:family='paragraph']", namespaces=NS):
        props = style.find(STYLE + "paragraph-properties")
        if props is None:
            continue
        borders = [v for k, v in props.attrib.items() if k.startswith(FO + "border") and v != "none"]
        background = props.get(FO + "background-color", "transparent").lower()
        if borders or background not in ("transparent", "#ffffff"):
            names.add(style.get(STYLE + "name"))
    return names
