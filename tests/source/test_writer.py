"""The source writer: Guide -> Markdown, the reader's inverse (read(write(guide)) == guide).

Examples here; generated guides in test_writer_properties.py, which also says which guides the
writer gives back exactly (the reader's normal form).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import ALS, FIXTURES, ROOT, SAMPLE
from plainpress import model as m
from plainpress.source import read_guide
from plainpress.source.writer import write_guide

HAND_WRITTEN = sorted([ALS, ROOT / "source" / "als-basics" / "en.md", *FIXTURES.glob("good/*/*.md"),
                       *FIXTURES.glob("unusual/*/en.md")])
AT = m.NOWHERE


def reread(guide: m.Guide, folder: Path) -> m.Guide:
    """`guide` written into `folder` (where its pictures are) and read back."""
    path = folder / f"{guide.meta.lang}.md"
    path.write_text(write_guide(guide), encoding="utf-8")
    return read_guide(path)


def round_trip(source: Path, tmp_path: Path) -> tuple[m.Guide, m.Guide]:
    folder = tmp_path / source.parent.name
    shutil.copytree(source.parent, folder)
    original = read_guide(source)
    return original, reread(original, folder)


@pytest.mark.parametrize("source", HAND_WRITTEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_hand_written_source_comes_back_the_same(source, tmp_path):
    original, again = round_trip(source, tmp_path)
    assert m.without_locations(again) == m.without_locations(original)


def test_the_sample_is_written_as_it_was_typed():
    assert write_guide(read_guide(SAMPLE)) == SAMPLE.read_text(encoding="utf-8")


def test_without_locations_ignores_where_a_guide_lies_and_nothing_else(tmp_path):
    original, again = round_trip(SAMPLE, tmp_path)
    assert original != again  # another path, and so other locations
    assert m.without_locations(original) == m.without_locations(again)
    shorter = dataclasses.replace(again, blocks=again.blocks[:-1])
    retitled = dataclasses.replace(again, meta=dataclasses.replace(again.meta, title="Other"))
    for changed in (shorter, retitled):
        assert m.without_locations(changed) != m.without_locations(original)


# Front matter ------------------------------------------------------------------------------------

def guide(*blocks: m.Block, **meta) -> m.Guide:
    fields = {"title": "Pills", "lang": "en", "date": dt.date(2026, 1, 31), **meta}
    return m.Guide(m.Meta(**fields), blocks or (paragraph("Hello."),), Path())


def paragraph(*content) -> m.Paragraph:
    return m.Paragraph(tuple(m.Text(c) if isinstance(c, str) else c for c in content), "", AT)


def front(text: str) -> list[str]:
    return text.split("---\n")[1].splitlines()


def test_front_matter_holds_the_fields_that_differ_from_their_defaults_in_the_readers_order():
    meta = dict(title="Pills", short_title="P", subtitle="Sub", lang="es", version="2", organisation="Org",
                audience="All", reading_grade=6.5, strict_reading=True, terms=("walker", "feeding tube"))
    assert front(write_guide(guide(**meta))) == [
        "title: Pills", "short_title: P", "subtitle: Sub", "lang: es", 'version: "2"', "date: 2026-01-31",
        "organisation: Org", "audience: All", "reading_grade: 6.5", "strict_reading: true",
        "terms: [walker, feeding tube]"]
    assert front(write_guide(guide())) == ["title: Pills", "lang: en", "date: 2026-01-31"]


@pytest.mark.parametrize("title", ["Diabetes: what to know", "1.0", "yes", "#1", "null", "- a dash", "[a]",
                                   "'quoted'", 'say "ah"', "a # b", "@home", "%1", "2026-01-31", "&x", "*x"])
def test_a_title_that_yaml_would_misread_is_quoted(title, tmp_path):
    assert reread(guide(title=title), tmp_path).meta.title == title


def test_a_title_is_quoted_only_when_it_must_be():
    assert front(write_guide(guide(title="Clínica San Martín: no")))[0] == 'title: "Clínica San Martín: no"'
    assert front(write_guide(guide(title="Cuide sus pies")))[0] == "title: Cuide sus pies"


def test_terms_that_need_quotes_come_back_whole(tmp_path):
    terms = ("a, b", "[x]", "yes", "é")
    assert reread(guide(terms=terms), tmp_path).meta.terms == terms


# Text ---------------------------------------------------------------------------------------------

def body(*blocks: m.Block) -> str:
    return write_guide(guide(*blocks)).split("---\n", 2)[2].strip("\n")


@pytest.mark.parametrize("text, written", [
    ("Take 2. Then rest, don't run.", "Take 2. Then rest, don't run."),
    ("1. first", "1\\. first"), ("2) second", "2\\) second"), ("- dash", "\\- dash"), ("+ plus", "\\+ plus"),
    ("# hash", "\\# hash"), ("#1 priority", "#1 priority"), ("> quote", "\\> quote"), ("---", "\\---"),
    ("::: note", "\\::: note"), (": meaning", "\\: meaning"), ("~~~", "\\~~~"),
    ("a *b* _c_ `d` [e] \\f", "a \\*b\\* \\_c\\_ \\`d\\` \\[e\\] \\\\f"), ("file_name", "file_name"),
    ("2 < 3 > 1 & so", "2 < 3 > 1 & so"), ("<b>bold</b>", "<b>bold</b>"), ("<https://x.org>", "\\<https://x.org>"),
    ("<a@b.org>", "\\<a@b.org>"), ("&amp; &#65;", "\\&amp; \\&#65;"), ("{{ x }} {% y %} {# z #}", "{{ x }} {% y %} {# z #}"),
    ("Stop! Now", "Stop! Now"), ("a | b", "a | b"),
])
def test_text_is_escaped_only_where_markup_could_start(text, written, tmp_path):
    assert body(paragraph(text)) == written
    again = reread(guide(paragraph(text)), tmp_path).blocks[0]
    assert again.content == (m.Text(text),)


def test_markup_next_to_links_and_bold_stays_text(tmp_path):
    link = m.Link("https://example.org", (m.Text("here"),))
    para = paragraph("Click", link, "{lang=es} or !", m.Link("https://x.org", (m.Text("y"),)))
    assert body(para) == "Click[here](https://example.org)\\{lang=es} or \\![y](https://x.org)"
    assert reread(guide(para), tmp_path).blocks[0].content == para.content


def test_a_letter_beside_bold_that_starts_with_punctuation_is_a_character_reference(tmp_path):
    para = paragraph("a", m.Strong((m.Text('"b"'),)), "c")
    assert body(para) == '&#97;**"b"**&#99;'
    assert reread(guide(para), tmp_path).blocks[0].content == para.content


def test_bold_inside_italics_and_italics_inside_bold_use_other_markers(tmp_path):
    para = paragraph(m.Strong((m.Emphasis((m.Text("both"),)),)), " and ",
                     m.Emphasis((m.Strong((m.Text("x"),)), m.Text(" y"))))
    assert body(para) == "**_both_** and *__x__ y*"
    assert reread(guide(para), tmp_path).blocks[0].content == para.content


def test_what_markdown_cannot_say_is_smoothed_without_losing_words(tmp_path):
    para = paragraph("a", m.Strong((m.Text(" b "),)), m.Strong((m.Strong((m.Text("c"),)),)),
                     m.Link("https://x.org", (m.Foreign("es", (m.Text("sí"),)),)))
    again = reread(guide(para), tmp_path).blocks[0].content
    assert again == (m.Text("a "), m.Strong((m.Text("b"),)), m.Text(" "), m.Strong((m.Text("c"),)),
                     m.Foreign("es", (m.Link("https://x.org", (m.Text("sí"),)),)))


def test_a_paragraph_stays_on_one_line():
    assert body(paragraph("One.\nTwo. " + "word " * 100 + "end.")).count("\n") == 0


# Headings ------------------------------------------------------------------------------------------

def heading(text: str, id: str, level: int = 2) -> m.Heading:
    return m.Heading(level, (m.Text(text),), id, AT)


def test_a_heading_gets_an_id_written_only_when_its_words_would_not_give_it(tmp_path):
    blocks = (heading("What is ALS?", "what-is-als"), paragraph("a"), heading("Qué es", "what-is"),
              heading("Más", "más", 3), heading("Pills", "pills"), heading("Pills", "pills-2", 3),
              heading("Why #", "why", 3), heading("A {#b}", "a-b", 3))
    assert body(*blocks).split("\n\n") == [
        "## What is ALS?", "a", "## Qué es {#what-is}", "### Más", "## Pills", "### Pills",
        "### Why \\#", "### A \\{#b}"]
    again = reread(guide(*blocks), tmp_path)
    assert [(m.plain_text(b.content), b.id) for b in again.blocks if isinstance(b, m.Heading)] == \
        [(m.plain_text(b.content), b.id) for b in blocks if isinstance(b, m.Heading)]


# Blocks ------------------------------------------------------------------------------------------

def items(*texts, ordered=False, start=1) -> m.ListBlock:
    return m.ListBlock(ordered, tuple(m.ListItem((paragraph(t),), AT) for t in texts), "", AT, start)


def test_lists_nest_number_from_their_start_and_do_not_run_together():
    nested = m.ListItem((paragraph("b"), items("c", ordered=True, start=3), paragraph("d")), AT)
    blocks = (m.ListBlock(False, (m.ListItem((paragraph("a"),), AT), nested), "", AT),
              items("e"), items("f", "g", ordered=True, start=9), items("h", ordered=True))
    assert body(*blocks) == "- a\n\n- b\n\n  3. c\n\n  d\n\n* e\n\n9. f\n10. g\n\n1) h"


def test_a_nested_list_from_1_follows_its_paragraph():
    item = m.ListItem((paragraph("a"), items("b")), AT)
    assert body(m.ListBlock(True, (item,), "", AT)) == "1. a\n   - b"


def test_tables_escape_bars_and_callouts_write_only_a_title_of_their_own(tmp_path):
    table = m.Table(((m.Text("a | b"),), ()), (((m.Text("c"),), (m.Text("|"),)),), "", AT)
    note = m.Callout("note", "Note", 2, (paragraph("x"),), "", AT)
    tip = m.Callout("note", "Good to know", 2, (paragraph("y"),), "", AT)
    assert body(table, note, tip) == ("| a \\| b |  |\n|--------|---|\n| c | \\| |\n\n"
                                      "::: note\nx\n:::\n\n::: note Good to know\ny\n:::")


def test_a_glossary_is_term_then_meaning():
    terms = m.DefinitionList((m.Definition((m.Text("Pill"),), (m.Text("A tablet."),), AT),
                              m.Definition((m.Text(": odd"),), (m.Text("- also"),), AT)), "", AT)
    assert body(terms) == "Pill\n: A tablet.\n\n\\: odd\n: \\- also"


@pytest.mark.parametrize("name, written", [
    ("shapes.png", "shapes.png"), ("my shapes.png", "<my shapes.png>"), ("pie (1).png", "<pie (1).png>"),
    ("año 100%.png", "<año 100%25.png>"), ("a&amp;b.png", "a%26amp;b.png"), ("ñ.png", "ñ.png")])
def test_picture_names_survive(name, written, tmp_path):
    shutil.copy(SAMPLE.parent / "shapes.png", tmp_path / name)
    image = m.Image(name, "A [square] *and* a circle", "", AT)
    assert body(image) == f"![A \\[square\\] \\*and\\* a circle]({written})"
    again = reread(guide(image), tmp_path).blocks[0]
    assert (again.src, again.alt) == (name, image.alt)


@pytest.mark.parametrize("id", ["two words", "a}b", "introduction", "what-is-als"])
def test_a_heading_id_the_reader_would_refuse_is_refused_at_once(id):
    blocks = (heading("What is ALS?", "what-is-als"), heading("Other", id))
    with pytest.raises(ValueError, match="heading `Other`"):
        write_guide(guide(*blocks))
