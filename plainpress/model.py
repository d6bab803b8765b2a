"""The document model: one guide in one language, as frozen dataclasses.

Readers build it, checks and renderers only read it. Headings stay flat (as in Pandoc);
sections are cut from the flat list when a stage needs them.
"""
from __future__ import annotations

import datetime as dt
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Union


@dataclass(frozen=True)
class Location:
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


# Inline content -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    kind: ClassVar[str] = "text"
    text: str


@dataclass(frozen=True)
class Strong:
    kind: ClassVar[str] = "strong"
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Emphasis:
    """What a writer put in italics (`*word*`): shown in bold, because italics are hard to read in
    large print, yet kept apart from Strong so that a writer's Markdown comes back as written."""
    kind: ClassVar[str] = "emphasis"
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    kind: ClassVar[str] = "link"
    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Foreign:
    """A passage in another language than the guide's, e.g. `[por favor]{lang=es}`."""
    kind: ClassVar[str] = "foreign"
    lang: str
    children: tuple[Inline, ...]


Inline = Union[Text, Strong, Emphasis, Link, Foreign]


def link_addresses(inlines: tuple[Inline, ...]) -> list[str]:
    """The address of every link in some inline content, in reading order."""
    found = []
    for x in inlines:
        if isinstance(x, Link):
            found.append(x.href)
        if not isinstance(x, Text):
            found += link_addresses(x.children)
    return found


def merged_text(items) -> tuple[Inline, ...]:
    """Inline content in the reader's normal form: neighbouring texts as one, no empty text."""
    out: list[Inline] = []
    for item in items:
        if isinstance(item, Text) and not item.text:
            continue
        if out and isinstance(item, Text) and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + item.text)
        else:
            out.append(item)
    return tuple(out)


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """The words of some inline content, without markup."""
    return "".join(x.text if isinstance(x, Text) else plain_text(x.children) for x in inlines)


# Blocks ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    level: int  # 2..4; level 1 is the guide's title
    content: tuple[Inline, ...]
    id: str
    loc: Location


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    content: tuple[Inline, ...]
    id: str
    loc: Location


@dataclass(frozen=True)
class Image:
    kind: ClassVar[str] = "image"
    src: str          # as the source names it: relative to the guide's folder, checked to stay inside it
    alt: str
    id: str
    loc: Location
    data: bytes = field(default=b"", repr=False, compare=False)  # the picture, read once by the reader

    @property
    def suffix(self) -> str:
        return Path(self.src).suffix.lower()


@dataclass(frozen=True)
class ListItem:
    blocks: tuple[Block, ...]   # paragraphs and nested lists
    loc: Location


@dataclass(frozen=True)
class ListBlock:
    kind: ClassVar[str] = "list"
    ordered: bool
    items: tuple[ListItem, ...]
    id: str
    loc: Location
    start: int = 1


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    id: str
    loc: Location


@dataclass(frozen=True)
class Callout:
    kind: ClassVar[str] = "callout"
    style: str        # one of CALLOUTS
    title: str
    level: int        # its title's heading level: one below the heading it stands under
    blocks: tuple[Block, ...]
    id: str
    loc: Location


@dataclass(frozen=True)
class Definition:
    term: tuple[Inline, ...]
    meaning: tuple[Inline, ...]
    loc: Location


@dataclass(frozen=True)
class DefinitionList:
    kind: ClassVar[str] = "definitions"
    entries: tuple[Definition, ...]
    id: str
    loc: Location


Block = Union[Heading, Paragraph, Image, ListBlock, Table, Callout, DefinitionList]

# The call-out kinds a source may use; each shows a title in the guide's language when the source
# gives none (`labels.labels(lang)[kind]`). A `contact` call-out holds nothing in the source: the
# theme's contact block is put into it when the guide is rendered (theme.wear).
CALLOUTS = ("key-points", "note", "warning", "ask", "contact")


# The guide ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Meta:
    title: str
    lang: str
    date: dt.date
    subtitle: str = ""
    version: str = ""
    organisation: str = ""
    audience: str = ""
    reading_grade: float = 8
    strict_reading: bool = False
    terms: tuple[str, ...] = ()   # medical terms this guide adds to the shipped list
    short_title: str = ""         # for the running footer, when the title is long
    # The guide's own words for labels its language's catalog lacks (front matter `labels:`, written by
    # the translation import): ((key, text), ...) in the order of `languages.catalog.ENGLISH`.
    labels: tuple[tuple[str, str], ...] = ()
    # The front-matter line of each field the source gives, e.g. (("title", 2), ("lang", 3)): what a
    # check needs to point at a setting. Not part of what the guide is.
    field_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def line_of(self, name: str) -> int | None:
        """The line of a field in the source, or None when the source does not give it."""
        return dict(self.field_lines).get(name)

    @property
    def own_labels(self) -> dict[str, str]:
        """The guide's own labels, for `languages.labels(lang, folders, own=meta.own_labels)`."""
        return dict(self.labels)

    @property
    def running_title(self) -> str:
        return self.short_title or self.title


@dataclass(frozen=True)
class Section:
    """A top-level section: a level-2 heading (None for text before the first) and what follows."""
    heading: Heading | None
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str:
        """The heading; text before the first heading is named by what it is: a lone call-out (the
        key points) by its own title, anything else "Opening text"."""
        if self.heading:
            return plain_text(self.heading.content)
        if len(self.blocks) == 1 and isinstance(self.blocks[0], Callout):
            return self.blocks[0].title
        return "Opening text"

    @property
    def id(self) -> str:
        return self.heading.id if self.heading else "introduction"


@dataclass(frozen=True)
class Guide:
    meta: Meta
    blocks: tuple[Block, ...]
    path: Path                    # the source file, e.g. source/als-pathophysiology/en.md
    slug: str = field(default="")  # the guide's folder name

    @property
    def folder(self) -> Path:
        return self.path.parent

    def sections(self) -> tuple[Section, ...]:
        sections: list[Section] = []
        heading, blocks = None, []
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 2:
                if heading or blocks:
                    sections.append(Section(heading, tuple(blocks)))
                heading, blocks = block, []
            else:
                blocks.append(block)
        if heading or blocks:
            sections.append(Section(heading, tuple(blocks)))
        return tuple(sections)

    def images(self) -> tuple[Image, ...]:
        return tuple(b for b in walk(self.blocks) if isinstance(b, Image))

    def glossary(self) -> tuple[Definition, ...]:
        return tuple(e for b in walk(self.blocks) if isinstance(b, DefinitionList) for e in b.entries)


def inline_parts(block: Block):
    """(inline content, location) of each run of words a block holds itself: its heading or
    paragraph text, each table cell, each glossary term and meaning (not those of inner blocks)."""
    if isinstance(block, (Heading, Paragraph)):
        yield block.content, block.loc
    elif isinstance(block, Table):
        for row in (block.header, *block.rows):
            for cell in row:
                yield cell, block.loc
    elif isinstance(block, DefinitionList):
        for entry in block.entries:
            yield entry.term, entry.loc
            yield entry.meaning, entry.loc


def has_kind(inlines: tuple[Inline, ...], kind: str) -> bool:
    return any(x.kind == kind or (not isinstance(x, Text) and has_kind(x.children, kind)) for x in inlines)


def walk(blocks: tuple[Block, ...]):
    """Every block, depth first, including those inside call-outs and list items."""
    for block in blocks:
        yield block
        if isinstance(block, Callout):
            yield from walk(block.blocks)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from walk(item.blocks)


NOWHERE = Location("", 0)


def without_locations(value):
    """`value` with every Location, and a guide's path and slug, blanked: two readings of the same
    text then compare equal wherever the text lay (the writer's round trip is tested so)."""
    if isinstance(value, Location):
        return NOWHERE
    if isinstance(value, tuple):
        return tuple(without_locations(x) for x in value)
    if not dataclasses.is_dataclass(value):
        return value
    changes = {f.name: without_locations(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, Guide):
        changes.update(path=Path(), slug="")
    return dataclasses.replace(value, **changes)
