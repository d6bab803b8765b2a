"""The reader: good sources become the model, with locations and stable ids."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ALS, ROOT, SAMPLE
from plainpress import model as m
from plainpress.source import SourceError, read_guide


def test_front_matter_becomes_meta():
    meta = read_guide(SAMPLE).meta
    assert meta == m.Meta(title="A sample guide", lang="en", date=dt.date(2026, 1, 31), subtitle="Every kind of block",
                          version="2.1", organisation="Sample clinic", audience="Test readers", reading_grade=6)


def test_reading_grade_defaults_to_8(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\nHello.\n", encoding="utf-8")
    assert read_guide(path).meta.reading_grade == 8


def test_every_kind_of_block_is_read_with_its_line():
    guide = read_guide(SAMPLE)
    kinds = [(type(b).__name__, b.loc.line) for b in guide.blocks]
    assert kinds == [("Callout", 12), ("Heading", 17), ("Paragraph", 19), ("ListBlock", 21), ("Paragraph", 24),
                     ("ListBlock", 26), ("Callout", 28), ("Image", 32), ("Heading", 34), ("Table", 36),
                     ("Callout", 41), ("Heading", 45), ("Callout", 47), ("Heading", 52), ("DefinitionList", 54)]


def test_inline_content_keeps_bold_links_and_foreign_phrases():
    guide = read_guide(SAMPLE)
    key_points = guide.blocks[0]
    assert key_points.style == "key-points" and key_points.title == "Key points" and key_points.level == 2
    first_item = key_points.blocks[0].items[0].blocks[0]
    assert first_item.content == (m.Text("Take your pills "), m.Strong((m.Text("every day"),)), m.Text("."))
    assert guide.blocks[2].content[1] == m.Foreign("es", (m.Text("buenos días"),))
    note = guide.blocks[10]
    assert note.title == "Good to know" and note.level == 4
    assert note.blocks[0].content[1] == m.Link("https://example.org/pills", (m.Text("our website"),))


def test_bold_or_a_link_at_either_end_leaves_no_empty_text(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\n**Bold** and [a **b**](https://e.org)\n",
                    encoding="utf-8")
    [paragraph] = read_guide(path).blocks
    assert paragraph.content == (m.Strong((m.Text("Bold"),)), m.Text(" and "),
                                 m.Link("https://e.org", (m.Text("a "), m.Strong((m.Text("b"),)))))


def test_tables_images_and_glossary():
    guide = read_guide(SAMPLE)
    table = guide.blocks[9]
    assert [m.plain_text(c) for c in table.header] == ["Time", "Pill"]
    assert [[m.plain_text(c) for c in row] for row in table.rows] == [["Morning", "One white pill"], ["Night", "One blue pill"]]
    assert guide.images() == (m.Image("shapes.png", "A square and a circle, drawn in black lines", "your-medicines-10",
                                      m.Location(str(SAMPLE), 32)),)
    assert [(m.plain_text(d.term), m.plain_text(d.meaning)) for d in guide.glossary()] == [
        ("Pill", "A small tablet of medicine that you swallow.")]


def test_ids_are_stable_and_unique():
    first, second = read_guide(ALS), read_guide(ALS)
    ids = [b.id for b in m.walk(first.blocks)]
    assert ids == [b.id for b in m.walk(second.blocks)]
    assert len(ids) == len(set(ids))
    assert ids[:3] == ["what-is-als", "what-is-als-1", "what-happens-to-the-nerve-cells"]


def test_sections_are_cut_at_level_2_headings():
    sections = read_guide(SAMPLE).sections()
    assert [s.title for s in sections] == ["Key points", "Your medicines", "Questions", "Glossary"]
    assert [len(s.blocks) for s in sections] == [1, 9, 1, 1]


def test_crlf_and_bom_read_like_plain_text(tmp_path):
    text = "---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\n## A\n\nHello there.\n"
    plain, odd = tmp_path / "a" / "en.md", tmp_path / "b" / "en.md"
    for path, data in ((plain, text.encode()), (odd, b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())):
        path.parent.mkdir()
        path.write_bytes(data)
    assert read_guide(plain).blocks == tuple(
        type(b)(**{**b.__dict__, "loc": m.Location(str(plain), b.loc.line)}) for b in read_guide(odd).blocks)


def test_a_glossary_meaning_of_two_paragraphs_reads_as_one(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\n## Glossary\n\nPill\n"
                    ": A small tablet.\n\n    You swallow it.\n", encoding="utf-8")
    [entry] = read_guide(path).glossary()
    assert m.plain_text(entry.meaning) == "A small tablet. You swallow it."


def test_a_title_that_needs_escaping_reaches_the_pdf_footer_as_written(tmp_path):
    from outputs_text import pdf_text
    from plainpress.render.pdf import render_pdf
    path = tmp_path / "en.md"
    title = 'Say "ah" </style> \\ & go'
    path.write_text(f"---\ntitle: '{title}'\nlang: en\ndate: 2026-01-01\n---\n\n## A\n\nHello.\n", encoding="utf-8")
    (tmp_path / "g.pdf").write_bytes(render_pdf(read_guide(path)))
    assert pdf_text(tmp_path / "g.pdf", margin=0).splitlines()[-1] == f"{title} - page 1 of 1"


# Writers' Markdown: `# Title`, sections at `#`, italics ----------------------------------------------

def _source(tmp_path, front: str, body: str):
    path = tmp_path / "en.md"
    path.write_text(f"---\n{front}lang: en\ndate: 2026-01-31\n---\n\n{body}", encoding="utf-8")
    return read_guide(path)


def _outline(guide) -> list[tuple[int, str]]:
    return [(b.level, m.plain_text(b.content)) for b in guide.blocks if isinstance(b, m.Heading)]


def test_a_leading_hash_heading_is_the_title_and_hash_sections_move_down_one_level():
    guide = read_guide(ROOT / "tests" / "fixtures" / "unusual" / "writers-markdown" / "en.md")
    assert guide.meta.title == "Taking your pills"
    assert _outline(guide) == [(2, "Your pills"), (3, "In the morning"), (2, "Questions")]
    assert isinstance(guide.blocks[0], m.Callout)  # the title heading is not a block


def test_a_hash_title_that_matches_title_is_the_title_not_a_section(tmp_path):
    guide = _source(tmp_path, "title: Taking  your pills\n", "# Taking your **pills**\n\n## Your pills\n\nText.\n")
    assert guide.meta.title == "Taking  your pills" and _outline(guide) == [(2, "Your pills")]


def test_hash_sections_under_a_title_from_the_front_matter(tmp_path):
    guide = _source(tmp_path, "title: Taking your pills\n", "# Your pills\n\nText.\n\n## Morning\n\nMore.\n")
    assert guide.meta.title == "Taking your pills"
    assert _outline(guide) == [(2, "Your pills"), (3, "Morning")]


def test_too_deep_is_said_in_the_writers_own_marks(tmp_path):
    with pytest.raises(SourceError) as caught:
        _source(tmp_path, "", "# Title\n\n# A\n\n## B\n\n### C\n\n#### D\n\nText.\n")
    assert str(caught.value).endswith("en.md:14: `####` is a heading too deep for large print; use `#`, `##` or `###` "
                                      "(three levels of sections at most)")


def test_italics_are_emphasis_shown_in_bold_and_reported_as_information(tmp_path):
    from plainpress.checks import run_checks
    guide = _source(tmp_path, "title: Pills\n", "## Pills\n\nTake one\nand swallow it *slowly*.\n")
    paragraph = guide.blocks[1]
    assert paragraph.content == (m.Text("Take one and swallow it "), m.Emphasis((m.Text("slowly"),)), m.Text("."))
    [finding] = [f for f in run_checks(guide)[1] if f.rule == "plain.italic"]
    assert (finding.severity, finding.location) == ("info", f"{guide.path}:9")
    assert "slowly" in finding.message


def test_a_file_named_after_its_language_in_other_letters_is_that_language(tmp_path):
    path = tmp_path / "pt-br.md"
    path.write_text("---\ntitle: Guia\nlang: pt-BR\ndate: 2026-01-31\n---\n\n## Uma parte\n\nTexto.\n", encoding="utf-8")
    assert read_guide(path).meta.lang == "pt-BR"


def test_a_writers_comment_reaches_no_output_and_lines_keep_their_numbers(tmp_path):
    guide = _source(tmp_path, "title: Pills\n",
                    "## Pills\n\n<!-- note for the editor:\ncheck the dose -->\n\nTake one pill. <!-- stays -->\n")
    [heading, paragraph] = guide.blocks
    assert m.plain_text(paragraph.content) == "Take one pill. <!-- stays -->" and paragraph.loc.line == 12
# Headings with their own ids: ` {#id}` ---------------------------------------------------------------

def _ids(guide) -> list[str]:
    return [b.id for b in m.walk(guide.blocks)]


def test_a_heading_takes_its_own_id_and_loses_it_from_its_words(tmp_path):
    guide = _source(tmp_path, "title: ELA\n", "## Qué es la **ELA** {#what-is-als}\n\nTexto.\n\n"
                                              "### Más   {#más_datos-2}\n\n- uno\n")
    first, _, sub, _ = guide.blocks  # a heading, a paragraph, a heading and a list of one item
    assert first.content == (m.Text("Qué es la "), m.Strong((m.Text("ELA"),)))
    assert m.plain_text(sub.content) == "Más"
    assert _ids(guide) == ["what-is-als", "what-is-als-1", "más_datos-2", "what-is-als-2", "what-is-als-3"]


def test_a_translation_that_keeps_the_section_ids_gets_the_same_block_ids(tmp_path):
    body = "## {h1}\n\n{p}\n\n- {li}\n\n## {h2}\n\nALS\n: {d}\n"
    en = _write(tmp_path / "en", body.format(h1="What is ALS?", p="Text.", li="One", h2="Glossary", d="A disease."))
    es = _write(tmp_path / "es", body.format(h1="¿Qué es la ELA? {#what-is-als}", p="Texto.", li="Uno",
                                             h2="Palabras {#glossary}", d="Una enfermedad."))
    assert _ids(es) == _ids(en) == ["what-is-als", "what-is-als-1", "what-is-als-2", "what-is-als-3", "glossary", "glossary-1"]


def _write(folder, body: str):
    folder.mkdir(parents=True)
    return _source(folder, "title: ALS\n", body)


def test_braces_typed_as_text_stay_in_the_heading(tmp_path):
    guide = _source(tmp_path, "title: T\n", "## Use \\{#this} {#own}\n\n## A {#b}c\n\n## {{ name }}\n")
    assert [(m.plain_text(h.content), h.id) for h in guide.blocks] == [
        ("Use {#this}", "own"), ("A {#b}c", "a-b-c"), ("{{ name }}", "name")]


def test_an_own_id_that_a_later_heading_would_derive_moves_that_one_on(tmp_path):
    guide = _source(tmp_path, "title: T\n", "## First {#pills}\n\nOne.\n\n## Pills\n\nTwo.\n")
    assert _ids(guide) == ["pills", "pills-1", "pills-2", "pills-2-1"]


def test_a_front_matter_key_that_is_a_list_is_a_problem_not_a_crash(tmp_path):
    from plainpress.source import SourceError, read_guide
    path = tmp_path / "g" / "en.md"
    path.parent.mkdir()
    path.write_text("---\n[^1]: a note\ntitle: T\nlang: en\ndate: 2026-10-01\n---\n\n## A\n\nText.\n")
    with pytest.raises(SourceError) as err:
        read_guide(path)
    assert str(err.value) == (f"{path}:2: `[^1]: a note` is not a field: a field's name is a word, such as `title`; "
                              "write the field as `name: value`, or delete the line")
