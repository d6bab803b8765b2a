"""Measuring whether an import is true to the original: the sequence of words of the original (from the
DOCX or ODT XML, or pandoc's plain text of an HTML or Markdown file) against the words of the written
source's model, in order. Shared by the tests and benchmarks/bench_import_engines.py."""
from __future__ import annotations

import difflib
import re
import zipfile
from pathlib import Path

from lxml import etree

from plainpress import model as m

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def original_words(path: Path) -> list[str]:
    """The body's words in reading order: a DOCX's paragraphs (a text box once, not its fallback copy),
    then its footnotes; an ODT's paragraphs and headings; otherwise pandoc's plain text."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            parts = [p for p in ("word/document.xml", "word/footnotes.xml") if p in z.namelist()]
            trees = [etree.fromstring(z.read(p)) for p in parts]
        fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
        return [w for tree in trees for p in tree.iter(W + "p") if not any(a.tag == fallback for a in p.iterancestors())
                for w in words("".join(t.text or "" for t in p.iter(W + "t") if _own(t, p)))]
    if suffix == ".odt":
        with zipfile.ZipFile(path) as z:
            tree = etree.fromstring(z.read("content.xml"))
        text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
        return [w for p in tree.iter(f"{{{text_ns}}}p", f"{{{text_ns}}}h") for w in words("".join(p.itertext()))]
    import pypandoc
    text = path.read_text(encoding="utf-8")
    if suffix in (".md", ".markdown"):   # the kinds of MkDocs and GitHub call-outs are markup, not words
        text = re.sub(r"^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+|\[![A-Za-z]+\]", "", text, flags=re.M)
    plain = pypandoc.convert_text(text, "plain", format="html" if suffix in (".html", ".htm") else "markdown",
                                  extra_args=["--sandbox", "--wrap=none"])
    return words(re.sub(r"^[ \t]*(?:\d+[.)]|[-*+\u2022])[ \t]+", "", plain, flags=re.M))  # list marks are not words


def _own(t, p) -> bool:
    """A `w:t` of this paragraph, not of a paragraph inside a text box within it."""
    return next(a for a in t.iterancestors(W + "p")) is p


def guide_words(guide: m.Guide) -> list[str]:
    """The words of a guide's model: title, subtitle, organisation and date, then every block in reading order (headings,
    paragraphs, cells, glossary entries, call-out titles and alt text)."""
    meta = guide.meta
    out = [w for text in (meta.title, meta.subtitle, meta.organisation, meta.date.isoformat()) for w in words(text)]
    for block in m.walk(guide.blocks):
        if isinstance(block, m.Callout):
            out += words(block.title)
        elif isinstance(block, m.Image):
            out += words(block.alt)
        for content, _ in m.inline_parts(block):
            out += words(m.plain_text(content))
    return out


def kept(original: list[str], imported: list[str]) -> tuple[float, list[str], list[str]]:
    """(the share of the original's words found, in order, in the import; the words missing; the words
    the import adds)."""
    matcher = difflib.SequenceMatcher(None, original, imported, autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    missing, added = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            missing += original[i1:i2]
        if tag in ("insert", "replace"):
            added += imported[j1:j2]
    return (same / len(original) if original else 1.0), missing, added
