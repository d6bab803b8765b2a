"""Properties, with Hypothesis: any guide's words and inline markup go out as XLIFF or PO and come back
exactly, whatever characters they hold (`<`, `&`, `*`, `[`, `{{` ... in every script).

PO says markup in Markdown, so it carries what the source package's inline writer can say: content
in Markdown's normal form (`expressible`) that the writer writes back as itself. That the writer does
so for all of it is the writer's own property; here the rest of the way is: escaping, ids, the header.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import string
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from plainpress import model as m

from plainpress.source.inline_reader import read_inlines
from plainpress.source.inline_writer import expressible, write_inlines
from plainpress.translate.po import export_po, read_po
from plainpress.translate.xliff import export_xliff, read_xliff
from returned_files import as_given, saved
from test_po import translated_as_source as po_translated_as_source
from test_xliff import translated_as_source as xliff_translated_as_source

AT = m.Location("source/generated/en.md", 1)
MARKUP = st.sampled_from(["<", "&", "&amp;", "*", "**", "_", "[", "]", "](", "{{", "}}", "{lang=es}", "`", "\\",
                          "<b>", "<https://x.org>", "!", "#", "|", " ", "  "])
LETTERS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co", "Zl", "Zp")), min_size=1, max_size=6)
TEXT = st.lists(st.one_of(LETTERS, MARKUP), min_size=1, max_size=5).map("".join)
PATH = st.text(string.ascii_letters + string.digits + "-._~/?=&()", max_size=12)
HREF = st.one_of(PATH.map("https://example.org/".__add__), st.just("mailto:clinic@example.org"), st.just("tel:+15550100"))
LANG = st.sampled_from(["es", "fr", "pt-BR", "zh-Hant"])


def with_children(inner):
    children = st.lists(inner, min_size=1, max_size=3).map(tuple)
    return st.one_of(st.builds(m.Strong, children), st.builds(m.Emphasis, children),
                     st.builds(m.Link, HREF, children), st.builds(m.Foreign, LANG, children))


def normal(content: tuple[m.Inline, ...]) -> tuple[m.Inline, ...]:
    """Adjacent text as one run, at every depth: the form every reader gives."""
    return m.merged_text([x if isinstance(x, m.Text) else dataclasses.replace(x, children=normal(x.children))
                        for x in content])


CONTENT = st.lists(st.recursive(st.builds(m.Text, TEXT), with_children, max_leaves=8), min_size=1, max_size=4) \
    .map(tuple).map(normal)


def guide_of(contents: list[tuple[m.Inline, ...]]) -> m.Guide:
    heading, *paragraphs = contents
    blocks = (m.Heading(2, heading, "section", AT),
              *(m.Paragraph(c, f"section-{n}", AT) for n, c in enumerate(paragraphs, 1)),
              m.DefinitionList((m.Definition(heading, contents[-1], AT),), "section-glossary", AT))
    meta = m.Meta(title="A generated guide", lang="en", date=dt.date(2026, 1, 31), version="1")
    return m.Guide(meta, blocks, Path("source/generated/en.md"), "generated")


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(st.lists(CONTENT, min_size=1, max_size=4))
@example(contents=[(m.Strong((m.Text("0"),)),)])  # a unit that opens with a code: no indent inside <source>
def test_any_guide_comes_back_whole_through_xliff(tmp_path, contents):
    guide = guide_of(contents)
    root = xliff_translated_as_source(export_xliff(guide, "es", {}))
    returned = read_xliff(saved(tmp_path, "es.xlf", etree.tostring(root)), guide)
    assert returned.texts == as_given(guide) and returned.mismatches == []


@PROPERTY
@given(st.lists(CONTENT.map(expressible), min_size=1, max_size=4))
def test_any_guide_markdown_can_say_comes_back_whole_through_po(tmp_path, contents):
    assume(all(read_inlines(write_inlines(c))[0] == c for c in contents))
    guide = guide_of(contents)
    translated = po_translated_as_source(export_po(guide, "es", {}))
    returned = read_po(saved(tmp_path, "es.po", str(translated).encode("utf-8")), guide)
    assert returned.texts == as_given(guide) and returned.mismatches == []
