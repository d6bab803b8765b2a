"""The converted blocks shaped as a guide: the title taken from the top, heading levels renumbered
without gaps (the document's top level becomes `##`), footnotes gathered into a Notes section, and
finally the ids the reader will give (so that the writer writes no `{#id}` of its own)."""
from __future__ import annotations

import dataclasses

from .. import model as m
from ..languages import labels
from ..source.headings import Ids, same_title
from .findings import Findings

DEEPEST = 4   # `####`


def title_from_top(blocks: list[m.Block], title: str) -> tuple[str, list[m.Block]]:
    """The title (`title` when the document names one) and the blocks without a first heading that
    is the title: the same words, or the first heading of a document that names no title."""
    first = blocks[0] if blocks else None
    if isinstance(first, m.Heading):
        words = " ".join(m.plain_text(first.content).split())
        if not title or same_title(words, title):
            return title or words, blocks[1:]
    return title, blocks


def renumbered(blocks: list[m.Block], findings: Findings) -> list[m.Block]:
    """Headings on levels 2.. in the order of the levels the document used, never more than one
    level below the heading before."""
    used = sorted({b.level for b in blocks if isinstance(b, m.Heading)})
    rank = {level: 2 + n for n, level in enumerate(used)}
    out, previous = [], 1
    for block in blocks:
        if isinstance(block, m.Heading):
            level = min(rank[block.level], previous + 1, DEEPEST)
            if rank[block.level] > DEEPEST:
                findings.add(block.id, "heading-depth", f"a heading of level {block.level} in the original is "
                             "`####` now: a guide has three levels of sections",
                             "check that it sits under the right heading, or make it a bold paragraph")
            block = dataclasses.replace(block, level=level)
            previous = level
        out.append(block)
    return out


def with_notes(blocks: list[m.Block], notes: list[tuple[m.Inline, ...]], lang: str,
               findings: Findings, new_id) -> list[m.Block]:
    """Footnotes as a last section: `## Notes` and a numbered list, marked "(note 1)" in the text."""
    if not notes:
        return blocks
    heading = m.Heading(2, (m.Text(labels(lang)["notes"]),), new_id(), m.NOWHERE)
    items = tuple(m.ListItem((m.Paragraph(note, new_id(), m.NOWHERE),), m.NOWHERE) for note in notes)
    many = len(notes) > 1
    findings.add(heading.id, "footnotes", f"the original's {len(notes)} footnote{'s are' if many else ' is'} "
                 "listed here, each marked \u201c(" + labels(lang)["note"].lower() + " 1)\u201d" + (", and so on," if many else "")
                 + " in the text",
                 "work each note into the sentence it explains, if it is short, and delete the mark")
    return blocks + [heading, m.ListBlock(True, items, new_id(), m.NOWHERE)]


def finished(blocks: list[m.Block], lang: str) -> tuple[tuple[m.Block, ...], dict[str, int]]:
    """The blocks with the ids the reader will give them, call-outs with their title and level;
    and each provisional id's place in reading order (model.walk), for placing the findings."""
    order = {b.id: n for n, b in enumerate(m.walk(tuple(blocks)))}
    return _Finisher(lang).blocks(blocks), order


class _Finisher:
    """Ids in the order the writer (and so the reader) takes them: each heading from its words,
    every other block a number in its section, blocks inside call-outs and lists after their own."""

    def __init__(self, lang: str):
        self.ids, self.lang, self.level = Ids(), lang, 1

    def blocks(self, blocks) -> tuple[m.Block, ...]:
        return tuple(self.block(b) for b in blocks)

    def block(self, block: m.Block) -> m.Block:
        if isinstance(block, m.Heading):
            self.level = block.level
            words = m.plain_text(block.content).strip()
            return dataclasses.replace(block, id=self.ids.heading(block.level, self.ids.derived(words), 0))
        block = dataclasses.replace(block, id=self.ids.block(0))
        if isinstance(block, m.Callout):
            return dataclasses.replace(block, title=block.title or labels(self.lang)[block.style],
                                       level=min(self.level + 1, 6), blocks=self.blocks(block.blocks))
        if isinstance(block, m.ListBlock):
            items = tuple(dataclasses.replace(item, blocks=self.blocks(item.blocks)) for item in block.items)
            return dataclasses.replace(block, items=items)
        return block
