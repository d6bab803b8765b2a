"""What a translator might do to an exported DOCX, done to its XML: for tests of the import."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from plainpress.render import _zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def edited(docx: bytes, edit, part: str = "word/document.xml") -> bytes:
    """The DOCX with `edit(root)` done to one part's XML."""
    def change(name: str, content: bytes) -> bytes:
        if name != part:
            return content
        root = etree.fromstring(content)
        edit(root)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _zip.repack(docx, edit=change)


def with_member(docx: bytes, name: str, content: bytes) -> bytes:
    """The DOCX with one more member, or one member's content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != name:
                target.writestr(info, source.read(info))
        target.writestr(name, content)
    return out.getvalue()


def paragraph(root, words: str):
    """The first paragraph whose text starts with `words`."""
    return next(p for p in root.iter(f"{W}p") if "".join(p.itertext()).startswith(words))


def set_text(p, text: str) -> None:
    """All the paragraph's words replaced by `text`, in its first run; bookmarks stay."""
    runs = p.findall(f"{W}r")
    for r in runs[1:]:
        p.remove(r)
    for t in runs[0].findall(f"{W}t"):
        runs[0].remove(t)
    t = etree.SubElement(runs[0], f"{W}t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def drop_bookmark(p) -> None:
    for el in p.findall(f"{W}bookmarkStart") + p.findall(f"{W}bookmarkEnd"):
        p.remove(el)


def merge_with_next(p) -> None:
    """The next paragraph's bookmarks and runs moved into this one, and the next one removed."""
    following = p.getnext()
    for child in following:
        if child.tag != f"{W}pPr":
            p.append(child)
    following.getparent().remove(following)


def split_before(p, words: str) -> None:
    """A new paragraph of the same style from `words` on; the bookmark's end goes with the second half,
    as in LibreOffice and Word."""
    text = "".join(p.itertext())
    at = text.index(words)
    second = etree.Element(f"{W}p")
    if p.find(f"{W}pPr") is not None:
        second.append(etree.fromstring(etree.tostring(p.find(f"{W}pPr"))))
    p.addnext(second)
    end = p.find(f"{W}bookmarkEnd")
    set_text(p, text[:at])
    run = etree.SubElement(second, f"{W}r")
    etree.SubElement(run, f"{W}t").text = text[at:]
    if end is not None:
        second.append(end)


def add_after(p, text: str, style: str | None = None):
    """A new unmarked paragraph after `p`, in `p`'s style unless `style` (a style id) is given."""
    new = etree.Element(f"{W}p")
    ppr = etree.SubElement(new, f"{W}pPr")
    style = style or (p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") if p.find(f"{W}pPr/{W}pStyle") is not None else None)
    if style:
        etree.SubElement(ppr, f"{W}pStyle").set(f"{W}val", style)
    etree.SubElement(etree.SubElement(new, f"{W}r"), f"{W}t").text = text
    p.addnext(new)
    return new


def remove(p) -> None:
    p.getparent().remove(p)
