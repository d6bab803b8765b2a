"""Reading a tagged PDF back with pikepdf: its structure tree, its marked content, its fonts, and the
text of each marked-content run (pdfplumber). Shared by the structure and the large-print checks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pikepdf


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

    def first_page(self) -> int | None:
        """The 1-based page of its first content, None when it holds none."""
        return min((p + 1 for p, _ in self.all_content()), default=None)


@dataclass
class Structure:
    roots: list[Element]                        # the /K of the StructTreeRoot
    owner: dict[tuple[int, int], Element]       # (page index, MCID) -> the element that holds it
    present: bool                               # the PDF has a /StructTreeRoot at all

    def elements(self) -> Iterable[Element]:
        for root in self.roots:
            yield from root.walk()

    def owner_of(self, page: int, mcid: int | None) -> Element | None:
        """The element holding a marked-content run; None for unmarked content or a run no element holds."""
        return self.owner.get((page, mcid)) if mcid is not None else None


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
        element = Element(standard(raw), raw, parent, lang=pdf_string(obj.get("/Lang")),
                          alt=pdf_string(obj.get("/Alt")), obj=obj)
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


def pdf_string(value) -> str | None:
    """A PDF string entry as text: None when absent, "" when it cannot be decoded."""
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

    @property
    def label(self) -> str:
        return f"{self.name} ({self.subtype.lstrip('/')})"


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


# ---------------------------------------------------------------- the text of each run

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
        return quote(self.of(e), width)

    def quote_run(self, key: tuple[int, int], width: int = 60) -> str:
        return quote(self.runs().get(key, ""), width)


def quote(text: str, width: int) -> str:
    """Text for a message: whitespace collapsed, cut to `width` with an ellipsis."""
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[:width - 1] + "…")
