"""The text of a PDF as the eye meets it: characters (pdfplumber), grouped into lines and blocks.

What is a heading, a paragraph or a running footer comes from the structure tree (pdf_tree): a
character's marked-content id leads to its structure element. Text that no element reachable from
the root holds (WeasyPrint's @page margin boxes) or that is marked /Artifact is "running" text.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from .pdf_tree import font_report, read_structure

HEADING_TYPES = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6, "H": 0}
# Structure elements a line belongs to; inline ones (Span, Link, NonStruct, Em...) are looked through.
BLOCKS = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "LBody", "LI", "TD", "TH", "Caption",
          "BlockQuote", "Note", "TOCI", "Figure", "Formula", "Title", "Code", "Index", "BibEntry"}
INLINE = {"Span", "NonStruct", "Link", "Em", "Strong", "Quote", "Reference", "Annot", "Sub", "Ruby", "Warichu"}


@dataclass(eq=False)
class Char:
    page: int                 # 1-based
    text: str
    size: float
    font: str
    x0: float
    x1: float
    top: float
    bottom: float
    baseline: float           # from the top of the page
    matrix: tuple
    color: object
    running: bool             # a footer or other artifact, not body text
    heading: int | None       # 1..6, 0 for H, None for body text
    block: object             # the structure element the line belongs to


@dataclass(eq=False)
class Line:
    page: int
    block: object
    running: bool
    heading: int | None
    chars: list[Char] = field(default_factory=list)

    @property
    def ink(self) -> list[Char]:
        return [c for c in self.chars if not c.text.isspace()]

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.ink)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.ink)

    @property
    def baseline(self) -> float:
        return statistics.median(c.baseline for c in self.ink)

    @property
    def size(self) -> float:
        return max(statistics.median(c.size for c in self.ink), 0.01)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars).strip()

    def extra_gap(self) -> float:
        """The median extra width of a word gap over the font's own space; 0 for a line with no gaps."""
        extras = []
        chars = self.chars
        for i in range(1, len(chars)):
            c, prev = chars[i], chars[i - 1]
            if c.text.isspace() and not prev.text.isspace():
                after = next((n for n in chars[i + 1:] if not n.text.isspace()), None)
                if after is not None:
                    spaces = [s for s in chars[i:chars.index(after)]]
                    natural = sum(s.x1 - s.x0 for s in spaces)
                    extras.append((after.x0 - prev.x1) - natural)
            elif not c.text.isspace() and not prev.text.isspace() and c.x0 - prev.x1 > 0.2 * c.size:
                extras.append(c.x0 - prev.x1 - 0.25 * c.size)   # no space character: estimate a space as 0.25 em
        return statistics.median(extras) if extras else 0.0


@dataclass
class Doc:
    name: str
    width: float
    height: float
    pages: int
    chars: list[Char]
    lines: list[Line]
    fonts: list            # pdf_tree.FontInfo
    tagged: bool           # has a structure tree: headings, paragraphs and footers can be told apart
    rtl: bool = False      # a right-to-left guide: lines start at the right edge


def read_pdf(path: Path) -> Doc:
    import pdfplumber

    with pikepdf.open(path) as pdf:
        structure = read_structure(pdf)
        fonts = font_report(pdf)
    chars: list[Char] = []
    with pdfplumber.open(path) as doc:
        width, height, pages = (doc.pages[0].width, doc.pages[0].height, len(doc.pages)) if doc.pages else (0, 0, 0)
        for page in doc.pages:
            for c in page.chars:
                owner = structure.owner_of(page.page_number - 1, c.get("mcid"))
                running = c.get("tag") == "Artifact" or (structure.present and owner is None)
                chars.append(Char(
                    page.page_number, c["text"], float(c["size"]), c.get("fontname", ""),
                    float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]),
                    page.height - float(c["matrix"][5]) if c.get("upright", True) else float(c["bottom"]),
                    tuple(c.get("matrix") or (1, 0, 0, 1, 0, 0)), c.get("non_stroking_color"), running,
                    _heading_level(owner, c.get("tag")), _block_of(owner, page.page_number, running)))
    return Doc(path.name, width, height, pages, chars, group_lines(chars), fonts, structure.present)


def _heading_level(owner, tag) -> int | None:
    for element in (owner.ancestors() if owner is not None else ()):
        if element.type in HEADING_TYPES:
            return HEADING_TYPES[element.type]
    return HEADING_TYPES.get(tag) if tag in HEADING_TYPES else None


def _block_of(owner, page: int, running: bool):
    """The nearest block-level element; the page for running text and for untagged PDFs."""
    if owner is None:
        return ("running" if running else "untagged", page)
    fallback = None
    for element in owner.ancestors():
        if element.type in BLOCKS:
            return id(element)
        if fallback is None and element.type not in INLINE:
            fallback = id(element)
    return fallback if fallback is not None else id(owner)


def group_lines(chars: list[Char]) -> list[Line]:
    """Characters of one block on one baseline make a line; lines come out block by block, top down."""
    by_block: dict = defaultdict(list)
    for c in chars:
        by_block[(c.page, c.block)].append(c)
    lines = []
    for (page, block), members in by_block.items():
        members.sort(key=lambda c: (c.baseline, c.x0))
        current: Line | None = None
        for c in members:
            if current is None or c.baseline - current.chars[0].baseline > 0.3 * max(c.size, 1):
                current = Line(page, block, c.running, c.heading)
                lines.append(current)
            current.chars.append(c)
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
        if line.heading is None:
            line.heading = next((c.heading for c in line.chars if c.heading is not None), None)
    return [line for line in lines if line.ink]


def blocks(doc: Doc) -> list[list[Line]]:
    """The lines of each block on each page, top down."""
    groups: dict = defaultdict(list)
    for line in doc.lines:
        groups[(line.page, line.block)].append(line)
    return [sorted(g, key=lambda l: l.baseline) for g in groups.values()]
