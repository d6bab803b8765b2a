"""The words of each output format, read back the way a person's tools would read them."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
from lxml import etree


def squeeze(text: str) -> str:
    """Text without any white space: line breaks fall in different places in each format."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, margin: float = 72) -> str:
    """The text of the page bodies: the running footer in the bottom margin is left out."""
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.crop((0, 0, page.width, page.height - margin)).extract_text() or ""
                         for page in pdf.pages)


def docx_text(path: Path) -> str:
    """Paragraphs and table cells in document order."""
    document = docx.Document(str(path))
    parts = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            parts += [cell.text for row in item.rows for cell in row.cells]
        else:
            parts.append(item.text)
    return "\n".join(parts)


def epub_documents(path: Path) -> dict[str, bytes]:
    """The XHTML documents of an EPUB in spine order, by file name."""
    with zipfile.ZipFile(path) as z:
        opf_name = next(n for n in z.namelist() if n.endswith(".opf"))
        opf = etree.fromstring(z.read(opf_name))
        ns = {"opf": "http://www.idpf.org/2007/opf"}
        hrefs = {i.get("id"): i.get("href") for i in opf.findall(".//opf:manifest/opf:item", ns)}
        folder = opf_name.rsplit("/", 1)[0] + "/" if "/" in opf_name else ""
        spine = [hrefs[ref.get("idref")] for ref in opf.findall(".//opf:spine/opf:itemref", ns)]
        return {href: z.read(folder + href) for href in spine}


def epub_text(path: Path) -> str:
    return "\n".join(" ".join(etree.fromstring(x).itertext()) for x in epub_documents(path).values())


def pdf_reading_text(path: Path) -> str:
    """The text in the order of the PDF's structure tree: the order a screen reader reads it in
    (a table's cells row by row, even where pdfplumber's visual order interleaves wrapped cells)."""
    import pikepdf

    from plainpress.validate.pdf_structure import Texts, read_structure
    with pikepdf.open(path) as pdf:
        structure = read_structure(pdf)
    texts = Texts(path)
    return " ".join(texts.of(root) for root in structure.roots)
