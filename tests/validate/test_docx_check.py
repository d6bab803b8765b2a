"""The DOCX check: our own DOCX passes, and each fault planted in a copy of the sample is reported by its rule."""
from __future__ import annotations

import re
import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from conftest import SAMPLE
from plainpress.render.docx import render_docx
from plainpress.source import read_guide
from plainpress.validate.docx_check import check_docx, contrast


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return render_docx(read_guide(SAMPLE))


@pytest.fixture
def plant(sample_docx, tmp_path):
    """plant(edit) -> the check's result on a copy of the sample DOCX after `edit(document)`."""
    def planted(edit):
        document = docx.Document(io.BytesIO(sample_docx))
        edit(document)
        path = tmp_path / "planted.docx"
        document.save(str(path))
        return check_docx(path)
    return planted


def paragraph(document, start: str):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def reported(result, rule: str, *words: str):
    """The one finding of `rule`, whose message holds each of `words`."""
    found = [f for f in result.findings if f.rule == rule]
    assert found, f"{rule} not reported; got {[str(f) for f in result.findings]}"
    for word in words:
        assert word in found[0].message, found[0].message
    assert found[0].hint and found[0].location.startswith("planted.docx")
    return found[0]


@pytest.mark.parametrize("build", ["als_build", "sample_build"])
def test_our_docx_passes(build, request):
    result = check_docx(request.getfixturevalue(build).outputs["docx"])
    assert result.checked and result.tool == "docx-accessibility"
    assert result.counts == {"errors": 0, "warnings": 0}, [str(f) for f in result.findings]
    assert result.passed


def test_contrast_is_wcag():
    assert contrast("000000", "FFFFFF") == pytest.approx(21)
    assert contrast("999999", "FFFFFF") == pytest.approx(2.85, abs=0.01)
    assert contrast("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_not_a_docx_is_an_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    result = check_docx(path)
    assert result.checked and not result.passed and result.findings[0].rule == "docx.unreadable"


def test_title(plant):
    def edit(d):
        d.core_properties.title = ""
    finding = reported(plant(edit), "docx.title", "title")
    assert finding.severity == "error" and finding.location == "planted.docx"


def test_language(plant):
    def edit(d):
        rpr = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        rpr.remove(rpr.find(qn("w:lang")))
    reported(plant(edit), "docx.language", "w:lang", "only in the core properties")


def test_italic(plant):
    def edit(d):
        paragraph(d, "Take one pill").runs[0].italic = True
    finding = reported(plant(edit), "docx.italic", "Take one pill")
    assert finding.severity == "error" and 'paragraph 9 ("Take one pill in the morning.' in finding.location


def test_italic_in_a_style(plant):
    def edit(d):
        d.styles["Note"].font.italic = True
    reported(plant(edit), "docx.italic", "Read more at")


def test_small_run(plant):
    def edit(d):
        paragraph(d, "Do not take").runs[0].font.size = Pt(12)
    reported(plant(edit), "docx.font-size", "12 pt", "at least 18 pt")


def test_small_heading_style(plant):
    def edit(d):
        d.styles["Heading 2"].font.size = Pt(18)
    reported(plant(edit), "docx.font-size", "heading", "18 pt", "at least 20 pt")


def test_complex_script_size(plant):
    def edit(d):
        size = OxmlElement("w:szCs")  # Word sizes Arabic (and Hebrew, Hindi, Thai...) text by szCs, not sz
        size.set(qn("w:val"), "24")
        rpr = d.styles["Normal"].element.get_or_add_rPr()
        for old in rpr.findall(qn("w:szCs")):
            rpr.remove(old)
        rpr.append(size)
        d.add_paragraph("مرحبا بكم", style="Normal")
    reported(plant(edit), "docx.font-size", "12 pt")


def test_heading_not_bold(plant):
    def edit(d):
        d.styles["Heading 1"].font.bold = False
    reported(plant(edit), "docx.heading-bold", "not bold")


def test_alt_text(plant):
    def edit(d):
        d.inline_shapes[0]._inline.docPr.attrib.pop("descr")
    reported(plant(edit), "docx.alt-text", "no alt text")


def test_decorative_picture_needs_no_alt_text(plant):
    def edit(d):
        pr = d.inline_shapes[0]._inline.docPr
        pr.attrib.pop("descr")
        pr.append(parse_xml(
            '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
            '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>'
            '</a:ext></a:extLst>'))
    assert "docx.alt-text" not in {f.rule for f in plant(edit).findings}


def test_table_header(plant):
    def edit(d):
        tr_pr = d.tables[0].rows[0]._tr.trPr
        tr_pr.remove(tr_pr.find(qn("w:tblHeader")))
    finding = reported(plant(edit), "docx.table-header", "header row")
    assert 'table 1 ("Time | Pill")' in finding.location


def test_link_text_is_a_bare_address(plant):
    def edit(d):
        link = d.element.body.find(".//" + qn("w:hyperlink"))
        link.find(".//" + qn("w:t")).text = "https://example.org/pills"
    reported(plant(edit), "docx.link-text", "https://example.org/pills", "bare address")


def test_link_text_is_vague(plant):
    def edit(d):
        link = d.element.body.find(".//" + qn("w:hyperlink"))
        link.find(".//" + qn("w:t")).text = "click here"
    reported(plant(edit), "docx.link-text", "nothing of where it goes")


def test_grey_text(plant):
    def edit(d):
        paragraph(d, "Call us").runs[0].font.color.rgb = RGBColor(0x99, 0x99, 0x99)
    reported(plant(edit), "docx.contrast", "#999999", "2.85:1")


def test_black_text_on_dark_shading(plant):
    def edit(d):
        shd = OxmlElement("w:shd")
        for attr, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "333333")):
            shd.set(qn(attr), value)
        paragraph(d, "Then:")._p.get_or_add_pPr().append(shd)
    reported(plant(edit), "docx.contrast", "#000000 on #333333")


def test_skipped_heading_level(plant):
    def edit(d):
        paragraph(d, "When to take them").style = d.styles["Heading 3"]
    reported(plant(edit), "docx.heading-order", "Heading 3 follows Heading 1")


def test_first_heading_is_not_heading_1(plant):
    def edit(d):
        paragraph(d, "Your medicines").style = d.styles["Heading 2"]
    reported(plant(edit), "docx.heading-order", "no Heading 1")


def test_heading_4(plant):
    def edit(d):
        d.add_paragraph("Deep", style="Heading 3")
        d.add_paragraph("Deeper", style="Heading 4")
    reported(plant(edit), "docx.heading-style", "level-4", "heading 4")


def test_outline_level_on_a_body_paragraph(plant):
    def edit(d):
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), "1")
        paragraph(d, "Then:")._p.get_or_add_pPr().append(level)
    reported(plant(edit), "docx.heading-style", "level-2", "'normal'")


def test_manual_line_break(plant):
    def edit(d):
        paragraph(d, "Call us").runs[0].add_break()
    finding = reported(plant(edit), "docx.line-break", "line break")
    assert finding.severity == "warning"


def test_tab(plant):
    def edit(d):
        paragraph(d, "Call us").runs[0].add_tab()
    reported(plant(edit), "docx.tab", "tab")


def test_repeated_spaces(plant):
    def edit(d):
        paragraph(d, "Call us").runs[0].text = "Call us  if you feel worse."
    reported(plant(edit), "docx.spaces", "repeated spaces")


def test_justified_paragraph(plant):
    def edit(d):
        paragraph(d, "Take one pill").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    reported(plant(edit), "docx.justified", "justified")


def test_justified_style(plant):
    def edit(d):
        d.styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    justified = [f.location for f in plant(edit).findings if f.rule == "docx.justified"]
    assert any("Take one pill" in x for x in justified)          # in Normal itself
    assert not any("Your medicines" in x for x in justified)     # Heading 1 sets its own alignment


def test_auto_hyphenation(plant):
    def edit(d):
        d.settings.element.find(qn("w:autoHyphenation")).set(qn("w:val"), "true")
    reported(plant(edit), "docx.hyphenation", "hyphenation")


def test_comment(plant):
    def edit(d):
        d.add_comment(paragraph(d, "Call us").runs, text="Check this", author="Reviewer")
    finding = reported(plant(edit), "docx.comments", "comments")
    assert finding.severity == "warning"


def test_tracked_insertion(plant):
    def edit(d):
        run = paragraph(d, "Call us").runs[0]._r
        ins = OxmlElement("w:ins")
        for attr, value in (("w:id", "1"), ("w:author", "Reviewer"), ("w:date", "2026-01-31T00:00:00Z")):
            ins.set(qn(attr), value)
        run.addprevious(ins)
        ins.append(run)
    reported(plant(edit), "docx.tracked-changes", "1 tracked change")


def test_track_changes_turned_on(plant):
    def edit(d):
        d.settings.element.append(OxmlElement("w:trackRevisions"))
    reported(plant(edit), "docx.tracked-changes", "Track Changes is turned on")


def test_run_split(plant):
    def edit(d):
        p = paragraph(d, "Call us")
        p.runs[0].text = "Call us if "
        p.add_run("you feel worse.")
    finding = reported(plant(edit), "docx.run-split", "'Call us if '", "'you feel worse.'")
    assert finding.severity == "warning"


def test_direct_formatting(plant):
    def edit(d):
        paragraph(d, "Call us").runs[0].bold = True
    reported(plant(edit), "docx.direct-formatting", "(b)")


def test_counts_and_severities(plant):
    def edit(d):
        paragraph(d, "Call us").runs[0].italic = True   # an error (italic) and a warning (direct formatting)
    result = plant(edit)
    assert result.counts == {"errors": 1, "warnings": 1} and not result.passed


def test_our_settings_keep_the_schema_order():
    """Word rejects settings.xml elements out of order; LibreOffice would not notice."""
    import io
    import zipfile

    from plainpress.render.docx import render_docx
    from plainpress.source import read_guide
    from conftest import SAMPLE
    with zipfile.ZipFile(io.BytesIO(render_docx(read_guide(SAMPLE)))) as z:
        settings = z.read("word/settings.xml").decode()
    names = re.findall(r"<w:(\w+)[ />]", settings)
    assert names.index("autoHyphenation") == names.index("defaultTabStop") + 1


def test_a_page_number_field_stands_for_its_number(plant):
    """The footer's "page " PAGE " of " NUMPAGES has single spaces; two before a field are still two."""
    def edit(d):
        d.sections[0].footer.paragraphs[0].runs[0].text = "A sample guide - page  "
    finding = reported(plant(edit), "docx.spaces", "repeated spaces")
    assert finding.location == 'planted.docx: footer1.xml paragraph 1 ("A sample guide - page of")'
