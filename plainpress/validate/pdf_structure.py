"""The tagged PDF's logical structure, read back with pikepdf: what a screen reader is given.

Checks the catalog (/Lang, /MarkInfo, /ViewerPreferences), the XMP packet (dc:title, pdfuaid:part),
that every font is embedded, and the structure tree: every image inside a Figure with alternate text,
headings H1..H6 in order, no content that reaches the tree only through NonStruct/Span/Div, and
foreign-language passages with their own /Lang.

The helpers `read_structure` and `font_report` are shared with the large-print check.
"""
from __future__ import annotations

import re
import time
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pikepdf

from ..findings import Finding
from . import ToolResult

TOOL = "pdf-structure"
HEADINGS = ("H1", "H2", "H3", "H4", "H5", "H6")
# Structure types that carry no meaning of their own: content held only by these has no structure.
GENERIC = {"Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "NonStruct", "Span", "Private"}
LIMIT = 3   # findings per rule; the message of the first one gives the full count

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}


# ---------------------------------------------------------------- the structure tree, as plain values

@dataclass(eq=False)
class Element:
    type: str                               # after the RoleMap
    raw_type: str                           # as written in /S
    parent: "Element | None"
    lang: str | None = None                 # its own /Lang, if any
    alt: str | None = None
    children: list["Element"] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)   # (page index, MCID) it holds itself
    obj: object = field(default=None, repr=False)                  # the pikepdf dictionary

    def ancestors(self) -> Iterable["Element"]:
        """Itself, then its parent, up to the root."""
        node = self
        while node is not None:
            yield node
            node = node.parent

    def walk(self) -> Iterable["Element"]:
        """Itself and every element below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_content(self) -> Iterable[tuple[int, int]]:
        for node in self.walk():
            yield from node.content

    def path(self) -> str:
        return " > ".join(reversed([n.type for n in self.ancestors()]))


@dataclass
class Structure:
    roots: list[Element]                        # the /K of the StructTreeRoot
    owner: dict[tuple[int, int], Element]       # (page index, MCID) -> the element that holds it
    present: bool                               # the PDF has a /StructTreeRoot at all

    def elements(self) -> Iterable[Element]:
        for root in self.roots:
            yield from root.walk()


def read_structure(pdf) -> Structure:
    """Walk /StructTreeRoot from the root down (an element only the ParentTree knows is not reached)."""
    catalog = pdf.Root
    if "/StructTreeRoot" not in catalog:
        return Structure([], {}, False)
    tree = catalog.StructTreeRoot
    role_map = {str(k): str(v).lstrip("/") for k, v in tree.get("/RoleMap", {}).items()}
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    owner: dict[tuple[int, int], Element] = {}
    seen: set = set()

    def standard(name: str) -> str:
        for _ in range(10):   # a RoleMap may chain; never loop forever
            if "/" + name not in role_map:
                break
            name = role_map["/" + name]
        return name

    def page_of(obj, inherited):
        pg = obj.get("/Pg") if hasattr(obj, "get") else None
        return pages.get(pg.objgen, inherited) if pg is not None else inherited

    def build(obj, parent: Element | None, page) -> Element | None:
        if obj.objgen != (0, 0):
            if obj.objgen in seen:
                return None
            seen.add(obj.objgen)
        raw = str(obj.get("/S", "/NonStruct")).lstrip("/")
        element = Element(standard(raw), raw, parent, lang=_text(obj.get("/Lang")), alt=_text(obj.get("/Alt")),
                          obj=obj)
        page = page_of(obj, page)
        kids = obj.get("/K")
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
            if isinstance(kid, int):
                if page is not None:
                    element.content.append((page, int(kid)))
            elif isinstance(kid, pikepdf.Dictionary):
                kind = kid.get("/Type")
                if kind == "/MCR":
                    kid_page = page_of(kid, page)
                    if kid_page is not None and "/MCID" in kid:
                        element.content.append((kid_page, int(kid.MCID)))
                elif kind == "/OBJR":
                    continue
                elif "/S" in kid:
                    child = build(kid, element, page)
                    if child is not None:
                        element.children.append(child)
        for key in element.content:
            owner.setdefault(key, element)
        return element

    top = tree.get("/K")
    roots = []
    for kid in (top if isinstance(top, pikepdf.Array) else [top] if top is not None else []):
        if isinstance(kid, pikepdf.Dictionary):
            element = build(kid, None, None)
            if element is not None:
                roots.append(element)
    return Structure(roots, owner, True)


def _text(value) -> str | None:
    if value is None:
        return None
    try:
        return str(value)
    except Exception:   # a malformed string: present, but not readable text
        return ""


# ---------------------------------------------------------------- content streams: marked content and images

@dataclass
class Marked:
    """What the page content streams hold: every MCID used, and every image drawn."""
    mcids: set[tuple[int, int]] = field(default_factory=set)
    images: list[tuple[int, int | None, bool]] = field(default_factory=list)  # (page, MCID, inside an Artifact)


def read_marked_content(pdf) -> Marked:
    marked = Marked()

    def scan(page_index: int, stream_owner, resources, stack: list, depth: int = 0):
        if depth > 8:
            return
        xobjects = resources.get("/XObject", {}) if resources is not None else {}
        try:
            instructions = pikepdf.parse_content_stream(stream_owner)
        except Exception:
            return
        for operands, operator in instructions:
            op = str(operator)
            if op == "BDC":
                props = operands[1] if len(operands) > 1 else None
                if isinstance(props, pikepdf.Name) and resources is not None:
                    props = resources.get("/Properties", {}).get(str(props))
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                stack.append((str(operands[0]), mcid))
                if mcid is not None:
                    marked.mcids.add((page_index, mcid))
            elif op == "BMC":
                stack.append((str(operands[0]), None))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op in ("Do", "INLINE IMAGE"):
                xobject = xobjects.get(str(operands[0])) if op == "Do" else None
                subtype = xobject.get("/Subtype") if xobject is not None else None
                if op == "INLINE IMAGE" or subtype == "/Image":
                    mcid = next((m for _, m in reversed(stack) if m is not None), None)
                    artifact = any(tag == "/Artifact" for tag, _ in stack)
                    marked.images.append((page_index, mcid, artifact))
                elif subtype == "/Form":
                    scan(page_index, xobject, xobject.get("/Resources", resources), stack, depth + 1)

    for index, page in enumerate(pdf.pages):
        scan(index, page, page.obj.get("/Resources"), [])
    return marked


# ---------------------------------------------------------------- fonts

@dataclass
class FontInfo:
    name: str
    subtype: str
    embedded: bool
    italic_angle: float
    pages: set[int]


def font_report(pdf) -> list[FontInfo]:
    """Every font the pages (and their form XObjects and annotation appearances) can draw with."""
    fonts: dict = {}

    def visit_resources(resources, page_index, depth=0):
        if resources is None or depth > 8:
            return
        for font in resources.get("/Font", {}).values():
            key = font.objgen if font.objgen != (0, 0) else id(font)
            if key not in fonts:
                fonts[key] = _font_info(font)
            fonts[key].pages.add(page_index + 1)
            if font.get("/Subtype") == "/Type3":
                visit_resources(font.get("/Resources"), page_index, depth + 1)
        for xobject in resources.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                visit_resources(xobject.get("/Resources"), page_index, depth + 1)

    for index, page in enumerate(pdf.pages):
        visit_resources(page.obj.get("/Resources"), index)
        for annot in page.obj.get("/Annots", []):
            appearance = annot.get("/AP", {}).get("/N") if isinstance(annot, pikepdf.Dictionary) else None
            streams = ([appearance] if isinstance(appearance, pikepdf.Stream)
                       else list(appearance.values()) if isinstance(appearance, pikepdf.Dictionary) else [])
            for stream in streams:
                if isinstance(stream, pikepdf.Stream):
                    visit_resources(stream.get("/Resources"), index, 1)
    return list(fonts.values())


def _font_info(font) -> FontInfo:
    subtype = str(font.get("/Subtype", ""))
    name = str(font.get("/BaseFont", font.get("/Name", "(unnamed)"))).lstrip("/")
    if subtype == "/Type3":   # its glyphs are drawn by content streams inside the PDF: nothing to embed
        return FontInfo(name, subtype, True, 0.0, set())
    descriptor = font.get("/FontDescriptor")
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        descriptor = descendants[0].get("/FontDescriptor") if descendants is not None and len(descendants) else None
    embedded = descriptor is not None and any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    angle = float(descriptor.get("/ItalicAngle", 0)) if descriptor is not None else 0.0
    return FontInfo(name, subtype, embedded, angle, set())


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
    lang = _text(pdf.Root.get("/Lang"))
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
                    f"the font {f.name} ({f.subtype.lstrip('/')}) is not embedded"
                    + (f" ({len(missing)} fonts in all)" if i == 0 and len(missing) > 1 else ""),
                    "every font needs its FontFile, FontFile2 or FontFile3 in the PDF")
            for i, f in enumerate(missing)]


def check_figures(structure: Structure, marked: Marked, path: Path) -> list[Finding]:
    findings = []
    figures = [e for e in structure.elements() if e.type == "Figure"]
    no_alt = [e for e in figures if not (e.alt or "").strip()]
    for i, e in enumerate(no_alt[:LIMIT]):
        pages = sorted({p + 1 for p, _ in e.all_content()})
        findings.append(Finding("error", "pdf.figure-alt", f"{path.name} page {pages[0] if pages else '?'}",
                                (f"{len(no_alt)} of {len(figures)} Figures have no /Alt; " if i == 0 else "")
                                + "a Figure without alternate text", 'give every <img> an alt="..."'))
    stray = []
    for page, mcid, artifact in marked.images:
        if artifact:
            continue   # decorative, and marked so
        owner = structure.owner.get((page, mcid)) if mcid is not None else None
        if owner is None or not any(a.type == "Figure" for a in owner.ancestors()):
            stray.append((page, owner.path() if owner else "no structure element"))
    for i, (page, where) in enumerate(stray[:LIMIT]):
        findings.append(Finding("error", "pdf.figure-alt", f"{path.name} page {page + 1}",
                                (f"{len(stray)} of {len(marked.images)} images are not inside a Figure; "
                                 if i == 0 else "")
                                + f"an image drawn as {where}",
                                "an image must be tagged Figure (with /Alt) or marked as an Artifact"))
    return findings


def check_heading_order(structure: Structure, path: Path, texts: "Texts") -> list[Finding]:
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


def check_nonstruct(structure: Structure, marked: Marked, path: Path, texts: "Texts") -> list[Finding]:
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
                       texts: "Texts") -> list[Finding]:
    findings = []
    tagged = [e for e in structure.elements() if e.lang is not None]
    bad = [e for e in tagged if not _valid_tag(e.lang)]
    for e in bad[:LIMIT]:
        findings.append(Finding("error", "pdf.foreign-lang", f"{path.name} page {_first_page(e)}",
                                f"{e.type} has /Lang {e.lang!r}, which is not a BCP 47 language tag: "
                                f"{texts.quote(e)}"))
    if not foreign:
        return findings
    document_lang = (_text(pdf.Root.get("/Lang")) or "").lower()
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
        findings.append(Finding("error", "pdf.foreign-lang", f"{path.name} page {_first_page(e) if e else '?'}",
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

def _valid_tag(tag: str) -> bool:
    try:
        import langcodes
        return bool(tag) and langcodes.tag_is_valid(tag)
    except ImportError:   # pragma: no cover - langcodes is a dependency
        return bool(re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", tag or ""))


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split()).casefold()


def _first_page(e: Element | None) -> str:
    pages = sorted({p + 1 for p, _ in e.all_content()}) if e else []
    return str(pages[0]) if pages else "?"


class Texts:
    """The text of each marked-content run, read with pdfplumber only when a message or a check needs it."""

    def __init__(self, path: Path):
        self.path = path
        self._runs: dict[tuple[int, int], str] | None = None

    def runs(self) -> dict[tuple[int, int], str]:
        if self._runs is None:
            self._runs = {}
            try:
                import pdfplumber
                with pdfplumber.open(self.path) as doc:
                    for page in doc.pages:
                        for char in page.chars:
                            if char.get("mcid") is not None:
                                key = (page.page_number - 1, char["mcid"])
                                self._runs[key] = self._runs.get(key, "") + char["text"]
            except Exception:   # text is only for messages and the foreign check: never crash on it
                pass
        return self._runs

    def of(self, e: Element) -> str:
        runs = self.runs()
        return " ".join(runs.get(k, "") for k in e.all_content())

    def quote(self, e: Element, width: int = 60) -> str:
        return self._quote(self.of(e), width)

    def quote_run(self, key: tuple[int, int], width: int = 60) -> str:
        return self._quote(self.runs().get(key, ""), width)

    @staticmethod
    def _quote(text: str, width: int) -> str:
        text = " ".join(text.split())
        return repr(text if len(text) <= width else text[:width - 1] + "…")
