"""Pandoc's blocks -> our blocks, each with a provisional id (`@12`) that findings point at.

What a block of the model cannot hold is turned into what it can, keeping the words: a quotation's
paragraphs stand alone, a picture inside a sentence stands below it, a list nested too deep goes on as
paragraphs, code is a paragraph. Only what has no words of the body (raw markup, rules) is dropped.
The paragraph style of each block (pandoc's `custom-style`, from a DOCX) is kept aside for the guesses.
"""
from __future__ import annotations

from .. import model as m
from ..languages import labels
from ..source.body import MAX_LIST_DEPTH
from . import tables
from .findings import Findings
from .inlines import Inlines, merged, trimmed, words

# A Markdown call-out as the Markdown preparation writes it: `::: {.note title="..." from="!!! tip"}`
CALLOUT_CLASSES = set(m.CALLOUTS)


class Adapter:
    def __init__(self, findings: Findings, lang: str):
        self.findings, self.lang = findings, lang
        self.inlines = Inlines(findings, labels(lang)["note"].lower())
        self.inlines.note_blocks = self.note_content
        self.styles: dict[str, str] = {}    # provisional id -> the document's paragraph style
        self.headed: set[str] = set()       # tables whose header row the document marked
        self.count = 0
        self.depth = 0                      # lists we are inside

    def new_id(self) -> str:
        self.count += 1
        return f"@{self.count}"

    def blocks(self, nodes: list, style: str = "") -> list[m.Block]:
        return [b for node in nodes for b in self.block(node, style)]

    def block(self, node: dict, style: str) -> list[m.Block]:
        handler = getattr(self, "block_" + node["t"], None)
        if handler is None:
            self.findings.add(self.new_id(), "unknown", f"a block pandoc calls `{node['t']}` was left out",
                              "compare this place with the original and type in what is missing")
            return []
        return handler(node.get("c"), style)

    # Text ------------------------------------------------------------------------------------------

    def block_Para(self, c, style) -> list[m.Block]:
        at = self.new_id()
        content = self.inlines.convert(c, at)
        pictures, self.inlines.pictures = self.inlines.pictures, []
        out: list[m.Block] = []
        if m.plain_text(content).strip():
            out.append(m.Paragraph(content, at, m.NOWHERE))
            self.styles[at] = style
            if pictures:
                self.findings.add(at, "picture-in-text", "a picture inside this paragraph now stands below it",
                                  "check that the text still reads well without it")
        return out + [self.image(src, alt) for src, alt in pictures]

    block_Plain = block_Para

    def block_LineBlock(self, c, style) -> list[m.Block]:
        return self.block_Para([x for line in c for x in [*line, {"t": "Space"}]], style)

    def block_CodeBlock(self, c, style) -> list[m.Block]:
        return self.block_Para([{"t": "Str", "c": " ".join(c[1].split())}], style)

    def block_Header(self, c, style) -> list[m.Block]:
        at = self.new_id()
        content = self.inlines.convert(c[2], at)
        self.inlines.pictures = []
        if not m.plain_text(content).strip():
            return []   # an empty heading paragraph: Word documents have many
        self.styles[at] = style
        return [m.Heading(c[0], content, at, m.NOWHERE)]

    def block_RawBlock(self, c, style) -> list[m.Block]:
        self.findings.add(self.new_id(), "raw", f"raw {c[0]} (`{' '.join(c[1].split())[:40]}`) was left out",
                          "type in the words it showed, if any")
        return []

    def block_HorizontalRule(self, c, style) -> list[m.Block]:
        return []   # a rule carries no words; sections come from headings

    def block_BlockQuote(self, c, style) -> list[m.Block]:
        return self.blocks(c, style)

    def block_Div(self, c, style) -> list[m.Block]:
        (_, classes, attrs), inner = c
        attrs = dict(attrs)
        kind = next((k for k in classes if k in CALLOUT_CLASSES), None)
        if kind is None:
            return self.blocks(inner, attrs.get("custom-style", style))
        return [self.callout(kind, attrs, inner)]

    def callout(self, kind: str, attrs: dict, inner: list) -> m.Callout:
        at = self.new_id()
        blocks = [self.flat_heading(b) if isinstance(b, m.Heading) else b for b in self.blocks(inner)]
        if attrs.get("from"):
            self.findings.add(at, "callout", f"`{attrs['from']}` became `::: {kind}`",
                              "check that this kind fits: note, warning, key-points or ask")
        return m.Callout(kind, attrs.get("title", ""), 0, tuple(blocks), at, m.NOWHERE)

    def flat_heading(self, heading: m.Heading) -> m.Paragraph:
        self.findings.add(heading.id, "heading-in-callout", "a heading inside a call-out is a bold paragraph now",
                          "make it the call-out's title (`::: note Its title`) if it was one")
        return m.Paragraph((m.Strong(heading.content),), heading.id, m.NOWHERE)

    # Lists, tables, glossaries, pictures ---------------------------------------------------------------

    def block_BulletList(self, c, style) -> list[m.Block]:
        return self.list_block(False, 1, c, style)

    def block_OrderedList(self, c, style) -> list[m.Block]:
        return self.list_block(True, c[0][0], c[1], style)

    def list_block(self, ordered: bool, start: int, items: list, style: str) -> list[m.Block]:
        if self.depth == MAX_LIST_DEPTH:   # deeper than a source allows: the items go on as paragraphs
            blocks = [b for item in items for b in self.blocks(item, style)]
            if blocks:
                self.findings.add(blocks[0].id, "list-depth", f"a list nested more than {MAX_LIST_DEPTH} levels "
                                  "deep: its items are paragraphs now", "fold them into the level above")
            return blocks
        at = self.new_id()
        self.depth += 1
        converted = [m.ListItem(tuple(self.blocks(item, style)), m.NOWHERE) for item in items]
        self.depth -= 1
        converted = [item for item in converted if item.blocks]
        if not converted:
            return []
        first = next(iter(m.walk(converted[0].blocks)), None)
        self.styles[at] = self.styles.get(first.id, style) if first is not None else style
        return [m.ListBlock(ordered, tuple(converted), at, m.NOWHERE, start)]

    def block_Table(self, c, style) -> list[m.Block]:
        at = self.new_id()
        caption = self.blocks(c[1][1])
        pictures: list[m.Block] = []
        table, marked = tables.table(c, lambda blocks: self.cell_content(blocks, pictures), at, self.findings)
        if marked:
            self.headed.add(at)
        return caption + ([table] if table.header or table.rows else []) + pictures

    def cell_content(self, nodes: list, pictures: list) -> tuple[m.Inline, ...]:
        """A cell's blocks as one run of words; its pictures go below the table."""
        blocks = self.blocks(nodes)
        pictures += [b for b in blocks if isinstance(b, m.Image)]
        return self.joined(blocks)

    def joined(self, blocks: list[m.Block]) -> tuple[m.Inline, ...]:
        parts: list[m.Inline] = []
        for block in m.walk(tuple(blocks)):
            for content, _ in m.inline_parts(block):
                parts += ([m.Text(" ")] if parts else []) + list(content)
        return trimmed(merged(parts))

    def block_DefinitionList(self, c, style) -> list[m.Block]:
        at = self.new_id()
        entries = []
        for term, meanings in c:
            term_content = self.inlines.convert(term, at)
            meaning = self.joined([b for blocks in meanings for b in self.blocks(blocks)])
            entries.append(m.Definition(term_content, meaning, m.NOWHERE))
        return [m.DefinitionList(tuple(entries), at, m.NOWHERE)]

    def block_Figure(self, c, style) -> list[m.Block]:
        blocks = self.blocks(c[2], style)
        caption = self.blocks(c[1][1], style)
        alts = {b.alt for b in blocks if isinstance(b, m.Image)}
        return blocks + [b for b in caption if words(getattr(b, "content", ())) not in alts]

    def image(self, src: str, alt: str) -> m.Image:
        return m.Image(src, alt, self.new_id(), m.NOWHERE)

    def note_content(self, nodes: list) -> tuple[m.Inline, ...]:
        """A footnote's words, in one run (they go to a Notes section at the end)."""
        saved = self.inlines.at, self.inlines.pictures
        self.inlines.pictures = []
        content = self.joined(self.blocks(nodes))
        self.inlines.at, self.inlines.pictures = saved
        return content
