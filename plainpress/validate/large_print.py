"""Large print, measured on the PDF itself with pdfplumber: what the reader's eyes get.

The STANDARDS rules, one small function each: every character at least 18 pt (footers too), headings
at least 20 pt (H1 22) and bold, no italic or oblique text, text inside the 1 in margins, flush left,
not justified, line spacing at least 1.5, no word split by a hyphen at a line end, contrast at
least 7:1 against white, every font embedded.

What is a heading, a paragraph or a running footer comes from the structure tree (pikepdf): a
character's marked-content id leads to its structure element. Text that no element reachable from
the root holds (WeasyPrint's @page margin boxes) or that is marked /Artifact is "running" text:
held to the size, spacing and contrast rules, and to the page edge instead of the margins.
An untagged PDF gets only the checks that need no structure (size, italic, contrast, fonts).
"""
from __future__ import annotations

import math
import re
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from . import ToolResult

TOOL = "large-print"
LIMIT = 3                 # findings per rule; the first one's message gives the count
MIN_SIZE = 18.0           # pt, every character
MIN_HEADING = 20.0        # pt, H2..H6
MIN_H1 = 22.0             # pt
MIN_LEADING = 1.5         # baseline to baseline, times the font size
MARGIN = 72.0             # 1 in
MIN_CONTRAST = 7.0        # WCAG 1.4.6, against white
SIZE_SLACK = 0.05         # pt: 18pt in CSS is 24px, which comes back as 17.9998
POS_SLACK = 0.5           # pt
HYPHENS = "-\u2010\u00ad"
BOLD = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold", re.I)
ITALIC = re.compile(r"italic|oblique|slant|inclined|kursiv", re.I)
HEADING_TYPES = {"H1": 1, "H2": 2, "H3": 3, "H4": 4, "H5": 5, "H6": 6, "H": 0}
# Structure elements a line belongs to; inline ones (Span, Link, NonStruct, Em...) are looked through.
BLOCKS = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "LBody", "LI", "TD", "TH", "Caption",
          "BlockQuote", "Note", "TOCI", "Figure", "Formula", "Title", "Code", "Index", "BibEntry"}
INLINE = {"Span", "NonStruct", "Link", "Em", "Strong", "Quote", "Reference", "Annot", "Sub", "Ruby", "Warichu"}

HINTS = {
    "pdf.size": "large-print.css: 18pt or more for every element, and for the @page margin boxes (they do not "
                "inherit)",
    "pdf.heading-size": "large-print.css: h1 at least 22pt, h2..h6 at least 20pt",
    "pdf.heading-bold": "large-print.css: font-weight: bold on every heading, with the bold face in @font-face",
    "pdf.italic": "large-print.css: font-style: normal everywhere; emphasis is bold",
    "pdf.margins": "large-print.css: @page { margin: 1in }; nothing wider than the text column",
    "pdf.flush-left": "large-print.css: text-align: left, no text-indent, nothing centred",
    "pdf.justified": "large-print.css: text-align: left (ragged right), never justify",
    "pdf.line-spacing": "large-print.css: line-height: 1.5 (or more) on body text",
    "pdf.hyphenation": "large-print.css: hyphens: manual; keep hyphenated words such as TDP-43 on one line with "
                       "U+2011 (non-breaking hyphen) or <span style=\"white-space: nowrap\">",
    "pdf.contrast": "large-print.css: black text (#000) on white; at least 7:1",
    "pdf.font-embedded": "the @font-face fonts are embedded by WeasyPrint; a local() or system font may not be",
}


# ---------------------------------------------------------------- what the checks look at

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


@dataclass
class Doc:
    name: str
    width: float
    height: float
    pages: int
    chars: list[Char]
    lines: list[Line]
    fonts: list            # pdf_structure.FontInfo
    tagged: bool           # has a structure tree: headings, paragraphs and footers can be told apart


def read_pdf(path: Path) -> Doc:
    import pdfplumber
    import pikepdf

    from .pdf_structure import font_report, read_structure

    with pikepdf.open(path) as pdf:
        structure = read_structure(pdf)
        fonts = font_report(pdf)
    chars: list[Char] = []
    with pdfplumber.open(path) as doc:
        width, height, pages = (doc.pages[0].width, doc.pages[0].height, len(doc.pages)) if doc.pages else (0, 0, 0)
        for page in doc.pages:
            for c in page.chars:
                mcid = c.get("mcid")
                owner = structure.owner.get((page.page_number - 1, mcid)) if mcid is not None else None
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


# ---------------------------------------------------------------- the check

def check_large_print(path: Path) -> ToolResult:
    started = time.perf_counter()
    path = Path(path)
    try:
        doc = read_pdf(path)
    except Exception as err:
        finding = Finding("error", "pdf.unreadable", path.name, f"could not read the PDF: {err}")
        return ToolResult(TOOL, path.name, True, {"pages": 0, "chars": 0, "errors": 1}, (finding,))
    checks = CHECKS if doc.tagged else CHARACTER_CHECKS
    findings = [finding for check in checks for finding in check(doc)]
    if not doc.tagged:
        skipped = ", ".join(sorted(c.__name__.removeprefix("check_").replace("_", "-")
                                   for c in set(CHECKS) - set(checks)))
        findings.append(Finding("warning", "pdf.untagged", path.name,
                                f"the PDF has no structure tree, so headings, paragraphs and footers cannot be told "
                                f"apart: not checked: {skipped}", 'render with pdf_variant="pdf/ua-1"'))
    ink = [c for c in doc.chars if not c.text.isspace()]
    counts = {"pages": doc.pages, "chars": len(ink),
              "min_size": round(min((c.size for c in ink), default=0.0), 2),
              "errors": sum(1 for f in findings if f.severity == "error")}
    return ToolResult(TOOL, path.name, True, counts, tuple(findings), f"{time.perf_counter() - started:.2f} s")


def report(doc: Doc, rule: str, problems: list[tuple[int, str]], summary: str, unit: str = "line") -> list[Finding]:
    """At most LIMIT findings for a rule: the first says how many there are in all."""
    if not problems:
        return []
    pages = sorted({page for page, _ in problems})
    head = (f"{summary}: {len(problems)} {unit}{'s' if len(problems) != 1 else ''} "
            f"on {len(pages)} page{'s' if len(pages) != 1 else ''}")
    return [Finding("error", rule, f"{doc.name} page {page}", f"{head}; {detail}" if i == 0 else detail, HINTS[rule])
            for i, (page, detail) in enumerate(problems[:LIMIT])]


def _quote(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[:width - 1] + "…")


def check_size(doc: Doc) -> list[Finding]:
    small = [c for c in doc.chars if not c.text.isspace() and c.size < MIN_SIZE - SIZE_SLACK]
    line_of = {id(c): line for line in doc.lines for c in line.chars}
    lines: dict[int, tuple[Line, float]] = {}
    for c in small:
        line = line_of.get(id(c))
        if line is not None and (id(line) not in lines or c.size < lines[id(line)][1]):
            lines[id(line)] = (line, c.size)
    worst = sorted(lines.values(), key=lambda item: (item[1], item[0].page))
    problems = [(line.page, f"{size:.1f} pt{' (running footer)' if line.running else ''}: {_quote(line.text)}")
                for line, size in worst]
    smallest = min((c.size for c in small), default=0)
    return report(doc, "pdf.size", problems,
                  f"{len(small)} characters under {MIN_SIZE:g} pt, the smallest {smallest:.1f} pt")


def check_heading_size(doc: Doc) -> list[Finding]:
    problems = []
    for line in doc.lines:
        if line.heading is None:
            continue
        need = MIN_H1 if line.heading == 1 else MIN_HEADING
        size = min(c.size for c in line.ink)
        if size < need - SIZE_SLACK:
            problems.append((line.page, f"H{line.heading or ''} at {size:.1f} pt (needs {need:g}): "
                                        f"{_quote(line.text)}"))
    return report(doc, "pdf.heading-size", problems, "headings under 20 pt (H1 under 22 pt)", "heading line")


def check_heading_bold(doc: Doc) -> list[Finding]:
    problems = [(line.page, f"H{line.heading or ''} in {_font_name(line)}: {_quote(line.text)}")
                for line in doc.lines if line.heading is not None
                and not all(BOLD.search(c.font) for c in line.ink)]
    return report(doc, "pdf.heading-bold", problems, "headings not bold", "heading line")


def _font_name(line: Line) -> str:
    return next((c.font for c in line.ink if not BOLD.search(c.font)), line.ink[0].font).split("+", 1)[-1]


def check_italic(doc: Doc) -> list[Finding]:
    slanted_fonts = {f.name.split("+", 1)[-1] for f in doc.fonts if abs(f.italic_angle) > 0.5}
    problems = []
    for line in doc.lines:
        bad = [c for c in line.ink if ITALIC.search(c.font) or c.font.split("+", 1)[-1] in slanted_fonts]
        skewed = [c for c in line.ink if _skew(c.matrix) > 0.03]
        if bad:
            problems.append((line.page, f"italic font {bad[0].font.split('+', 1)[-1]}: {_quote(line.text)}"))
        elif skewed:
            angle = math.degrees(math.asin(min(1.0, _skew(skewed[0].matrix))))
            problems.append((line.page, f"text slanted {angle:.0f}° (a skewed text matrix: synthetic oblique): "
                                        f"{_quote(line.text)}"))
    return report(doc, "pdf.italic", problems, "italic or oblique text")


def _skew(matrix) -> float:
    """How far the text's x and y axes are from a right angle, as |cos| of the angle between them."""
    a, b, c, d = (float(v) for v in matrix[:4])
    norm = math.hypot(a, b) * math.hypot(c, d)
    return abs(a * c + b * d) / norm if norm else 0.0


def check_margins(doc: Doc) -> list[Finding]:
    problems = []
    left, top, right, bottom = MARGIN, MARGIN, doc.width - MARGIN, doc.height - MARGIN
    for line in doc.lines:
        if line.running:
            box = (0.0, 0.0, doc.width, doc.height)
            where = "outside the page"
        else:
            box = (left, top, right, bottom)
            where = "inside the 1 in margin"
        out = [c for c in line.ink if c.x0 < box[0] - POS_SLACK or c.x1 > box[2] + POS_SLACK
               or c.top < box[1] - POS_SLACK or c.bottom > box[3] + POS_SLACK]
        if out:
            edges = []
            if min(c.x0 for c in out) < box[0] - POS_SLACK:
                edges.append(f"left {min(c.x0 for c in out):.1f}")
            if max(c.x1 for c in out) > box[2] + POS_SLACK:
                edges.append(f"right {max(c.x1 for c in out):.1f}")
            if min(c.top for c in out) < box[1] - POS_SLACK:
                edges.append(f"top {min(c.top for c in out):.1f}")
            if max(c.bottom for c in out) > box[3] + POS_SLACK:
                edges.append(f"bottom {max(c.bottom for c in out):.1f}")
            kind = "running footer" if line.running else "text"
            problems.append((line.page, f"{kind} {where} ({', '.join(edges)} pt): {_quote(line.text)}"))
    return report(doc, "pdf.margins", problems, "text outside the 1 in margins (body) or the page (footers)")


def check_flush_left(doc: Doc) -> list[Finding]:
    """Every line of a block starts at the block's left edge; no heading sits centred on the page."""
    problems = []
    for lines in blocks(doc):
        if lines[0].running:
            continue
        left = min(line.x0 for line in lines)
        for line in lines:
            if line.x0 > left + 1.0:
                problems.append((line.page, f"a line starts {line.x0 - left:.1f} pt right of its block's left edge: "
                                            f"{_quote(line.text)}"))
                break
    body = [line for line in doc.lines if not line.running]
    for line in body:
        if line.heading is None:
            continue
        column = min(l.x0 for l in body if l.page == line.page)
        gap_left, gap_right = line.x0 - column, (doc.width - column) - line.x1
        if gap_left > 36 and abs(gap_left - gap_right) < 2:
            problems.append((line.page, f"a heading is centred: {_quote(line.text)}"))
    return report(doc, "pdf.flush-left", problems, "text not flush left", "block")


def check_justified(doc: Doc) -> list[Finding]:
    """Justified text: consecutive lines of a block end at the same right edge, their word gaps stretched."""
    problems = []
    for lines in blocks(doc):
        if len(lines) < 3 or lines[0].running:
            continue
        right = max(line.x1 for line in lines)
        stretched = [abs(line.x1 - right) < 1.0 and _extra_gap(line) > 0.1 * line.size for line in lines[:-1]]
        run = best = 0
        for flag in stretched:
            run = run + 1 if flag else 0
            best = max(best, run)
        if best >= 2:
            first = lines[stretched.index(True)]
            problems.append((first.page, f"{best} consecutive lines stretched to {right:.1f} pt, word gaps "
                                         f"{_extra_gap(first):.1f} pt wider than a space: {_quote(first.text)}"))
    return report(doc, "pdf.justified", problems, "justified text", "block")


def _extra_gap(line: Line) -> float:
    """The median extra width of a word gap over the font's own space; 0 for a line with no gaps."""
    extras = []
    chars = line.chars
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


def check_line_spacing(doc: Doc) -> list[Finding]:
    problems = []
    for lines in blocks(doc):
        for above, below in zip(lines, lines[1:]):
            if above.heading is not None or below.heading is not None:
                continue   # headings use 1.25 and are exempt
            size = max(above.size, below.size)
            distance = below.baseline - above.baseline
            if distance < MIN_LEADING * size - 0.1:
                problems.append((below.page, f"{distance / size:.2f} × {size:.0f} pt ({distance:.1f} pt baseline to "
                                             f"baseline): {_quote(above.text)}"))
                break   # one per block
    return report(doc, "pdf.line-spacing", problems, f"line spacing under {MIN_LEADING:g}", "block")


def check_hyphenation(doc: Doc) -> list[Finding]:
    """A line ending in letter-or-digit + hyphen, the next line of the same text going on with one."""
    pairs = []
    for lines in blocks(doc):
        pairs += list(zip(lines, lines[1:]))
    body = [line for line in doc.lines if not line.running and line.heading is None]
    for page in range(1, doc.pages):   # a paragraph that goes on over the page
        last = max((l for l in body if l.page == page), key=lambda l: (l.baseline, l.x0), default=None)
        first = min((l for l in body if l.page == page + 1), key=lambda l: (l.baseline, l.x0), default=None)
        if last is not None and first is not None:
            pairs.append((last, first))
    problems = []
    for above, below in pairs:
        end, start = above.text, below.text
        if len(end) >= 2 and end[-1] in HYPHENS and end[-2].isalnum() and start[:1].isalnum():
            word = end.split()[-1] + start.split()[0]
            problems.append((above.page, f"{word!r} is broken after {end.split()[-1]!r} at a line end: "
                                         f"{_quote(end[-30:])} / {_quote(start[:30])}"))
    return report(doc, "pdf.hyphenation", problems, "words split by a hyphen at a line end", "word")


def check_contrast(doc: Doc) -> list[Finding]:
    problems = []
    low: dict = {}
    for line in doc.lines:
        ratios = [(contrast(c.color), c) for c in line.ink]
        ratios = [(r, c) for r, c in ratios if r is not None and r < MIN_CONTRAST]
        if ratios:
            ratio, c = min(ratios, key=lambda rc: rc[0])
            low[id(line)] = (ratio, line, c)
    for ratio, line, c in sorted(low.values(), key=lambda item: item[0]):
        problems.append((line.page, f"{ratio:.1f}:1 ({_colour_name(c.color)} on white): {_quote(line.text)}"))
    return report(doc, "pdf.contrast", problems, f"text under {MIN_CONTRAST:g}:1 contrast against white")


def contrast(color) -> float | None:
    """WCAG contrast ratio of a fill colour against white; None for a colour we cannot read (a pattern)."""
    rgb = _rgb(color)
    if rgb is None:
        return None
    lum = sum(w * (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4)
              for w, v in zip((0.2126, 0.7152, 0.0722), rgb))
    return 1.05 / (lum + 0.05)


def _rgb(color) -> tuple[float, float, float] | None:
    if color is None:
        return (0.0, 0.0, 0.0)   # the default fill is black
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        values = [min(1.0, max(0.0, float(v))) for v in color]
    except (TypeError, ValueError):
        return None
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return tuple(values)
    if len(values) == 4:
        c, m, y, k = values
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _colour_name(color) -> str:
    rgb = _rgb(color)
    return "#" + "".join(f"{round(v * 255):02x}" for v in rgb) if rgb else str(color)


def check_fonts_embedded(doc: Doc) -> list[Finding]:
    problems = [(min(f.pages) if f.pages else 1, f"{f.name} ({f.subtype.lstrip('/')}) is not embedded")
                for f in doc.fonts if not f.embedded]
    return report(doc, "pdf.font-embedded", problems, "fonts not embedded", "font")


CHECKS = (check_size, check_heading_size, check_heading_bold, check_italic, check_margins, check_flush_left,
          check_justified, check_line_spacing, check_hyphenation, check_contrast, check_fonts_embedded)
# What can be measured on each character alone, without knowing the blocks: all an untagged PDF allows.
CHARACTER_CHECKS = (check_size, check_italic, check_contrast, check_fonts_embedded)
