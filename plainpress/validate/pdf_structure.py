"""The tagged PDF's logical structure, read back with pikepdf: what a screen reader is given.

Checks the catalog (/Lang, /MarkInfo, /ViewerPreferences), the XMP packet (dc:title, pdfuaid:part),
that every font is embedded, and the structure tree: every image inside a Figure with alternate text,
headings H1..H6 in order, no content that reaches the tree only through NonStruct/Span/Div, and
foreign-language passages with their own /Lang. Reading the PDF is pdf_tree's part.
"""
from __future__ import annotations

import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Iterable

import pikepdf

from ..findings import Finding
from ..languages import is_language_tag
from .result import ToolResult
# Texts and read_structure are imported from here too (tests/outputs_text.py): keep them in this namespace.
from .pdf_tree import Element, Marked, Structure, Texts, font_report, pdf_string, read_marked_content, read_structure

TOOL = "pdf-structure"
HEADINGS = ("H1", "H2", "H3", "H4", "H5", "H6")
# Structure types that carry no meaning of their own: content held only by these has no structure.
GENERIC = {"Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "NonStruct", "Span", "Private"}
LIMIT = 3   # findings per rule; the message of the first one gives the full count

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}


# ---------------------------------------------------------------- the check

def check_pdf_structure(path: Path, expected_lang: str, foreign: Iterable[tuple[str, str]] = ()) -> ToolResult:
    """`foreign`: the passages the source marks in another language, as (BCP 47 tag, text); each must
    reach the PDF with that /Lang. Without them, only the /Lang entries present are checked."""
    started = time.perf_counter()
    path = Path(path)
    try:
        pdf = pikepdf.open(path)
    except Exception as err:
        finding = Finding("error", "pdf.unreadable", path.name, f"pikepdf could not open the PDF: {err}")
        return ToolResult(TOOL, path.name, True, {"errors": 1}, (finding,))
    with pdf:
        structure = read_structure(pdf)
        marked = read_marked_content(pdf)
        texts = Texts(path)
        findings = [
            *check_lang(pdf, path, expected_lang),
            *check_marked(pdf, path),
            *check_display_title(pdf, path),
            *check_xmp(pdf, path),
            *check_fonts(pdf, path),
            *check_figures(structure, marked, path),
            *check_heading_order(structure, path, texts),
            *check_nonstruct(structure, marked, path, texts),
            *check_foreign_lang(structure, pdf, path, list(foreign), texts),
        ]
        counts = dict(sorted(Counter(e.type for e in structure.elements()).items()))
        counts["lang_spans"] = sum(1 for e in structure.elements() if e.lang)
        counts["images"] = len(marked.images)
        counts["untagged_runs"] = len(marked.mcids - structure.owner.keys())
        counts["errors"] = sum(1 for f in findings if f.severity == "error")
    note = f"{time.perf_counter() - started:.2f} s"
    return ToolResult(TOOL, path.name, True, counts, tuple(findings), note)


def check_lang(pdf, path: Path, expected: str) -> list[Finding]:
    lang = pdf_string(pdf.Root.get("/Lang"))
    if not lang:
        return [Finding("error", "pdf.lang", path.name,
                        "the catalog has no /Lang: a screen reader cannot pick a voice",
                        '<html lang="..."> sets it; WeasyPrint writes it to the catalog')]
    if lang.strip().lower() != expected.strip().lower():
        return [Finding("error", "pdf.lang", path.name, f"the catalog /Lang is {lang!r}, the guide is {expected!r}")]
    return []


def check_marked(pdf, path: Path) -> list[Finding]:
    findings = []
    mark_info = pdf.Root.get("/MarkInfo")
    if mark_info is None or mark_info.get("/Marked") is not True:
        findings.append(Finding("error", "pdf.marked", path.name,
                                "/MarkInfo /Marked is not true: the PDF does not say it is tagged",
                                'render with pdf_variant="pdf/ua-1"'))
    if "/StructTreeRoot" not in pdf.Root:
        findings.append(Finding("error", "pdf.marked", path.name, "the PDF has no structure tree (/StructTreeRoot)",
                                'render with pdf_variant="pdf/ua-1"'))
    return findings


def check_display_title(pdf, path: Path) -> list[Finding]:
    prefs = pdf.Root.get("/ViewerPreferences")
    if prefs is None or prefs.get("/DisplayDocTitle") is not True:
        return [Finding("error", "pdf.display-title", path.name,
                        "/ViewerPreferences /DisplayDocTitle is not true: "
                        "the window shows the file name, not the title")]
    return []


def check_xmp(pdf, path: Path) -> list[Finding]:
    stream = pdf.Root.get("/Metadata")
    if stream is None:
        return [Finding("error", "pdf.xmp", path.name, "the catalog has no XMP /Metadata stream")]
    try:
        root = ET.fromstring(stream.read_bytes())
    except ET.ParseError as err:
        return [Finding("error", "pdf.xmp", path.name, f"the XMP metadata is not well-formed XML: {err}")]
    findings = []
    titles = [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{{{NS['dc']}}}title")]
    if not any(titles):
        findings.append(Finding("error", "pdf.xmp", path.name, "the XMP metadata has no dc:title"))
    parts = [d.get(f"{{{NS['pdfuaid']}}}part") for d in root.iter(f"{{{NS['rdf']}}}Description")]
    parts += [(e.text or "").strip() for e in root.iter(f"{{{NS['pdfuaid']}}}part")]
    parts = [p for p in parts if p]
    if parts != ["1"] and "1" not in parts:
        found = parts[0] if parts else "missing"
        findings.append(Finding("error", "pdf.xmp", path.name,
                                f"the XMP metadata does not claim PDF/UA-1 (pdfuaid:part is {found})"))
    return findings


def check_fonts(pdf, path: Path) -> list[Finding]:
    missing = [f for f in font_report(pdf) if not f.embedded]
    return [Finding("error", "pdf.fonts", f"{path.name} page {min(f.pages) if f.pages else '?'}",
                    f"the font {f.label} is not embedded"
                    + (f" ({len(missing)} fonts in all)" if i == 0 and len(missing) > 1 else ""),
                    "every font needs its FontFile, FontFile2 or FontFile3 in the PDF")
            for i, f in enumerate(missing)]


def check_figures(structure: Structure, marked: Marked, path: Path) -> list[Finding]:
    findings = []
    figures = [e for e in structure.elements() if e.type == "Figure"]
    no_alt = [e for e in figures if not (e.alt or "").strip()]
    for i, e in enumerate(no_alt[:LIMIT]):
        findings.append(Finding("error", "pdf.figure-alt", f"{path.name} page {_first_page(e)}",
                                (f"{len(no_alt)} of {len(figures)} Figures have no /Alt; " if i == 0 else "")
                                + "a Figure without alternate text", 'give every <img> an alt="..."'))
    stray = []
    for page, mcid, artifact in marked.images:
        if artifact:
            continue   # decorative, and marked so
        owner = structure.owner_of(page, mcid)
        if owner is None or not any(a.type == "Figure" for a in owner.ancestors()):
            stray.append((page, owner.path() if owner else "no structure element"))
    for i, (page, where) in enumerate(stray[:LIMIT]):
        findings.append(Finding("error", "pdf.figure-alt", f"{path.name} page {page + 1}",
                                (f"{len(stray)} of {len(marked.images)} images are not inside a Figure; "
                                 if i == 0 else "")
                                + f"an image drawn as {where}",
                                "an image must be tagged Figure (with /Alt) or marked as an Artifact"))
    return findings


def check_heading_order(structure: Structure, path: Path, texts: Texts) -> list[Finding]:
    headings = [e for e in structure.elements() if e.type in HEADINGS]
    if structure.present and not headings:
        return [Finding("error", "pdf.heading-order", path.name,
                        "the structure has no headings, not even the title's H1",
                        "the guide's title is an <h1>, its sections <h2>")]
    problems, previous = [], 0
    for e in headings:
        level = int(e.type[1])
        if previous == 0 and level != 1:
            problems.append((e, f"the first heading is {e.type}, not H1"))
        elif previous and level > previous + 1:
            problems.append((e, f"{e.type} follows H{previous}: H{previous + 1} is skipped"))
        previous = level
    return [Finding("error", "pdf.heading-order", f"{path.name} page {_first_page(e)}",
                    (f"{len(problems)} headings out of order; " if i == 0 and len(problems) > 1 else "")
                    + f"{message}: {texts.quote(e)}", "heading levels go down one at a time: H1, H2, H3")
            for i, (e, message) in enumerate(problems[:LIMIT])]


def check_nonstruct(structure: Structure, marked: Marked, path: Path, texts: Texts) -> list[Finding]:
    """Content whose every ancestor is NonStruct, Span, Div or a section: no P, H, L, Table or Figure."""
    loose = [e for e in structure.elements()
             if e.content and all(a.type in GENERIC for a in e.ancestors())]
    # Report the outermost meaningless container below the Document, once, not each text run in it.
    groups: dict[int, tuple[Element, list[Element]]] = {}
    for e in loose:
        top = e
        for a in e.ancestors():
            if a.parent is not None and a.type not in ("Document", "DocumentFragment"):
                top = a
        groups.setdefault(id(top), (top, []))[1].append(e)
    kinds = "/".join(sorted({a.type for e in loose for a in e.ancestors()} - {"Document"}))
    findings = []
    hidden = sorted(marked.mcids - structure.owner.keys())
    if structure.present and hidden:
        pages = sorted({p + 1 for p, _ in hidden})
        findings.append(Finding(
            "info", "pdf.nonstruct", f"{path.name} page {pages[0]}",
            f"{len(hidden)} marked-content runs on {len(pages)} pages are in no element reachable from the structure "
            f"root, e.g. {texts.quote_run(hidden[0])}: assistive technology skips them, as it skips artifacts",
            "WeasyPrint 70 tags @page margin boxes (running footers) under a NonStruct it never links to the tree"))
    for i, (top, runs) in enumerate(list(groups.values())[:LIMIT]):
        findings.append(Finding(
            "error", "pdf.nonstruct", f"{path.name} page {_first_page(runs[0])}",
            (f"{len(loose)} text runs reach the structure tree only as {kinds}; " if i == 0 else "")
            + f"{top.path()} holds {texts.quote(top)} with no heading, paragraph, list or table around it",
            "give the text a real element (<p>, <h2>, <ul>): WeasyPrint tags a bare <div> as Div "
            "and anonymous text as NonStruct"))
    return findings


def check_foreign_lang(structure: Structure, pdf, path: Path, foreign: list[tuple[str, str]],
                       texts: Texts) -> list[Finding]:
    findings = []
    tagged = [e for e in structure.elements() if e.lang is not None]
    bad = [e for e in tagged if not is_language_tag(e.lang)]
    for e in bad[:LIMIT]:
        findings.append(Finding("error", "pdf.foreign-lang", f"{path.name} page {_first_page(e)}",
                                f"{e.type} has /Lang {e.lang!r}, which is not a BCP 47 language tag: "
                                f"{texts.quote(e)}"))
    if not foreign:
        return findings
    document_lang = (pdf_string(pdf.Root.get("/Lang")) or "").lower()
    problems = []
    for lang, passage in dict.fromkeys((l, p) for l, p in foreign):
        key = _squash(passage)
        if not key:
            continue
        holders = [e for e in structure.elements() if key in _squash(texts.of(e))]
        deepest = [e for e in holders if not any(key in _squash(texts.of(c)) for c in e.children)]
        if not deepest:
            problems.append((None, f"the {lang} passage {passage!r} is not in the PDF's tagged text"))
            continue
        for e in deepest:
            own = next((a.lang for a in e.ancestors() if a.lang), None)
            effective = own or document_lang
            if effective.lower() != lang.lower():
                why = (f"the nearest /Lang around it is {own!r}" if own else
                       f"no element around it has a /Lang, so the document's {document_lang!r} applies")
                problems.append((e, f"the {lang} passage {passage!r} is read as {effective or 'no language'}: {why}"))
    for i, (e, message) in enumerate(problems[:LIMIT]):
        findings.append(Finding("error", "pdf.foreign-lang", f"{path.name} page {_first_page(e)}",
                                (f"{len(problems)} of {len(foreign)} foreign passages lack their /Lang; "
                                 if i == 0 and len(problems) > 1 else "")
                                + message, "the structure element holding the passage needs /Lang (e.g. /Lang (es))"))
    return findings


def foreign_passages(guide) -> list[tuple[str, str]]:
    """The (language, text) of every passage a guide marks in another language: what `foreign` expects."""
    from .. import model as m

    found: list[tuple[str, str]] = []

    def inlines(items):
        for x in items:
            if isinstance(x, m.Foreign):
                found.append((x.lang, m.plain_text(x.children)))
            if hasattr(x, "children"):
                inlines(x.children)

    for block in m.walk(guide.blocks):
        if isinstance(block, (m.Heading, m.Paragraph)):
            inlines(block.content)
        elif isinstance(block, m.Table):
            for cell in (*block.header, *(c for row in block.rows for c in row)):
                inlines(cell)
        elif isinstance(block, m.DefinitionList):
            for entry in block.entries:
                inlines(entry.term)
                inlines(entry.meaning)
    return found


# ---------------------------------------------------------------- small helpers

def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split()).casefold()


def _first_page(e: Element | None) -> str:
    page = e.first_page() if e else None
    return str(page) if page else "?"
