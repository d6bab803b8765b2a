"""Pages that print well, measured on the PDF (ours, and LibreOffice's PDF of our DOCX) with pdfplumber.

STANDARDS.md "Pages that print well": no page but the last less than 60% full, the last page holds at
least three lines, no heading at the foot of a page.
A page is as full as its lowest body text, rule or picture, as a share of the content area. The running
footer is no part of it: in our tagged PDFs it is the text no structure element holds (pdf_text_layout);
in an untagged PDF (LibreOffice's) it is what `running` says, else the bottom line that repeats on every
page. The content area is found on the pages themselves: it starts where the highest body mark of any
page starts (the top margin), and ends as far above the page's foot (the margins are equal), never lower
than the footer's top, and never above the lowest body mark of any page.
A heading is an H1..H6 of the structure tree, or in an untagged PDF a bold line bigger than the body text.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..findings import Finding
from .result import ToolResult
from .colour import pdf_rgb
from .large_print import BOLD, ink_bottom
from .pdf_text_layout import Line, read_pdf
from .pdf_tree import quote as quote_as_drawn
from .text_match import right_to_left

LEFT_TO_RIGHT_RUN = re.compile(r"[0-9A-Za-z\u00c0-\u024f](?:[0-9A-Za-z\u00c0-\u024f.,:/()+\- ]*[0-9A-Za-z\u00c0-\u024f])?")
TOOL = "layout"
MIN_FILL = 0.60          # of the content area, every page but the last
MIN_LAST_LINES = 3       # lines of text on the last page
HEADING_GAIN = 1.5       # pt over the body text's size: an untagged PDF's heading is bigger and bold
SLACK = 2.0              # pt

HINTS = {
    ("pdf", "fill"): "Let what does not fit break across the page instead of moving whole: a long call-out or table "
                     "should continue on the next page (the PDF's CSS: break-inside on .callout and tables). Until "
                     "then, split a long box into two, or move a paragraph from after it to before it.",
    ("pdf", "heading"): "A heading must print with the lines after it (the PDF's CSS: break-after: avoid on headings, "
                        "and nothing after it that cannot break). Until then, a sentence more or less in the section "
                        "above moves the break.",
    ("pdf", "last"): "Adjust the breaks before the last page, not the text (a box or table that moved whole leaves "
                     "room unused earlier); or cut a few lines so that the guide ends a page sooner.",
    ("docx", "fill"): "In the DOCX, a paragraph kept with the next one (w:keepNext) or a table row that may not split "
                      "drags what follows to the next page: keep only headings, call-out titles and the contact "
                      "block together, and let long call-outs and tables break.",
    ("docx", "heading"): "In the DOCX, the heading's style needs keep with next (w:keepNext): Word and LibreOffice "
                         "then move it to the page its text starts on.",
    ("docx", "last"): "In the DOCX, a kept-together block moved to the last page: let long call-outs and tables break, "
                      "or cut a few lines so that the guide ends a page sooner.",
}


@dataclass
class Row:
    """One printed line of body text (cells side by side on one baseline are one row)."""
    text: str
    top: float
    bottom: float
    heading: bool


@dataclass
class Page:
    number: int
    rows: list[Row]
    marks: list[tuple[float, float, float, float]]   # visible rules, borders and pictures: (x0, top, x1, bottom)
    lowest: float | None = None                      # the bottom of its lowest body text, rule or picture
    fill: float = 0.0


@dataclass
class Layout:
    name: str
    top: float
    bottom: float
    pages: list[Page] = field(default_factory=list)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def check_layout(path: Path, running: Callable[[list[str]], bool] | None = None, kind: str = "pdf",
                 where: str = "", name: str | None = None) -> ToolResult:
    """`kind`: "pdf" (ours) or "docx" (LibreOffice's PDF of our DOCX), for the hints; `where` begins the
    messages ("in LibreOffice's pages of the DOCX, "); `name`: the file the findings name (the DOCX)."""
    layout = measure(Path(path), running, name)
    findings = layout_findings(layout, kind, where)
    return ToolResult(TOOL, layout.name, True, layout_counts(layout), tuple(findings))


def measure(path: Path, running: Callable[[list[str]], bool] | None = None, name: str | None = None) -> Layout:
    """`running`: for an untagged PDF, whether these lines (the last ones of a page, top down) are its footer."""
    import pdfplumber

    doc = read_pdf(path)
    lines = [line for line in doc.lines if not line.running]
    body_size = Counter(round(c.size) for line in lines for c in line.ink).most_common(1)
    size = body_size[0][0] if body_size else 0
    with pdfplumber.open(path) as pdf:
        marks = [visible_marks(page) for page in pdf.pages]
    pages = [Page(n, rows([l for l in lines if l.page == n], doc.tagged, size), marks[n - 1])
             for n in range(1, doc.pages + 1)]
    footers = [min(c.top for c in line.ink) for line in doc.lines if line.running]
    if not doc.tagged:
        footers = [row.top for row in cut_footers(pages, running or repeated_footer(pages))]
    layout = content_area(name or Path(path).name, doc.height, pages, min(footers, default=doc.height))
    for page in pages:
        bottoms = [r.bottom for r in page.rows] + [m[3] for m in page.marks if m[1] < layout.bottom - SLACK]
        page.lowest = min(max(bottoms), layout.bottom) if bottoms else None
        page.fill = 0.0 if page.lowest is None else max(0.0, page.lowest - layout.top) / layout.height
    return layout


def cut_footers(pages: list[Page], running: Callable[[list[str]], bool]) -> list[Row]:
    """Takes each page's footer (its last one to three rows, the fewest that `running` accepts) off its rows."""
    cut = []
    for page in pages:
        k = next((k for k in range(1, min(3, len(page.rows)) + 1) if running([r.text for r in page.rows[-k:]])), 0)
        if k:
            cut += page.rows[-k:]
            page.rows = page.rows[:-k]
    return cut


def repeated_footer(pages: list[Page]) -> Callable[[list[str]], bool]:
    """With no footer given: a page's last row is its footer when every page's last row reads the same but
    for its digits (on two pages or more)."""
    def bare(text: str) -> str:
        return "".join(ch for ch in text if not ch.isdigit() and not ch.isspace())
    lasts = {bare(p.rows[-1].text) for p in pages if p.rows}
    same = len(pages) > 1 and len(lasts) == 1 and "" not in lasts and all(p.rows for p in pages)
    return lambda texts: same and len(texts) == 1 and bare(texts[0]) in lasts


def rows(lines: list[Line], tagged: bool, body_size: float) -> list[Row]:
    """A page's body lines as printed rows, top down: lines on one baseline make one row."""
    out: list[tuple[float, list[Line]]] = []
    for line in sorted(lines, key=lambda l: l.baseline):
        if out and line.baseline - out[-1][0] <= 0.3 * line.size:
            out[-1][1].append(line)
        else:
            out.append((line.baseline, [line]))
    return [Row(" ".join(l.text for l in sorted(group, key=lambda l: l.x0)),
                min(c.top for l in group for c in l.ink), max(ink_bottom(c) for l in group for c in l.ink),
                all(is_heading(l, tagged, body_size) for l in group)) for _, group in out]


def is_heading(line: Line, tagged: bool, body_size: float) -> bool:
    if tagged:
        return line.heading is not None
    return line.size >= body_size + HEADING_GAIN and all(BOLD.search(c.font) for c in line.ink)


def visible_marks(page) -> list[tuple[float, float, float, float]]:
    """Rules, borders and pictures that print: a white fill with no outline (a page's background) does not."""
    marks = [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
    for shape in page.rects + page.lines + page.curves:
        stroked = shape.get("stroke") and not white(shape.get("stroking_color"))
        filled = shape.get("fill") and not white(shape.get("non_stroking_color"))
        if stroked or filled:
            marks.append((shape["x0"], shape["top"], shape["x1"], shape["bottom"]))
    return [m for m in marks if m[3] > m[1] - SLACK]


def white(colour) -> bool:
    rgb = pdf_rgb(colour)
    return rgb is not None and min(rgb) > 0.98


def content_area(name: str, height: float, pages: list[Page], footer_top: float) -> Layout:
    tops = [r.top for p in pages for r in p.rows] + [m[1] for p in pages for m in p.marks]
    top = min(tops, default=0.0)
    lowest = max([r.bottom for p in pages for r in p.rows] +
                 [m[3] for p in pages for m in p.marks if m[1] < footer_top], default=top)
    return Layout(name, top, max(min(height - top, footer_top), lowest), pages)


# ---------------------------------------------------------------- the rules

def quote(text: str, width: int) -> str:
    """Text for a message in reading order: pdfplumber gives a right-to-left line as drawn, left to right
    (an Arabic word backwards); turned round, with its runs of Latin letters and digits put back."""
    if right_to_left(text):
        text = LEFT_TO_RIGHT_RUN.sub(lambda run: run.group()[::-1], text[::-1])
    return quote_as_drawn(text, width)


def layout_findings(layout: Layout, kind: str = "pdf", where: str = "") -> list[Finding]:
    pages, findings = layout.pages, []
    for page, after in zip(pages, pages[1:]):
        if page.fill < MIN_FILL:
            findings.append(finding(layout, page, "fill", kind, where + underfull(layout, page, after)))
        if page.rows and page.rows[-1].heading:   # nothing of the text after it on this page
            heading = heading_at_foot(page)
            findings.append(finding(layout, page, "heading", kind,
                                    f"{where}page {page.number} ends with the heading {quote(heading, 50)}: the "
                                    f"text under it starts page {after.number}"))
    last = pages[-1] if pages else None
    if last is not None and len(pages) > 1 and len(last.rows) < MIN_LAST_LINES:
        lines = " / ".join(r.text for r in last.rows)
        findings.append(finding(layout, last, "last", kind,
                                f"{where}the last page (page {last.number}) holds {len(last.rows)} "
                                f"line{'s' * (len(last.rows) != 1)} (at least {MIN_LAST_LINES}): {quote(lines, 60)}"))
    return findings


def finding(layout: Layout, page: Page, rule: str, kind: str, message: str) -> Finding:
    names = {"fill": "page-fill", "heading": "heading-at-foot", "last": "last-page"}
    return Finding("warning", f"layout.{names[rule]}", f"{layout.name} page {page.number}", message, HINTS[kind, rule])


def underfull(layout: Layout, page: Page, after: Page) -> str:
    """Page n is k% full, and what starts the next page, as far as the marks tell: a box or table that moved
    whole (its border starts at the next page's top), a heading with its text, or a passage."""
    left = layout.bottom - (page.lowest if page.lowest is not None else layout.top)
    head = f"page {page.number} is {round(100 * page.fill)}% full ({left:.0f} pt left empty)"
    if not after.rows:
        return head
    first = after.rows[0]
    box = box_at_top(layout, after, first)
    if box is not None:
        tall = box - layout.top
        how = "moved whole to" if tall > left else "starts"
        more = "" if box < layout.bottom - SLACK else "; it does not fit on one page either"
        return f"{head}: the box or table starting {quote(first.text, 40)} ({tall:.0f} pt tall) {how} page " \
               f"{after.number}{more}"
    if first.heading:
        return f"{head}: the heading {quote(first.text, 40)} and what follows it start page {after.number}"
    return f"{head}: page {after.number} starts with {quote(first.text, 40)}"


def box_at_top(layout: Layout, page: Page, first: Row) -> float | None:
    """The bottom of the border or rule that starts at the page's top, beside or around its first line."""
    near = [m for m in page.marks if m[1] <= first.top + SLACK and m[1] <= layout.top + 2 * SLACK + 24
            and m[3] > first.top]
    return max((m[3] for m in near), default=None)


def heading_at_foot(page: Page) -> str:
    """The heading's text, all of its rows at the page's foot."""
    texts = []
    for row in reversed(page.rows):
        if not row.heading:
            break
        texts.insert(0, row.text)
    return " ".join(texts)


def layout_counts(layout: Layout) -> dict:
    fills = [round(100 * p.fill) for p in layout.pages]
    counts = {"pages": len(layout.pages),
              "emptiest page fill %": min(fills[:-1], default=fills[-1] if fills else 0),
              "last page lines": len(layout.pages[-1].rows) if layout.pages else 0,
              "page fill %": fills}
    return counts
