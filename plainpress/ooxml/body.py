"""word/document.xml -> the body's paragraphs, in reading order, each with its style name, the bookmarks
that start and end in it, and its words as spans of text with their marks (after mammoth's body_xml).

Table cells' paragraphs come in their place, row by row; paragraphs inside a text box or a picture are
not the body's and are left out. Marks: a run in the Strong character style (LibreOffice may call it
"Strong Emphasis") or in direct bold is strong, in Emphasis emphasis; a run inside `w:hyperlink` (or a
HYPERLINK field's result) is a link, and a run with a `w:lang` of its own a passage in that language
(LibreOffice also writes the document's language on the runs of table cells: `docx_inlines` tells).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .document import DocxParts
from .names import R, TRACKED, W

R_ID = R + "id"
CHARACTER_MARKS = {"Strong": ("strong",), "Strong Emphasis": ("strong",), "Emphasis": ("emphasis",)}
LINK_STYLES = ("Hyperlink", "Internet Link")   # Word's name; LibreOffice's own
SEEN_THROUGH = {W + t for t in ("ins", "moveTo", "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo")}
KEEP = "keep"   # a bookmark a translator adds (Insert > Bookmark: keep1) to confirm words left as they are
HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]*)"')

Mark = tuple[str, ...]   # ("strong",), ("emphasis",), ("link", address), ("foreign", language tag)


@dataclass
class Paragraph:
    number: int                                   # counted from 1 over the body, table cells included
    style: str                                    # its paragraph style's name
    spans: list[tuple[str, frozenset[Mark]]] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)   # our bookmarks (`_pp_...`) that start here
    ends: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # ids of the comments anchored here
    tracked: bool = False                         # holds a tracked change
    kept: bool = False                            # a translator's bookmark `keep...` starts here: its words
                                                  # stay the source's on purpose

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.spans)


def body_paragraphs(parts: DocxParts, prefix: str) -> list[Paragraph]:
    """Every paragraph of the body; bookmarks are kept when their names start with `prefix`."""
    reader = _BodyReader(parts, prefix)
    body = parts.document.find(f"{W}body")
    if body is None:   # a damaged or hostile file: no paragraph maps, and the import says so
        return reader.found
    for number, p in enumerate((p for p in body.iter(f"{W}p") if not _nested(p, body)), 1):
        reader.paragraph(p, number)
    return reader.found


def _nested(p: etree._Element, body: etree._Element) -> bool:
    """A paragraph inside another paragraph: a text box's, drawn inside a run."""
    parent = p.getparent()
    while parent is not body:
        if parent.tag == f"{W}p":
            return True
        parent = parent.getparent()
    return False


class _BodyReader:
    def __init__(self, parts: DocxParts, prefix: str):
        self.parts, self.prefix = parts, prefix
        self.found: list[Paragraph] = []
        self.bookmarks: dict[str, str] = {}   # w:id -> name, for ends in a later paragraph
        self.fields: list[list] = []           # open complex fields: [instruction, result shown yet]

    def paragraph(self, p: etree._Element, number: int) -> None:
        style = p.find(f"{W}pPr/{W}pStyle")
        name = self.parts.styles.get(style.get(f"{W}val"), style.get(f"{W}val")) if style is not None else "Normal"
        self.current = Paragraph(number, name, tracked=next(p.iter(*TRACKED), None) is not None)
        self.children(p, frozenset())
        self.found.append(self.current)

    def children(self, element: etree._Element, marks: frozenset[Mark]) -> None:
        for child in element:
            self.element(child, marks)

    def element(self, el: etree._Element, marks: frozenset[Mark]) -> None:
        tag = el.tag
        if tag == f"{W}r":
            self.run(el, marks)
        elif tag == f"{W}hyperlink" and self.echo_of_a_link(el):
            self.children(el, marks)
        elif tag == f"{W}hyperlink":
            address = self.parts.links.get(el.get(R_ID, ""), "#" + el.get(f"{W}anchor", ""))
            self.children(el, marks | {("link", address)})
        elif tag == f"{W}fldSimple":
            link = HYPERLINK_FIELD.match(el.get(f"{W}instr", ""))
            self.children(el, marks | {("link", link.group(1))} if link else marks)
        elif tag == f"{W}bookmarkStart":
            self.bookmark_start(el)
        elif tag == f"{W}bookmarkEnd" and el.get(f"{W}id") in self.bookmarks:
            self.current.ends.append(self.bookmarks[el.get(f"{W}id")])
        elif tag == f"{W}commentRangeStart":
            self.current.comments.append(el.get(f"{W}id"))
        elif tag in SEEN_THROUGH:
            self.children(el, marks)

    def echo_of_a_link(self, el: etree._Element) -> bool:
        """LibreOffice 7.4 cuts a link in two where one of our bookmarks ends, and when the bookmark ends
        right after a link it wraps the words after it in a hyperlink too. Such an echo opens with our
        bookmark's end, and its runs are not in the Hyperlink style (a true second half's are)."""
        first = el[0] if len(el) else None
        if first is None or first.tag != f"{W}bookmarkEnd" or first.get(f"{W}id") not in self.bookmarks:
            return False
        return not any(self.style_name(r) in LINK_STYLES for r in el.iter(f"{W}r"))

    def style_name(self, r: etree._Element) -> str:
        style = r.find(f"{W}rPr/{W}rStyle")
        return self.parts.styles.get(style.get(f"{W}val"), style.get(f"{W}val")) if style is not None else ""

    def bookmark_start(self, el: etree._Element) -> None:
        name = el.get(f"{W}name", "")
        if name.casefold().startswith(KEEP):
            self.current.kept = True
        if name.startswith(self.prefix):
            self.bookmarks[el.get(f"{W}id")] = name
            self.current.starts.append(name)

    def run(self, r: etree._Element, marks: frozenset[Mark]) -> None:
        marks = marks | self.run_marks(r)
        for child in r:
            tag = child.tag
            if tag == f"{W}fldChar":
                self.field_char(child.get(f"{W}fldCharType"))
            elif tag == f"{W}instrText" and self.fields:
                self.fields[-1][0] += child.text or ""
            elif tag == f"{W}commentReference":
                self.current.comments.append(child.get(f"{W}id"))
            elif any(not shown for _, shown in self.fields):
                continue  # inside a field's instruction: not words
            elif tag == f"{W}t":
                self.text(child.text or "", marks | self.field_links())
            elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                self.text(" ", marks | self.field_links())  # a break or tab inside a sentence is layout
            elif tag == f"{W}noBreakHyphen":
                self.text("-", marks | self.field_links())

    def field_char(self, kind: str | None) -> None:
        """Complex fields: `begin`, the instruction, `separate`, the result shown, `end`; they may nest."""
        if kind == "begin":
            self.fields.append(["", False])
        elif kind == "separate" and self.fields:
            self.fields[-1][1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def field_links(self) -> frozenset[Mark]:
        links = (HYPERLINK_FIELD.match(instruction) for instruction, _ in self.fields)
        return frozenset(("link", link.group(1)) for link in links if link)

    def run_marks(self, r: etree._Element) -> frozenset[Mark]:
        rpr, marks = r.find(f"{W}rPr"), set()
        name = self.style_name(r)
        if name in CHARACTER_MARKS:
            marks.add(CHARACTER_MARKS[name])
        bold = rpr.find(f"{W}b") if rpr is not None else None
        if bold is not None and bold.get(f"{W}val", "true") not in ("0", "false", "off"):
            marks.add(("strong",))  # Ctrl+B; and LibreOffice saves Strong inside a link as Hyperlink + bold
        lang = rpr.find(f"{W}lang") if rpr is not None else None
        if lang is not None and lang.get(f"{W}val"):
            marks.add(("foreign", lang.get(f"{W}val")))  # maybe the document's own: see docx_inlines
        return frozenset(marks)

    def text(self, text: str, marks: frozenset[Mark]) -> None:
        if text:
            self.current.spans.append((text, marks))


def same_language(a: str, b: str) -> bool:
    """`es` and `es-ES` are one language here: LibreOffice adds a region to the tags it saves."""
    a, b = a.lower(), b.lower()
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")
