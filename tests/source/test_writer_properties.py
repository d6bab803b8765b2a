"""The writer's property, with Hypothesis: read(write(guide)) == guide, locations aside.

Guides are built directly as models: text in several scripts full of what means something in
Markdown, HTML or Jinja; bold, italics, links and language spans nested; lists nested with start
numbers; tables; call-outs with and without titles; glossaries; pictures under awkward names;
headings with ids of their own.

They are built in the reader's normal form, which is what the writer gives back exactly:
- text: no control characters or line breaks (the reader joins a paragraph's lines with a space);
  no whitespace at the ends of a paragraph, heading, table cell, glossary term or meaning, alt text,
  call-out title or front-matter value (the reader strips them); runs of spaces inside are kept;
  adjacent runs of text are one Text, and no Text is empty;
- bold and italics: not empty, no whitespace at their inner edges (`** a **` is not bold), no bold
  directly inside bold nor italics inside italics, no two bold (or two italic) runs side by side
  (the writer smooths all of these: see test_writer.py);
- links: no link or language span inside a link (markdown-it reads neither); the address as
  markdown-it normalises it (percent-encoded, the host name in punycode);
- ids: a heading's id is its own or what its words give; every other block's id, and a call-out's
  level, is what the reader derives (the writer cannot write them: they follow from the text);
- structure: what the reader accepts (sections from `##` without skipped levels, `##` headings
  that differ, lists at most 3 deep with no empty item, no two glossaries side by side, every
  table row as wide as its header, pictures that exist).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE
from plainpress import model as m
from plainpress.languages import labels
from plainpress.source import read_guide
from plainpress.source.body import markdown
from plainpress.source.headings import Ids
from plainpress.source.writer import write_guide

AT = m.NOWHERE
LETTERS = "abcxyzABC019éñøçßłğșÅ" + "αβγΩ" + "жщюЯ" + "中文字" + "عربي" + "हिन्दी"
MARKUP = ["*", "**", "_", "__", "`", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "&#65;", "<b>", "</p>",
          "<https://x.org>", "<a@b.org>", "{{", "}}", "{%", "%}", "{#", "#}", "{#id}", "{lang=es}", "#", "##",
          "-", "+", "1.", "2)", ":", ":::", "~", "~~~", "|", "\\", "!", "=", "---", "***", "'", '"', ".", ",",
          "?", "¿", "«", "»", "—", "…", "\u00a0", "%", "$", "^"]
SEPARATORS = [" ", " ", " ", "", "  ", "\t"]

token = st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=6), st.sampled_from(MARKUP))
raw_text = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), min_size=1, max_size=6).map(
    lambda pairs: "".join(t + s for t, s in pairs))
words = raw_text.map(str.strip).filter(bool)   # text that a reader would not strip
HREFS = st.builds(lambda base, path: markdown().normalizeLink(base + path),
                  st.sampled_from(["https://example.org/", "http://bücher.example/", "mailto:", "tel:+44"]),
                  st.text(alphabet="abc_*()&;#%20é |<>\\[]", max_size=12))
LANGS = st.sampled_from(["es", "fr", "pt-BR", "zh-Hant", "ar"])


# Inline content ------------------------------------------------------------------------------------

def inlines(depth: int, within: type | None = None, in_link: bool = False):
    """Lists of inlines: bold never directly in bold (nor italics in italics), nothing linked in a link."""
    text = raw_text.map(m.Text)
    if depth == 0:
        return st.lists(text, min_size=1, max_size=3)
    kinds = [k for k in (m.Strong, m.Emphasis) if k is not within] + ([] if in_link else [m.Link, m.Foreign])
    inner = {k: inlines(depth - 1, k, in_link or k is m.Link) for k in kinds}
    containers = [inner[k].map(lambda c, k=k: k(_edges_stripped(c))) for k in kinds if k in (m.Strong, m.Emphasis)]
    if not in_link:
        containers += [st.builds(lambda h, c: m.Link(h, normal(c)), HREFS, inner[m.Link]),
                       st.builds(lambda lang, c: m.Foreign(lang, normal(c)), LANGS, inner[m.Foreign])]
    return st.lists(st.one_of(text, *containers), min_size=1, max_size=4)


def _edges_stripped(children: list[m.Inline]) -> tuple[m.Inline, ...]:
    """Bold or italic content without whitespace at its inner edges, and never empty."""
    items = list(normal(children))
    if items and isinstance(items[0], m.Text):
        items[0] = m.Text(items[0].text.lstrip())
    if items and isinstance(items[-1], m.Text):
        items[-1] = m.Text(items[-1].text.rstrip())
    return normal(items) or (m.Text("x"),)


def normal(items) -> tuple[m.Inline, ...]:
    """Adjacent text as one run, no empty text, a space between two bold (or two italic) runs."""
    out: list[m.Inline] = []
    for item in items:
        if isinstance(item, m.Text) and not item.text:
            continue
        if out and isinstance(item, m.Text) and isinstance(out[-1], m.Text):
            out[-1] = m.Text(out[-1].text + item.text)
            continue
        if out and type(item) is type(out[-1]) and isinstance(item, (m.Strong, m.Emphasis)):
            out.append(m.Text(" "))
        out.append(item)
    return tuple(out)


def stripped(items) -> tuple[m.Inline, ...]:
    """Content of a paragraph, heading, cell, term or meaning: the reader strips its ends."""
    items = list(normal(items))
    if items and isinstance(items[0], m.Text):
        items[0] = m.Text(items[0].text.lstrip())
    if items and isinstance(items[-1], m.Text):
        items[-1] = m.Text(items[-1].text.rstrip())
    return normal(items)


content = inlines(2).map(stripped).filter(lambda c: m.plain_text(c).strip() != "")
cell = inlines(1).map(stripped)


# Blocks ----------------------------------------------------------------------------------------------

@st.composite
def picture(draw, pictures: dict):
    name = draw(st.text(alphabet="abcéñ Ü()-_%&#;0123", min_size=1, max_size=10)) + ".png"
    pictures[name] = True
    return m.Image(name, draw(words), "", AT)


@st.composite
def a_list(draw, pictures: dict, depth: int = 1):
    def item_blocks():
        first = [st.builds(lambda c: m.Paragraph(c, "", AT), content), picture(pictures)]
        more = first + ([a_list(pictures, depth + 1)] if depth < 3 else [])
        return st.tuples(st.one_of(*more if depth < 3 and draw(st.booleans()) else first),
                         st.lists(st.one_of(*more), max_size=2)).map(lambda fm: (fm[0], *fm[1]))
    items = draw(st.lists(item_blocks().map(lambda b: m.ListItem(tuple(b), AT)), min_size=1, max_size=3))
    ordered = draw(st.booleans())
    start = draw(st.one_of(st.integers(0, 12), st.integers(0, 10**9 - 10))) if ordered else 1
    return m.ListBlock(ordered, tuple(items), "", AT, start)


@st.composite
def table(draw):
    width = draw(st.integers(1, 3))
    row = st.lists(cell, min_size=width, max_size=width).map(tuple)
    return m.Table(draw(row), tuple(draw(st.lists(row, max_size=3))), "", AT)


@st.composite
def glossary(draw):
    entry = st.builds(lambda t, d: m.Definition(t, d, AT), content, content)
    return m.DefinitionList(tuple(draw(st.lists(entry, min_size=1, max_size=3))), "", AT)


def simple_block(pictures: dict):
    return st.one_of(st.builds(lambda c: m.Paragraph(c, "", AT), content), a_list(pictures), table(),
                     glossary(), picture(pictures))


@st.composite
def callout(draw, pictures: dict, lang: str):
    style = draw(st.sampled_from(sorted(m.CALLOUTS)))
    title = draw(st.one_of(st.just(labels(lang)[style]), words))   # the language's own title, or another
    # a contact call-out holds nothing in the source: the theme's contact block fills it when rendered
    inner = [] if style == "contact" else draw(st.lists(simple_block(pictures), min_size=1, max_size=3))
    return m.Callout(style, title, 0, apart(inner), "", AT)


@st.composite
def heading(draw, level: int):
    own = draw(st.one_of(st.just(""), st.from_regex(r"[a-zé_][a-z0-9é_-]{0,8}", fullmatch=True)))
    return m.Heading(level, draw(content), own, AT)


def apart(blocks) -> tuple[m.Block, ...]:
    """Two glossaries side by side are one to the reader: put a paragraph between them."""
    out: list[m.Block] = []
    for block in blocks:
        if out and isinstance(block, m.DefinitionList) and isinstance(out[-1], m.DefinitionList):
            out.append(m.Paragraph((m.Text("And:"),), "", AT))
        out.append(block)
    return tuple(out)


@st.composite
def body(draw, pictures: dict, lang: str):
    blocks, level, sections = [], 1, set()
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.sampled_from(["heading", "heading", "callout", "block", "block"]))
        if kind == "heading":
            new = draw(heading(draw(st.integers(2, min(level + 1, 4))) if level > 1 else 2))
            title = m.plain_text(new.content).strip().casefold()
            if new.level == 2 and title in sections:
                continue
            sections.add(title) if new.level == 2 else None
            blocks.append(new)
            level = new.level
        else:
            blocks.append(draw(callout(pictures, lang) if kind == "callout" else simple_block(pictures)))
    return with_reader_ids(apart(blocks))


def with_reader_ids(blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
    """Ids and call-out levels as the reader derives them; a heading keeps an id of its own that is free."""
    ids, level = Ids(), [1]

    def assign(block):
        if isinstance(block, m.Heading):
            free = block.id and block.id != "introduction" and block.id not in ids.lines
            own = block.id if free else ids.derived(m.plain_text(block.content).strip())
            level[0] = block.level
            return dataclasses.replace(block, id=ids.heading(block.level, own, 0))
        changes = {"id": ids.block(0)}
        if isinstance(block, m.Callout):
            changes.update(level=level[0] + 1, blocks=tuple(assign(b) for b in block.blocks))
        if isinstance(block, m.ListBlock):
            changes["items"] = tuple(m.ListItem(tuple(assign(b) for b in item.blocks), AT) for item in block.items)
        return dataclasses.replace(block, **changes)
    return tuple(assign(b) for b in blocks)


TITLES = ["Diabetes: what to know", "1.0", "yes", "#1", "null", "- dash", "'quoted'", 'say "ah"', "a # b",
          "2026-01-31", "[x]", "Cuide sus pies", "ELA: lo básico"]


@st.composite
def meta(draw):
    lang = draw(st.sampled_from(["en", "es", "pt-BR"]))
    text = st.one_of(st.just(""), words.filter(lambda w: len(w) <= 45))
    return m.Meta(title=draw(st.one_of(st.sampled_from(TITLES), words.filter(lambda w: len(w) <= 45))),
                  lang=lang, date=draw(st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1))),
                  subtitle=draw(text), version=draw(st.one_of(st.just(""), st.sampled_from(["1.0", "2", "v3"]), words)),
                  organisation=draw(text), audience=draw(text), short_title=draw(text),
                  reading_grade=draw(st.one_of(st.integers(1, 18), st.sampled_from([6.5, 7.25]))),
                  strict_reading=draw(st.booleans()), terms=tuple(draw(st.lists(words, max_size=3))))


# The property ----------------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_a_written_guide_reads_back_as_the_same_guide(tmp_path_factory, data):
    pictures: dict = {}
    drawn = data.draw(meta())
    guide = m.Guide(drawn, data.draw(body(pictures, drawn.lang)), Path())
    folder = tmp_path_factory.mktemp("written")
    for name in pictures:
        shutil.copy(SAMPLE.parent / "shapes.png", folder / name)
    path = folder / f"{guide.meta.lang}.md"
    path.write_text(write_guide(guide), encoding="utf-8")
    assert m.without_locations(read_guide(path)) == m.without_locations(guide), path.read_text(encoding="utf-8")
