"""The DOCX renderer: the page footer, table cells, call-outs and the lists inside them."""
from __future__ import annotations

import dataclasses
import io

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

from conftest import ROOT, SAMPLE
from plainpress.render.docx import render_docx
from plainpress.source import read_guide

FRONT = "---\ntitle: A test guide\nlang: en\ndate: 2026-01-31\n---\n\n"


def rendered(guide) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(guide)))


@pytest.fixture(scope="module")
def sample():
    return rendered(read_guide(SAMPLE))


def guide_from(tmp_path, body: str):
    path = tmp_path / "en.md"
    path.write_text(FRONT + body, encoding="utf-8")
    return read_guide(path)


def footer_parts(document) -> list[str]:
    """The footer paragraph as text runs and fields, in order."""
    [paragraph] = document.sections[0].footer.paragraphs
    return [el.get(qn("w:instr")).strip() if el.tag == qn("w:fldSimple") else el.text
            for el in paragraph._p.iter(qn("w:t"), qn("w:fldSimple"))]


def paragraphs(document, start: str) -> list:
    return [p for p in document.paragraphs if p.text.startswith(start)]


def list_level(document, paragraph):
    """The numbering level (w:lvl) a list paragraph shows."""
    numpr = paragraph._p.pPr.numPr
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(numpr.numId.val).abstractNumId.val
    abstract = next(a for a in numbering.iterchildren(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == str(abstract_id))
    return next(lvl for lvl in abstract.iterchildren(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == str(numpr.ilvl.val))


def test_footer_says_title_and_page_n_of_m_as_the_pdf_does(sample):
    assert footer_parts(sample) == ["A sample guide - page ", "PAGE", " of ", "NUMPAGES"]
    [paragraph] = sample.sections[0].footer.paragraphs
    assert paragraph.style.name == "Footer" and paragraph.style.font.size == Pt(18)
    assert all(run.font.size is None for run in paragraph.runs), "the size comes from the style"


def test_footer_uses_the_short_title_and_the_guide_language():
    guide = read_guide(SAMPLE)
    guide = dataclasses.replace(guide, meta=dataclasses.replace(guide.meta, lang="es", short_title="Guía corta"))
    assert footer_parts(rendered(guide)) == ["Guía corta - página ", "PAGE", " de ", "NUMPAGES"]


def test_every_table_cell_is_padded(sample):
    [table] = sample.tables
    margins = table._tbl.tblPr.find(qn("w:tblCellMar"))
    assert [(etree_name(side), side.get(qn("w:w")), side.get(qn("w:type"))) for side in margins] == [
        ("top", "115", "dxa"), ("left", "144", "dxa"), ("bottom", "115", "dxa"), ("right", "144", "dxa")]
    names = [etree_name(el) for el in table._tbl.tblPr]
    assert names.index("tblCellMar") < names.index("tblLook"), "the schema's order"
    cells = [cell.paragraphs[0] for row in table.rows for cell in row.cells]
    assert {p.style.name for p in cells} == {"Table Text"}
    assert cells[0].style.paragraph_format.space_after == Pt(0), "the padding is the space, not a paragraph gap"


def etree_name(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def test_a_call_out_under_a_table_stands_apart_without_empty_paragraphs(sample):
    body = list(sample.iter_inner_content())
    after_table = body[[i for i, x in enumerate(body) if isinstance(x, docx.table.Table)][0] + 1]
    assert after_table.style.name == "Callout Title" and after_table.text == "Good to know"
    assert after_table.style.paragraph_format.space_before == Pt(14)
    assert all(p.text.strip() or p._p.xpath(".//w:drawing") for p in sample.paragraphs), "no empty paragraph"


@pytest.mark.parametrize("item, style", [("Take your pills", "Key Points"), ("What is this pill for?", "Ask")])
def test_a_list_in_a_call_out_keeps_its_style_and_is_still_bulleted(sample, item, style):
    [paragraph] = paragraphs(sample, item)
    assert paragraph.style.name == style
    level = list_level(sample, paragraph)
    assert level.find(qn("w:numFmt")).get(qn("w:val")) == "bullet"
    ind = level.find(qn("w:pPr")).find(qn("w:ind"))
    title_indent = sample.styles["Callout Title"].paragraph_format.left_indent
    # the bullet hangs where the call-out's text starts: one border, unbroken, from title to last item
    assert Inches(int(ind.get(qn("w:left"))) / 1440) - Inches(int(ind.get(qn("w:hanging"))) / 1440) == title_indent
    assert sample.styles[style].paragraph_format.left_indent == title_indent


def test_a_numbered_list_in_a_call_out_counts_from_its_start(tmp_path):
    document = rendered(guide_from(tmp_path, "## Steps\n\n::: note\n3. Wash your hands.\n4. Dry them.\n:::\n"))
    items = paragraphs(document, "Wash") + paragraphs(document, "Dry")
    assert [p.style.name for p in items] == ["Note", "Note"]
    assert items[0]._p.pPr.numPr.numId.val == items[1]._p.pPr.numPr.numId.val
    level = list_level(document, items[0])
    assert (level.find(qn("w:numFmt")).get(qn("w:val")), level.find(qn("w:lvlText")).get(qn("w:val"))) == ("decimal", "%1.")
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(items[0]._p.pPr.numPr.numId.val)
    assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["3"]


def test_everything_in_a_call_out_list_keeps_the_call_out_style(tmp_path):
    body = "## Help\n\n::: warning\n- Call us.\n\n  Say your name.\n\n  - Day or night.\n:::\n"
    document = rendered(guide_from(tmp_path, body))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert [styles[t] for t in ("Warning", "Call us.", "Say your name.", "Day or night.")] == [
        "Warning Title", "Warning", "Warning", "Warning"]
    assert list_level(document, paragraphs(document, "Day or night.")[0]).get(qn("w:ilvl")) == "1"


def test_a_warning_title_has_the_warning_bar(sample):
    def bar(name):
        left = sample.styles[name].element.pPr.find(qn("w:pBdr")).find(qn("w:left"))
        return {k.split("}")[-1]: v for k, v in left.attrib.items()}
    assert bar("Warning Title") == bar("Warning") and bar("Warning")["sz"] == "48"
    assert bar("Callout Title") == bar("Note")
    [title] = paragraphs(sample, "Warning")
    assert title.style.name == "Warning Title"


def test_a_guides_own_labels_print_in_the_docx_as_in_every_format():
    import dataclasses
    import io

    import docx

    from conftest import SAMPLE
    from plainpress.render.docx import render_docx
    from plainpress.source import read_guide
    guide = read_guide(SAMPLE)
    guide = dataclasses.replace(guide, meta=dataclasses.replace(guide.meta, labels=(("page", "side {page} av {pages}"),)))
    footer = docx.Document(io.BytesIO(render_docx(guide))).sections[0].footer.paragraphs[0].text
    assert footer.startswith(guide.meta.running_title + " - side ") and " av " in footer


# Pages that print well (issue 17): rows whole, the header repeated, headings kept with their text.

CLINIC_THEME = ROOT / "examples" / "clinic-theme"


def themed(tmp_path, body: str) -> docx.document.Document:
    from plainpress.render import RenderOptions
    from plainpress.theme import load_theme
    return docx.Document(io.BytesIO(render_docx(guide_from(tmp_path, body), RenderOptions(theme=load_theme(CLINIC_THEME)))))


def row_properties(row) -> list[str]:
    trpr = row._tr.trPr
    return [] if trpr is None else [etree_name(el) for el in trpr]


def keeps(paragraph) -> tuple[bool, bool]:
    """(keep with next, keep lines together) set on the paragraph itself."""
    ppr = paragraph._p.pPr
    return tuple(ppr is not None and ppr.find(qn(tag)) is not None for tag in ("w:keepNext", "w:keepLines"))


def test_no_table_row_splits_and_the_header_row_repeats(sample):
    [table] = sample.tables
    assert row_properties(table.rows[0]) == ["cantSplit", "tblHeader"], "the schema's order"
    assert {tuple(row_properties(row)) for row in table.rows[1:]} == {("cantSplit",)}


def test_nothing_in_a_table_cell_keeps_with_the_next_paragraph(sample):
    """LibreOffice gives a table whose paragraphs keep with the next one "keep with next paragraph", and
    then moves it whole: a cell's paragraphs must not (their style neither)."""
    [table] = sample.tables
    cells = [p for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert all(keeps(p) == (False, False) for p in cells)
    assert not cells[0].style.paragraph_format.keep_with_next


@pytest.mark.parametrize("style", ["Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Callout Title",
                                   "Warning Title", "Organisation"])
def test_headings_and_titles_keep_with_their_text(sample, style):
    element = sample.styles[style].element
    assert element.pPr.find(qn("w:keepNext")) is not None, f"{style} has w:keepNext in its own properties"
    if style != "Organisation" and style != "Warning Title":
        assert element.pPr.find(qn("w:keepLines")) is not None, f"{style} keeps its lines together"


def style_keeps(paragraph) -> tuple[bool, bool]:
    """(keep with next, keep lines together) as the paragraph's style chain sets them."""
    found, style = {}, paragraph.style
    while style is not None and len(found) < 2:
        fmt = style.paragraph_format
        for name, value in (("next", fmt.keep_with_next), ("lines", fmt.keep_together)):
            if value is not None:
                found.setdefault(name, value)
        style = style.base_style
    return found.get("next", False), found.get("lines", False)


def test_the_contact_block_is_kept_together(tmp_path):
    document = themed(tmp_path, "Take one pill.\n")
    texts = [p.text for p in document.paragraphs]
    heading = texts.index("Contact us")
    block = document.paragraphs[heading + 1:]
    assert [p.text.split(":")[0] for p in block] == ["Questions? Call 020\u00a07946\u00a00000.", "Opening hours", "Address",
                                                      "Website"]
    assert [p.style.name for p in block] == ["Contact Line"] * 3 + ["Contact Line End"]
    assert [style_keeps(p) for p in block] == [(True, True)] * 3 + [(False, True)]
    assert document.paragraphs[heading].style.name == "Heading 1"
    assert all(keeps(p) == (False, False) for p in block), "kept by their style, not by direct formatting"


def test_a_contact_call_out_is_kept_together_under_its_title(tmp_path):
    document = themed(tmp_path, "Take one pill.\n\n::: contact Questions\n:::\n\nThe end.\n")
    title = next(p for p in document.paragraphs if p.text == "Questions")
    lines = [p for p in document.paragraphs if p.style.name in ("Contact", "Contact End")]
    assert title.style.name == "Callout Title" and len(lines) == 4
    assert [p.style.name for p in lines] == ["Contact"] * 3 + ["Contact End"]
    assert [style_keeps(p) for p in lines] == [(True, True)] * 3 + [(False, True)]
    assert all(keeps(p) == (False, False) for p in lines), "kept by their style, not by direct formatting"
    assert keeps(next(p for p in document.paragraphs if p.text == "The end.")) == (False, False)
