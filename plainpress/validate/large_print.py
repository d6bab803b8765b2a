"""Large print, measured on the PDF itself with pdfplumber: what the reader's eyes get.

The STANDARDS rules, one small function each: every character at least 18 pt (footers too), headings
at least 20 pt (H1 22) and bold, no italic or oblique text, text inside the 1 in margins, flush left,
not justified, line spacing at least 1.5, no word split by a hyphen at a line end, contrast at
least 7:1 against white, every font embedded.

What is a heading, a paragraph or a running footer comes from the structure tree (see pdf_text_layout).
Running text (footers, artifacts) is held to the size, spacing and contrast rules, and to the page edge
instead of the margins.
An untagged PDF gets only the checks that need no structure (size, italic, contrast). Whether the
fonts are embedded is pdf_structure's question, so that one fault fails one validator.
"""
from __future__ import annotations

import math
import re
import time
from pathlib import Path

from ..findings import Finding
from .result import ToolResult
from .colour import luminance, pdf_colour_name, pdf_rgb
from .pdf_text_layout import Doc, Line, blocks, read_pdf
from .pdf_tree import quote

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
    "pdf.hyphenation": "large-print.css: hyphens: manual; keep hyphenated words such as TDP-43 on one line "
                       "(the templates' keep_hyphenated filter and .nobreak)",
    "pdf.contrast": "large-print.css: black text (#000) on white; at least 7:1",
}


# ---------------------------------------------------------------- the check

def check_large_print(path: Path, direction: str = "ltr") -> ToolResult:
    """`direction`: the guide's ("rtl" for Arabic, Persian...): its lines start at the right edge."""
    started = time.perf_counter()
    path = Path(path)
    try:
        doc = read_pdf(path)
    except Exception as err:
        finding = Finding("error", "pdf.unreadable", path.name, f"could not read the PDF: {err}")
        return ToolResult(TOOL, path.name, True, {"pages": 0, "chars": 0, "errors": 1}, (finding,))
    checks = CHECKS if doc.tagged else CHARACTER_CHECKS
    doc.rtl = direction == "rtl"
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


def _quote(text: str) -> str:
    return quote(text, 50)


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


def ink_bottom(c) -> float:
    """Where a character's ink can end: its box's bottom, but no deeper than a third of its size
    below the baseline. A font's declared descent sets the box, and Noto Sans Arabic's (for marks
    stacked under a letter, 0.6 em) puts boxes in the margin that WeasyPrint's lines keep clear of."""
    return min(c.bottom, c.baseline + c.size / 3)


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
               or c.top < box[1] - POS_SLACK or ink_bottom(c) > box[3] + POS_SLACK]
        if out:
            edges = []
            if min(c.x0 for c in out) < box[0] - POS_SLACK:
                edges.append(f"left {min(c.x0 for c in out):.1f}")
            if max(c.x1 for c in out) > box[2] + POS_SLACK:
                edges.append(f"right {max(c.x1 for c in out):.1f}")
            if min(c.top for c in out) < box[1] - POS_SLACK:
                edges.append(f"top {min(c.top for c in out):.1f}")
            if max(ink_bottom(c) for c in out) > box[3] + POS_SLACK:
                edges.append(f"bottom {max(ink_bottom(c) for c in out):.1f}")
            kind = "running footer" if line.running else "text"
            problems.append((line.page, f"{kind} {where} ({', '.join(edges)} pt): {_quote(line.text)}"))
    return report(doc, "pdf.margins", problems, "text outside the 1 in margins (body) or the page (footers)")


def start_gap(doc: Doc, line, lines) -> float:
    """How far a line starts from its block's starting edge: the left one, or the right in a
    right-to-left guide."""
    if doc.rtl:
        return max(l.x1 for l in lines) - line.x1
    return line.x0 - min(l.x0 for l in lines)


def check_flush_left(doc: Doc) -> list[Finding]:
    """Every line of a block starts at the block's starting edge (flush left; flush right in a
    right-to-left guide); no heading sits centred on the page."""
    problems, edge = [], "right" if doc.rtl else "left"
    for lines in blocks(doc):
        if lines[0].running:
            continue
        for line in lines:
            gap = start_gap(doc, line, lines)
            if gap > 1.0:
                problems.append((line.page, f"a line starts {gap:.1f} pt in from its block's {edge} edge: "
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
    return report(doc, "pdf.flush-left", problems, f"text not flush {edge}", "block")


def check_justified(doc: Doc) -> list[Finding]:
    """Justified text: consecutive lines of a block end at the same right edge, their word gaps stretched."""
    problems = []
    for lines in blocks(doc):
        if len(lines) < 3 or lines[0].running:
            continue
        end = (lambda line: line.x0) if doc.rtl else (lambda line: line.x1)
        right = (min if doc.rtl else max)(end(line) for line in lines)
        stretched = [abs(end(line) - right) < 1.0 and line.extra_gap() > 0.1 * line.size for line in lines[:-1]]
        run = best = 0
        for flag in stretched:
            run = run + 1 if flag else 0
            best = max(best, run)
        if best >= 2:
            first = lines[stretched.index(True)]
            problems.append((first.page, f"{best} consecutive lines stretched to {right:.1f} pt, word gaps "
                                         f"{first.extra_gap():.1f} pt wider than a space: {_quote(first.text)}"))
    return report(doc, "pdf.justified", problems, "justified text", "block")


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
        problems.append((line.page, f"{ratio:.1f}:1 ({pdf_colour_name(c.color)} on white): {_quote(line.text)}"))
    return report(doc, "pdf.contrast", problems, f"text under {MIN_CONTRAST:g}:1 contrast against white")


def contrast(color) -> float | None:
    """WCAG contrast ratio of a fill colour against white (luminance 1); None for a colour we cannot read."""
    rgb = pdf_rgb(color)
    return None if rgb is None else 1.05 / (luminance(rgb) + 0.05)


CHECKS = (check_size, check_heading_size, check_heading_bold, check_italic, check_margins, check_flush_left,
          check_justified, check_line_spacing, check_hyphenation, check_contrast)
# What can be measured on each character alone, without knowing the blocks: all an untagged PDF allows.
CHARACTER_CHECKS = (check_size, check_italic, check_contrast)
