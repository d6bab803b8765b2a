"""The DOCX for translators: the large-print DOCX, every unit's paragraph bookmarked, what was not in the
body (alt text, the short title) in paragraphs of their own, the target language, and the source recorded."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from conftest import FIXTURES, SAMPLE
from plainpress.render.docx import render_docx
from plainpress.source import read_guide
from plainpress.translate.docx_export import bookmark_key, export_docx, unit_styles, words_digest
from plainpress.translate.units import source_digest, units

FOOT_CARE = FIXTURES / "good" / "foot-care" / "en.md"   # it has a short title


@pytest.fixture(scope="module")
def guide():
    return read_guide(FOOT_CARE)


@pytest.fixture(scope="module")
def exported(guide) -> bytes:
    return export_docx(guide, "es")


def paragraphs(data: bytes) -> list:
    """Body paragraphs, table cells' in their place, as python-docx paragraphs."""
    document = docx.Document(io.BytesIO(data))
    found = []
    for item in document.iter_inner_content():
        if isinstance(item, docx.table.Table):
            found += [p for row in item.rows for cell in row.cells for p in cell.paragraphs]
        else:
            found.append(item)
    return found


def bookmarks(p) -> list[str]:
    return [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))]


def test_each_unit_is_one_paragraph_with_its_bookmark_in_reading_order(guide, exported):
    marked = [(bookmarks(p), p.text) for p in paragraphs(exported) if bookmarks(p)]
    unit_marks = [(names, text) for names, text in marked if not names[0].startswith("_pp_label_")]
    assert unit_marks == [([bookmark_key(u.id)], u.text) for u in units(guide)]
    assert all(re.fullmatch(r"_pp_[0-9a-f]{12}", names[0]) for names, _ in unit_marks)
    # the words plainpress writes itself are marked too, so that they are not taken for added paragraphs;
    # in the target language where its catalog has them: context, not words to type over
    assert [text for names, text in marked if names[0].startswith("_pp_label_")][:2] == [
        "Example clinic. Versión 1.0. Última revisión: 20\xa0de\xa0noviembre\xa0de\xa02026.", "Puntos clave"]


def test_the_bookmark_spans_the_paragraph(exported):
    p = next(p for p in paragraphs(exported) if p.text == "Feet and diabetes")
    children = [c.tag for c in p._p if c.tag != qn("w:pPr")]
    assert children[0] == qn("w:bookmarkStart") and children[-1] == qn("w:bookmarkEnd")


def test_alt_text_and_short_title_get_paragraphs_of_their_own_and_the_audience_no_label(exported):
    assert [(p.text, p.style.name) for p in paragraphs(exported)][:2] == [
        ("Caring for your feet with diabetes", "Title"), ("Feet and diabetes", "Short Title")]
    sample = read_guide(SAMPLE)
    styles = {p.text: p.style.name for p in paragraphs(export_docx(sample, "es"))}
    [image] = sample.images()
    assert styles[image.alt] == "Alt Text" and styles["Test readers"] == "Normal"
    assert unit_styles(sample, "es")[f"{image.id}.alt"] == "Alt Text"


def test_the_language_is_the_target_and_the_source_is_recorded(guide, exported):
    document = docx.Document(io.BytesIO(exported))
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert rpr.find(qn("w:lang")).get(qn("w:val")) == "es" and document.core_properties.language == "es"
    with zipfile.ZipFile(io.BytesIO(exported)) as z:
        custom = z.read("docProps/custom.xml").decode()
    values = dict(re.findall(r'name="([^"]+)"><vt:lpwstr>([^<]*)<', custom))
    about = next(p.text for p in paragraphs(exported) if bookmarks(p) == ["_pp_label_1"])
    assert values == {"plainpress guide": "foot-care", "plainpress source language": "en",
                      "plainpress target language": "es", "plainpress source version": "1.0",
                      "plainpress source digest": source_digest(guide),
                      "plainpress unit digests": " ".join(f"{bookmark_key(u.id)[4:]}:{u.digest}" for u in units(guide)),
                      # each paragraph of words plainpress writes: its words' digest, and the label it shows
                      "plainpress label words": f"1:{words_digest(about)}: 2:{words_digest('Puntos clave')}:key-points"}
    assert about.startswith("Example clinic. Versión 1.0.")


def test_the_same_source_gives_the_same_bytes(guide, exported):
    assert export_docx(guide, "es") == exported
    assert export_docx(guide, "fr") != exported


def test_the_plain_docx_has_no_bookmarks_nor_translation_styles():
    data = render_docx(read_guide(SAMPLE))
    assert not any(bookmarks(p) for p in paragraphs(data))
    assert "Alt Text" not in {s.name for s in docx.Document(io.BytesIO(data)).styles}
