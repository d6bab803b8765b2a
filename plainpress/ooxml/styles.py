"""A DOCX's styles part: each style's name, the document's language, boxed styles, and a run's and
paragraph's effective formatting, resolved through the style chain the way Word does.

The levels, nearest first: the run, its character style, the paragraph's style, the table's style (each with
the styles it is based on), then the document defaults; the nearest level that sets a property wins (Word's
XOR of toggle properties between style levels is not modelled). Text in a complex script (Arabic, Hebrew,
Indic, Thai...) is measured by its own properties (`szCs`, `iCs`, `bCs`), as Word shows it.
"""
from __future__ import annotations

import re

from .names import FALLBACK, W

COMPLEX_SCRIPT = re.compile("[\u0590-\u08ff\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
HIGHLIGHT = dict(pair.split("=") for pair in (  # the colours of w:highlight
    "black=000000 blue=0000FF cyan=00FFFF green=00FF00 magenta=FF00FF red=FF0000 yellow=FFFF00 white=FFFFFF "
    "darkBlue=000080 darkCyan=008080 darkGreen=008000 darkMagenta=800080 darkRed=800000 darkYellow=808000 "
    "darkGray=808080 lightGray=C0C0C0").split())


class StyleSheet:
    """The styles part: styles by id, the default styles, and the lookups through them."""

    def __init__(self, sheet):
        self.styles = {s.get(W + "styleId"): s for s in sheet.iter(W + "style")}
        defaults = {s.get(W + "type"): s.get(W + "styleId") for s in sheet.iter(W + "style") if is_on(s, "default")}
        self.default_paragraph, self.default_table = defaults.get("paragraph"), defaults.get("table")
        self.rpr_default = sheet.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.ppr_default = sheet.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")

    def chain(self, style_id: str | None) -> list:
        """A style and the styles it is based on, nearest first."""
        out = []
        while style_id in self.styles and self.styles[style_id] not in out:
            out.append(self.styles[style_id])
            style_id = val(self.styles[style_id], "basedOn")
        return out

    def paragraph_styles(self, p) -> list:
        """The paragraph's style chain, then its table's: where a run's and a paragraph's properties come from."""
        table = next(p.iterancestors(W + "tbl"), None)
        table_style = (val(table.find(W + "tblPr"), "tblStyle") or self.default_table) if table is not None else None
        return self.chain(val(p.find(W + "pPr"), "pStyle") or self.default_paragraph) + self.chain(table_style)

    def style_name(self, p) -> str:
        styles = self.chain(val(p.find(W + "pPr"), "pStyle") or self.default_paragraph)
        return (val(styles[0], "name") or "").lower() if styles else ""

    def para_prop(self, p, tag: str):
        levels = [p.find(W + "pPr")] + [s.find(W + "pPr") for s in self.paragraph_styles(p)] + [self.ppr_default]
        return _nearest(levels, tag)

    def run_prop(self, r, p, tag: str):
        rpr = r.find(W + "rPr")
        styles = self.chain(val(rpr, "rStyle")) + self.paragraph_styles(p)
        return _nearest([rpr] + [s.find(W + "rPr") for s in styles] + [self.rpr_default], tag)

    def script_prop(self, r, p, tag: str):
        """`tag` (sz, b, i), or its complex-script twin (szCs, bCs, iCs) for a run in a complex script."""
        flagged = is_on(self.run_prop(r, p, "rtl")) or is_on(self.run_prop(r, p, "cs"))
        return self.run_prop(r, p, tag + ("Cs" if flagged or COMPLEX_SCRIPT.search(text_of(r)) else ""))

    def heading_level(self, p) -> int | None:
        match = re.fullmatch(r"heading ([1-9])", self.style_name(p))
        if match:
            return int(match.group(1))
        outline = self.para_prop(p, "outlineLvl")
        level = int(outline.get(W + "val", "9")) + 1 if outline is not None else 10
        return level if level <= 9 else None  # outline level 9 is body text

    def background(self, r, p) -> str:
        """The colour behind a run: its highlight, its shading, the paragraph's, the table cell's, else white."""
        highlight = self.run_prop(r, p, "highlight")
        if highlight is not None and highlight.get(W + "val") in HIGHLIGHT:
            return HIGHLIGHT[highlight.get(W + "val")]
        cell = next(p.iterancestors(W + "tc"), None)
        for shd in (self.run_prop(r, p, "shd"), self.para_prop(p, "shd"),
                    cell.find(f"{W}tcPr/{W}shd") if cell is not None else None):
            fill = (None if shd is None else shd.get(W + "color") if shd.get(W + "val") == "solid"
                    else shd.get(W + "fill"))
            if fill and re.fullmatch("[0-9A-Fa-f]{6}", fill):
                return fill
        return "FFFFFF"


def _nearest(levels: list, tag: str):
    """The property `tag` from the nearest level that sets it."""
    return next((x.find(W + tag) for x in levels if x is not None and x.find(W + tag) is not None), None)


def val(el, tag: str) -> str | None:
    """The w:val of the child `tag`."""
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


def is_on(el, attr: str = "val") -> bool:
    """A toggle (`<w:b/>`, `w:val="1"`) or an attribute flag that is on."""
    return el is not None and el.get(W + attr, "1" if attr == "val" else "0") not in ("0", "false", "off")


def text_of(el) -> str:
    """The text an element shows, tabs and breaks included, leaving out the fallbacks of alternate content."""
    pieces = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n"}
    return "".join(x.text or "" if pieces[x.tag] is None else pieces[x.tag]
                   for x in el.iter(*pieces) if not any(a.tag == FALLBACK for a in x.iterancestors()))


def style_names(styles) -> dict[str, str]:
    """Style id -> style name (LibreOffice changes ids, never names)."""
    if styles is None:
        return {}
    return {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
            for s in styles.iter(f"{W}style") if s.find(f"{W}name") is not None}


def default_language(styles) -> str:
    """The document's language as its styles give it (docDefaults), "" when none."""
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang") if styles is not None else None
    return lang.get(f"{W}val", "") if lang is not None else ""


def boxed_styles(styles) -> set[str]:
    """The ids of the paragraph styles with a border or shading of their own."""
    if styles is None:
        return set()
    return {s.get(W + "styleId") for s in styles.iter(W + "style") if has_box(s.find(W + "pPr"))}


def has_box(ppr) -> bool:
    """A paragraph's properties draw a border or a background colour."""
    if ppr is None:
        return False
    borders = ppr.find(W + "pBdr")
    has_border = borders is not None and any(b.get(W + "val") not in (None, "nil", "none") for b in borders)
    shading = ppr.find(W + "shd")
    fill = (shading.get(W + "fill") or "auto").lower() if shading is not None else "auto"
    return has_border or fill not in ("auto", "ffffff")
