"""The DOCX against STANDARDS.md: what Word's Accessibility Checker checks, large print, and what translators need.

The file is read through `ooxml` (its parts found by relationships, behind the guards); the checks read
its XML with lxml. A run's formatting is resolved the way Word
resolves it (ooxml.styles). Text inside images is not checked: that needs eyes.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..findings import Finding
from ..ooxml.names import FALLBACK, TRACKED, W, WP
from ..ooxml.package import Package
from ..ooxml.properties import properties
from ..ooxml.styles import StyleSheet, is_on, text_of, val
from .result import ToolResult
from .colour import contrast

TOOL = "docx-accessibility"
STORIES = ("header", "footer", "footnotes", "endnotes")   # parts with text of their own, beside the body
DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
BODY_HALF_POINTS, HEADING_HALF_POINTS, MIN_CONTRAST = 36, 40, 4.5
URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S*$|^[\w.-]+\.(?:com|org|net|gov|edu|info)(?:/\S*)?$", re.I)
VAGUE_LINKS = {"here", "click here", "click", "link", "this link", "more", "read more", "learn more", "this page"}
JUSTIFIED = {"both", "distribute", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute"}
PLAIN_RUN = {"rStyle", "lang", "rtl", "cs", "noProof"}           # not formatting: allowed on a run
PLAIN_PARAGRAPH = {"pStyle", "numPr", "bidi", "rPr", "sectPr"}   # numPr: a list that starts again at 1
RULES = {  # rule: (severity, how to fix it)
    "docx.title": ("error", "Set File > Info > Properties > Title to the guide's title."),
    "docx.language": ("error", "Set the language in the styles (docDefaults or Normal), not only in the properties."),
    "docx.heading-order": ("error", "Go down one level at a time: Heading 1, then Heading 2, then Heading 3."),
    "docx.heading-style": ("error", "Use Word's built-in Heading 1, Heading 2 or Heading 3 style for headings."),
    "docx.alt-text": ("error", "Right-click the picture > View Alt Text: say what it shows, or mark it decorative."),
    "docx.table-header": ("error", "Table Properties > Row: tick 'Repeat as header row at the top of each page'."),
    "docx.link-text": ("error", "Make the link's words say where it goes, e.g. 'the clinic's website'."),
    "docx.contrast": ("error", f"Use black text, or a colour at least {MIN_CONTRAST}:1 against its background."),
    "docx.font-size": ("error", "Body text at least 18 pt, headings at least 20 pt: set it in the style."),
    "docx.heading-bold": ("error", "Large print: headings are bold; set bold in the heading style."),
    "docx.italic": ("error", "Large print has no italics: use bold (the Strong style) for emphasis."),
    "docx.hyphenation": ("error", "Layout > Hyphenation > None: large print never breaks words."),
    "docx.justified": ("error", "Large print is flush left: align the paragraph (better: its style) left."),
    "docx.line-break": ("warning", "Remove the line break (Shift+Enter): let the text wrap, or start a new paragraph."),
    "docx.tab": ("warning", "Remove the tab: use a list, a table or the style's indent."),
    "docx.spaces": ("warning", "Use one space between words: layout belongs in the style's indent and spacing."),
    "docx.comments": ("warning", "Review > Delete All Comments in Document before it goes to translators."),
    "docx.tracked-changes": ("warning", "Review > Accept All Changes, then turn Track Changes off."),
    "docx.run-split": ("warning", "Join the runs (retype the words): translation tools show each split as a tag."),
    "docx.direct-formatting": ("warning", "Clear the direct formatting (Ctrl+Space, Ctrl+Q) and use a named style."),
}


def check_docx(path: Path) -> ToolResult:
    try:
        doc = _Docx(Path(path))
    except Exception as err:  # not a DOCX at all: a fault of the file, not of this check
        finding = Finding("error", "docx.unreadable", Path(path).name, f"the file could not be opened as a DOCX: {err}")
        return ToolResult(TOOL, Path(path).name, True, {"errors": 1, "warnings": 0}, (finding,))
    for check in DOCUMENT_CHECKS:
        check(doc)
    for p in doc.paragraphs:
        for check in PARAGRAPH_CHECKS:
            check(doc, p)
    counts = {s + "s": sum(f.severity == s for f in doc.findings) for s in ("error", "warning")}
    return ToolResult(TOOL, doc.name, True, counts, tuple(doc.findings))


class _Docx(StyleSheet):
    """The document, its style sheet, its paragraphs in reading order, and what the checks found."""

    def __init__(self, path: Path):
        self.name, self.findings = path.name, []
        with Package.open(path) as package:
            super().__init__(package.part("styles"))
            self.body = package.document.find(W + "body")
            self.settings = package.part("settings")
            self.properties = properties(package)
            self.commented = bool(package.related("comments"))
            stories = [name for kind in STORIES for name in package.related(kind)]
            self.roots = [self.body] + [package.xml(name) for name in stories]
        labels = [""] + [name.rsplit("/", 1)[-1] + " " for name in stories]
        self.places, self.paragraphs = {}, []
        for label, root in zip(labels, self.roots):
            own = [p for p in root.iter(W + "p") if not any(a.tag == FALLBACK for a in p.iterancestors())]
            self.places.update((p, f"{label}paragraph {n}") for n, p in enumerate(own, 1))
            self.paragraphs += own

    def iter(self, *tags: str):
        """Elements of the body, the headers, the footers and the notes."""
        return (el for root in self.roots for el in root.iter(*(W + t if "{" not in t else t for t in tags)))

    def add(self, rule: str, where, message: str) -> None:
        """`where`: None (the whole file), a place in words, or a paragraph."""
        if where is not None and not isinstance(where, str):
            words = " ".join(text_of(where).split())
            where = f'{self.places.get(where, "paragraph")} ("{words[:40]}{"..." if len(words) > 40 else ""}")'
        severity, hint = RULES[rule]
        self.findings.append(Finding(severity, rule, f"{self.name}: {where}" if where else self.name, message, hint))

    def text_runs(self, p) -> list:
        return [r for r in p.iter(W + "r") if next(r.iterancestors(W + "p")) is p and text_of(r)]


def check_title(doc: _Docx) -> None:
    if not doc.properties.title.strip():
        doc.add("docx.title", None, "the document has no title in its core properties")


def check_language(doc: _Docx) -> None:
    normal = doc.styles.get(doc.default_paragraph)
    places = [doc.rpr_default, normal.find(W + "rPr") if normal is not None else None]
    if not any(val(x, "lang") for x in places):
        core = doc.properties.language
        doc.add("docx.language", None, "no document language in the styles (w:lang)"
                + (f"; '{core}' is only in the core properties" if core else ""))


def check_hyphenation(doc: _Docx) -> None:
    if doc.settings is not None and is_on(doc.settings.find(W + "autoHyphenation")):
        doc.add("docx.hyphenation", None, "automatic hyphenation is on: words are broken at line ends")


def check_comments(doc: _Docx) -> None:
    related = doc.commented
    marks = len(list(doc.iter("commentReference", "commentRangeStart")))
    if related or marks:
        doc.add("docx.comments", None, f"the document holds Word comments ({marks} marked in the text)")


def check_tracked_changes(doc: _Docx) -> None:
    changes = len(list(doc.iter(*TRACKED)))
    if changes:
        doc.add("docx.tracked-changes", None, f"{changes} tracked change(s) are still in the document")
    if doc.settings is not None and is_on(doc.settings.find(W + "trackRevisions")):
        doc.add("docx.tracked-changes", None, "Track Changes is turned on")


def check_headings(doc: _Docx) -> None:
    previous = 0
    for p in doc.body.iter(W + "p"):
        level = doc.heading_level(p)
        if level is None:
            continue
        if not re.fullmatch(r"heading [1-3]", doc.style_name(p)):
            doc.add("docx.heading-style", p, f"a level-{level} heading in the style '{doc.style_name(p)}', "
                                             "not a built-in Heading 1..3")
        if level > previous + 1:
            doc.add("docx.heading-order", p, f"Heading {level} follows "
                                             + (f"Heading {previous}" if previous else "no Heading 1")
                                             + f": Heading {previous + 1} is skipped")
        previous = level


def check_alt_text(doc: _Docx) -> None:
    for pr in doc.iter(WP + "docPr"):
        decorative = any(d.get("val") in ("1", "true") for d in pr.iter(DECORATIVE))
        if not (pr.get("descr") or "").strip() and not decorative:
            p = next(pr.iterancestors(W + "p"), None)
            doc.add("docx.alt-text", p, f"the picture '{pr.get('name', '')}' has no alt text (descr)")


def check_tables(doc: _Docx) -> None:
    for n, table in enumerate(doc.iter("tbl"), 1):
        first = table.find(W + "tr")
        if first is not None and not is_on(first.find(f"{W}trPr/{W}tblHeader")):
            cells = " | ".join(" ".join(text_of(cell).split()) for cell in first.iter(W + "tc"))
            doc.add("docx.table-header", f'table {n} ("{cells[:40]}")',
                    "the table's first row is not marked as a header row that repeats on every page")


def check_links(doc: _Docx) -> None:
    for link in doc.iter("hyperlink"):
        words = " ".join(text_of(link).split())
        vague = words.lower().strip(".:!?") in VAGUE_LINKS
        if not words or vague or URL_LIKE.match(words):
            why = "has no text" if not words else "says nothing of where it goes" if vague else "is a bare address"
            doc.add("docx.link-text", next(link.iterancestors(W + "p")), f"the link text '{words}' {why}")


def check_justified(doc: _Docx, p) -> None:
    jc = doc.para_prop(p, "jc")
    jc = jc.get(W + "val") if jc is not None else None
    if jc in JUSTIFIED:
        doc.add("docx.justified", p, f"the paragraph is justified (jc='{jc}'), not flush left")


def check_breaks(doc: _Docx, p) -> None:
    breaks = [b for r in doc.text_runs(p) for b in r.iter(W + "br", W + "cr")
              if b.get(W + "type", "textWrapping") == "textWrapping"]
    if breaks:
        doc.add("docx.line-break", p, "a manual line break inside the paragraph")


def check_tabs(doc: _Docx, p) -> None:
    if "\t" in shown_text(p):
        doc.add("docx.tab", p, "a tab character inside the paragraph")


def check_spaces(doc: _Docx, p) -> None:
    if re.search("[ \u00a0]{2,}", shown_text(p).strip()):
        doc.add("docx.spaces", p, "repeated spaces inside the paragraph")


def shown_text(p) -> str:
    """The paragraph's text, with a field that holds no result yet (a page number in a footer) as one digit."""
    pieces = []
    for el in p.iter(W + "r", W + "fldSimple", W + "fldChar"):
        if next(el.iterancestors(W + "p")) is not p:
            continue
        if el.tag == W + "r":
            pieces.append(text_of(el))
        elif el.tag == W + "fldSimple" and not text_of(el) or el.get(W + "fldCharType") == "begin":
            pieces.append("0")
    return "".join(pieces)


def _is_heading(doc: _Docx, p) -> bool:
    return doc.heading_level(p) is not None or doc.style_name(p) in ("title", "subtitle")


def check_font_size(doc: _Docx, p) -> None:
    least = HEADING_HALF_POINTS if _is_heading(doc, p) else BODY_HALF_POINTS
    for r in doc.text_runs(p):
        size = doc.script_prop(r, p, "sz")
        half_points = int(size.get(W + "val")) if size is not None else 20  # Word's own default: 10 pt
        if half_points < least:
            kind = "heading" if least == HEADING_HALF_POINTS else "body"
            doc.add("docx.font-size", p, f"{kind} text '{text_of(r).strip()[:30]}' is {half_points / 2:g} pt; "
                                         f"large print needs at least {least / 2:g} pt")
            return


def check_heading_bold(doc: _Docx, p) -> None:
    runs = doc.text_runs(p)
    if _is_heading(doc, p) and not all(is_on(doc.script_prop(r, p, "b")) for r in runs):
        doc.add("docx.heading-bold", p, "the heading is not bold")


def check_italic(doc: _Docx, p) -> None:
    italic = [r for r in doc.text_runs(p) if is_on(doc.script_prop(r, p, "i"))]
    if italic:
        doc.add("docx.italic", p, f"italic text: '{text_of(italic[0]).strip()[:40]}'")


def check_contrast(doc: _Docx, p) -> None:
    for r in doc.text_runs(p):
        color = doc.run_prop(r, p, "color")
        fg = color.get(W + "val", "auto") if color is not None else "auto"
        bg = doc.background(r, p)
        if re.fullmatch("[0-9A-Fa-f]{6}", fg) and contrast(fg, bg) < MIN_CONTRAST:
            doc.add("docx.contrast", p, f"text '{text_of(r).strip()[:30]}' in #{fg.upper()} on #{bg.upper()} "
                                        f"has a contrast of {contrast(fg, bg):.2f}:1, under {MIN_CONTRAST}:1")
            return


def check_direct_formatting(doc: _Docx, p) -> None:
    found = _formatting(p.find(W + "pPr"), PLAIN_PARAGRAPH)
    for r in doc.text_runs(p):
        found |= _formatting(r.find(W + "rPr"), PLAIN_RUN)
    if found:
        doc.add("docx.direct-formatting", p, f"direct formatting ({', '.join(sorted(found))}), not a named style")


def _formatting(props, allowed: set[str]) -> set[str]:
    names = {etree.QName(x).localname for x in (props if props is not None else ()) if isinstance(x.tag, str)}
    return names - allowed


def check_run_splits(doc: _Docx, p) -> None:
    runs = doc.text_runs(p)
    for a, b in zip(runs, runs[1:]):
        if a.getnext() is b and all(x.tag in (W + "rPr", W + "t") for x in (*a, *b)) and _rpr(a) == _rpr(b):
            doc.add("docx.run-split", p, f"'{text_of(a)[-20:]}' and '{text_of(b)[:20]}' are split into two runs "
                                         "with the same formatting")
            return


def _rpr(r) -> bytes:
    rpr = r.find(W + "rPr")
    return etree.tostring(rpr, method="c14n") if rpr is not None else b""


DOCUMENT_CHECKS = (check_title, check_language, check_hyphenation, check_comments, check_tracked_changes,
                   check_headings, check_alt_text, check_tables, check_links)
PARAGRAPH_CHECKS = (check_justified, check_breaks, check_tabs, check_spaces, check_font_size, check_heading_bold,
                    check_italic, check_contrast, check_direct_formatting, check_run_splits)
