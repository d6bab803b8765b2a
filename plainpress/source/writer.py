"""A Guide -> its source text (Markdown + YAML front matter): the reader's inverse.

The translation import and the document import hand their Guide to `write_guide`, so that no
importer writes Markdown by hand. `read_guide` of the text gives the same Guide back (locations
aside) for every guide in the reader's normal form (tests/source/test_writer.py says which that is).
The text looks like a hand-written source: front matter with the fields that differ from their
defaults, `##` headings, one line per paragraph (translators and diff tools prefer it), a blank
line between blocks.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from urllib.parse import quote

import yaml

from .. import model as m
from ..languages import labels
from .headings import Ids
from .inline_writer import write_inlines, write_plain

FIELD_ORDER = ("title", "short_title", "subtitle", "lang", "version", "date", "organisation", "audience",
               "reading_grade", "strict_reading", "terms", "labels")
REQUIRED = ("title", "lang", "date")
DEFAULTS = {f.name: f.default for f in dataclasses.fields(m.Meta)}


def write_guide(guide: m.Guide) -> str:
    body = _Body(guide.meta.lang, guide.meta.own_labels).blocks(guide.blocks)
    return front_matter(guide.meta) + "\n" + "\n".join(body) + "\n"


# Front matter ------------------------------------------------------------------------------------

def front_matter(meta: m.Meta) -> str:
    lines = [f"{name}: {yaml_value(name, getattr(meta, name))}" for name in FIELD_ORDER
             if name != "labels" and (name in REQUIRED or getattr(meta, name) != DEFAULTS[name])]
    if meta.labels:   # a block mapping, one label a line: `  key-points: 要点`
        lines += ["labels:", *(f"  {key}: {yaml_text(text)}" for key, text in meta.labels)]
    return "\n".join(["---", *lines, "---", ""])


def yaml_value(name: str, value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(int(value)) if value == int(value) else str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "[" + ", ".join(yaml_text(t, in_list=True) for t in value) + "]"
    if name == "version":
        return double_quoted(value)  # `1.0` would be a number
    return yaml_text(str(value))


def yaml_text(text: str, in_list: bool = False) -> str:
    """Text as YAML reads it back: plain where it can (`title: A guide`), else double-quoted
    (`"Diabetes: what to know"`, `"yes"`, `"1.0"`, `"#1"`); `in_list`: an item of `[a, b]`."""
    try:
        plain = yaml.safe_load(f"k: [{text}]" if in_list else f"k: {text}")["k"]
    except (yaml.YAMLError, TypeError):
        plain = None
    same = plain == ([text] if in_list else text)
    return text if same and text == text.strip() and "\n" not in text else double_quoted(text)


def double_quoted(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', allow_unicode=True, width=10**9).rstrip("\n")


# Blocks ------------------------------------------------------------------------------------------

class _Body:
    """Writes blocks in reading order, keeping the ids the reader will derive, so that a heading
    gets ` {#id}` only where its id is not the one its words give."""

    def __init__(self, lang: str, own_labels: dict[str, str] | None = None):
        self.lang = lang
        self.words = labels(lang, own=own_labels)   # a call-out whose title is its label has no title of its own
        self.ids = Ids()

    def blocks(self, blocks: tuple[m.Block, ...]) -> list[str]:
        """The lines of some blocks, a blank line between two; a list right after a list of its
        kind takes the other marker (`*` after `-`, `)` after `.`), or the two would run together."""
        lines: list[str] = []
        previous, other = None, False
        for block in blocks:
            if lines:
                lines.append("")
            if isinstance(block, m.ListBlock):
                follows = isinstance(previous, m.ListBlock) and previous.ordered == block.ordered
                other = follows and not other
                lines += self.list_block(block, other)
            else:
                lines += self.block(block)
            previous = block
        return lines

    def block(self, block: m.Block) -> list[str]:
        if isinstance(block, m.Heading):
            return [self.heading(block)]
        self.ids.block(0)
        if isinstance(block, m.Paragraph):
            return [write_inlines(block.content, block_start=True)]
        if isinstance(block, m.Image):
            return [f"![{write_plain(block.alt)}]({image_destination(block.src)})"]
        if isinstance(block, m.Table):
            return table(block)
        if isinstance(block, m.Callout):
            title = "" if block.title == self.words[block.style] else " " + block.title
            return [f"::: {block.style}{title}", *self.blocks(block.blocks), ":::"]
        return glossary(block)

    def heading(self, heading: m.Heading) -> str:
        own = heading.id != self.ids.derived(m.plain_text(heading.content).strip())
        problem = self.ids.own_id_problem(heading.id) if own else None
        if problem:  # the reader would refuse the text: tell the importer now
            raise ValueError(f"heading `{m.plain_text(heading.content)}`: {problem[0]}")
        self.ids.heading(heading.level, heading.id, 0)
        words = write_inlines(heading.content, heading=True)
        return "#" * heading.level + " " + words + (f" {{#{heading.id}}}" if own else "")

    def list_block(self, block: m.ListBlock, other_marker: bool) -> list[str]:
        self.ids.block(0)
        items = [self.item(_marker(block, n, other_marker), item) for n, item in enumerate(block.items)]
        loose = any("" in item for item in items)
        lines: list[str] = []
        for item in items:
            lines += ([""] if loose and lines else []) + item
        return lines

    def item(self, marker: str, item: m.ListItem) -> list[str]:
        lines = self.item_blocks(item.blocks)
        indent = " " * (len(marker) + 1)
        first, *rest = lines or [""]
        return [f"{marker} {first}".rstrip(), *(indent + line if line else "" for line in rest)]

    def item_blocks(self, blocks: tuple[m.Block, ...]) -> list[str]:
        """An item's blocks; a list right after the item's first paragraph follows it without a
        blank line, as people write them (an ordered one only from 1: CommonMark's rule)."""
        lines = self.blocks(blocks)
        if (len(blocks) > 1 and isinstance(blocks[0], m.Paragraph) and isinstance(blocks[1], m.ListBlock)
                and (not blocks[1].ordered or blocks[1].start == 1) and lines[1] == ""):
            del lines[1]
        return lines


def _marker(block: m.ListBlock, n: int, other: bool) -> str:
    if block.ordered:
        return f"{block.start + n}" + (")" if other else ".")
    return "*" if other else "-"


def table(block: m.Table) -> list[str]:
    header = [write_inlines(cell, table=True) for cell in block.header]
    rows = [[write_inlines(cell, table=True) for cell in row] for row in block.rows]
    return [_row(header), "|" + "|".join("-" * max(len(cell) + 2, 3) for cell in header) + "|",
            *(_row(row) for row in rows)]


def _row(cells: list[str]) -> str:
    return "|" + "|".join(f" {cell} " for cell in cells) + "|"


def glossary(block: m.DefinitionList) -> list[str]:
    lines: list[str] = []
    for entry in block.entries:
        lines += ([""] if lines else []) + [write_inlines(entry.term, block_start=True),
                                            ": " + write_inlines(entry.meaning, block_start=True)]
    return lines


def image_destination(src: str) -> str:
    """A picture's file name as written: `<...>` around a name with spaces or brackets; `%`, what
    `<...>` cannot hold and spaces at the ends (markdown-it trims them) percent-encoded: the reader
    decodes percent-encoding."""
    src = re.sub(r"[%<>\\]|&(?=#?[0-9A-Za-z]+;)|^\s+|\s+$", lambda c: quote(c.group()), src)
    return f"<{src}>" if re.search(r"[\s()]", src) else src
