"""Translation units: every run of words a translator translates, with a stable id, and the way back.

One table of block kinds both ways: `units(guide)` lists what to translate, `translated(guide, texts)`
puts translations back into the same structure. Ids are the source's block ids with a suffix for the
parts of a block (a table cell, a glossary term); a translation keeps its source's section ids
(`## Título {#id}`), so the same ids name the same blocks in every language.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from .. import model as m
from ..languages import labels

META_FIELDS = ("title", "short_title", "subtitle", "audience")
# Kinds whose source is a plain string (a front-matter field, alt text, a call-out title): no markup.
PLAIN_KINDS = ("title", "short title", "subtitle", "audience", "call-out title", "image description (alt text)",
               "label")


@dataclass(frozen=True)
class Unit:
    id: str
    kind: str                      # what the block is, told to the translator: "heading", "table cell"...
    content: tuple[m.Inline, ...]  # plain text units (alt text, title) hold a single Text
    loc: m.Location | None

    @property
    def text(self) -> str:
        return m.plain_text(self.content)

    @property
    def plain(self) -> bool:
        return self.kind in PLAIN_KINDS

    @property
    def digest(self) -> str:
        """The version of the source this unit is: its words and their markup, spaces normalised."""
        return content_digest(self.content)


def content_digest(content: tuple[m.Inline, ...]) -> str:
    return hashlib.sha256(_canonical(content).encode("utf-8")).hexdigest()[:16]


def _canonical(content) -> str:
    out = []
    for x in content:
        if isinstance(x, m.Text):
            out.append(" ".join(x.text.split()) if x.text.strip() else " ")
        else:
            attrs = getattr(x, "href", None) or getattr(x, "lang", "")
            out.append(f"<{x.kind} {attrs}>{_canonical(x.children)}</{x.kind}>")
    return "".join(out).strip()


# Guide -> units ---------------------------------------------------------------------------------

def units(guide: m.Guide) -> list[Unit]:
    """Every translatable text of a guide, in reading order."""
    meta = guide.meta
    found = [Unit(meta_id(name), name.replace("_", " "), (m.Text(getattr(meta, name)),), None)
             for name in META_FIELDS if getattr(meta, name)]
    words = guide_words(meta)
    for block in guide.blocks:
        found += block_units(block, words)
    return found


def guide_words(meta: m.Meta) -> dict[str, str]:
    """The labels of a guide's language, its own first: a call-out titled so has no title of its own."""
    return labels(meta.lang, own=meta.own_labels)


def block_units(block: m.Block, words: dict[str, str]) -> list[Unit]:
    if isinstance(block, m.Heading):
        return [Unit(block.id, "heading", block.content, block.loc)]
    if isinstance(block, m.Paragraph):
        return [Unit(block.id, "paragraph", block.content, block.loc)]
    if isinstance(block, m.Image):
        return [Unit(alt_id(block), "image description (alt text)", (m.Text(block.alt),), block.loc)]
    if isinstance(block, m.ListBlock):
        return [u for item in block.items for inner in item.blocks
                for u in _as_list_item(block_units(inner, words), block.ordered)]
    if isinstance(block, m.Table):
        return [Unit(cell_id(block, r, c), "table header" if r == 0 else "table cell", cell, block.loc)
                for r, row in enumerate((block.header, *block.rows)) for c, cell in enumerate(row)]
    if isinstance(block, m.Callout):
        title = ([Unit(title_id(block), "call-out title", (m.Text(block.title),), block.loc)]
                 if block.title != words[block.style] else [])
        return title + [u for inner in block.blocks for u in block_units(inner, words)]
    if isinstance(block, m.DefinitionList):
        return [u for i, e in enumerate(block.entries, 1)
                for u in (Unit(term_id(block, i), "glossary term", e.term, e.loc),
                          Unit(meaning_id(block, i), "glossary meaning", e.meaning, e.loc))]
    return []


def _as_list_item(found: list[Unit], ordered: bool) -> list[Unit]:
    kind = "numbered list item" if ordered else "list item"
    return [replace(u, kind=kind) if u.kind == "paragraph" else u for u in found]


# Unit ids: the block's own id, with a suffix for each part of a block. The renderer that marks units
# in a file (the DOCX export) names them with these too.

def meta_id(name: str) -> str:
    return f"meta.{name}"


def alt_id(image: m.Image) -> str:
    return f"{image.id}.alt"


def title_id(callout: m.Callout) -> str:
    """A call-out's title; a unit only when the source gives its own title (not the default label)."""
    return f"{callout.id}.title"


def cell_id(table: m.Table, row: int, column: int) -> str:
    """Row 0 is the header row: `id.h1`; body cells are `id.r1c1`, counted from 1."""
    return f"{table.id}.h{column + 1}" if row == 0 else f"{table.id}.r{row}c{column + 1}"


def term_id(glossary: m.DefinitionList, entry: int) -> str:
    return f"{glossary.id}.{entry}.term"


def meaning_id(glossary: m.DefinitionList, entry: int) -> str:
    return f"{glossary.id}.{entry}.meaning"


# Units -> guide ---------------------------------------------------------------------------------

class MissingTranslation(KeyError):
    """A unit of the source has no translation."""


def translated(source: m.Guide, lang: str, texts: dict[str, tuple[m.Inline, ...]],
               own_labels: tuple[tuple[str, str], ...] = ()) -> m.Guide:
    """The source guide with every unit's words replaced by `texts[unit id]`, in language `lang`, with
    `own_labels` its own words for labels (a call-out without a title of its own shows them).
    Raises MissingTranslation naming the first unit that has none."""
    def text(unit_id: str) -> tuple[m.Inline, ...]:
        if unit_id not in texts:
            raise MissingTranslation(unit_id)
        return texts[unit_id]

    def plain(unit_id: str) -> str:
        return m.plain_text(text(unit_id))

    meta = replace(source.meta, lang=lang, labels=own_labels,
                   **{name: plain(meta_id(name)) for name in META_FIELDS if getattr(source.meta, name)})
    return replace(source, meta=meta, blocks=tuple(_block(b, text, plain, guide_words(source.meta), guide_words(meta))
                                                   for b in source.blocks))


def _block(block, text, plain, from_words: dict[str, str], words: dict[str, str]):
    again = lambda b: _block(b, text, plain, from_words, words)  # noqa: E731 - the same walk, one level down
    if isinstance(block, (m.Heading, m.Paragraph)):
        return replace(block, content=text(block.id))
    if isinstance(block, m.Image):
        return replace(block, alt=plain(alt_id(block)))
    if isinstance(block, m.ListBlock):
        return replace(block, items=tuple(replace(i, blocks=tuple(again(b) for b in i.blocks)) for i in block.items))
    if isinstance(block, m.Table):
        cells = [[text(cell_id(block, r, c)) for c in range(len(row))]
                 for r, row in enumerate((block.header, *block.rows))]
        return replace(block, header=tuple(cells[0]), rows=tuple(tuple(r) for r in cells[1:]))
    if isinstance(block, m.Callout):
        own = block.title != from_words[block.style]
        title = plain(title_id(block)) if own else words[block.style]
        return replace(block, title=title, blocks=tuple(again(b) for b in block.blocks))
    if isinstance(block, m.DefinitionList):
        return replace(block, entries=tuple(replace(e, term=text(term_id(block, i)),
                                                    meaning=text(meaning_id(block, i)))
                                            for i, e in enumerate(block.entries, 1)))
    return block


def source_digest(guide: m.Guide) -> str:
    """One digest of every unit of a guide: an exported file records the source it was made from."""
    return hashlib.sha256("\n".join(f"{u.id}={u.digest}" for u in units(guide)).encode()).hexdigest()[:16]
