"""The DOCX in each script: faces per w:rFonts slot, w:lang per slot, and right to left in Arabic and Persian."""
from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from docx_guides import guide
from plainpress.render.docx import render_docx
from plainpress.render.docx_script import word_tag
from plainpress.validate.docx_check import check_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SC, TC, JP, KR = (f"Noto Sans CJK {x}" for x in ("SC", "TC", "JP", "KR"))
FONTS = {  # lang: ascii and hAnsi, eastAsia, cs, hint
    "ar": ("Noto Sans", "Noto Sans", "Noto Sans Arabic", None),
    "fa": ("Noto Sans", "Noto Sans", "Noto Sans Arabic", None),
    "zh-Hans": (SC, SC, SC, "eastAsia"),
    "zh-Hant": (TC, TC, TC, "eastAsia"),
    "ja": (JP, JP, JP, "eastAsia"),
    "ko": (KR, KR, KR, "eastAsia"),
    "vi": ("Noto Sans", "Noto Sans", "Noto Sans", None),   # Atkinson lacks ơ and ư: never two faces in a word
}
LANGS = {"ar": ("ar", "ar", "ar-EG"), "fa": ("fa", "fa", "fa-IR"), "zh-Hans": ("zh-Hans", "zh-CN", "zh-Hans"),
         "zh-Hant": ("zh-Hant", "zh-TW", "zh-Hant"), "ja": ("ja", "ja-JP", "ja"), "ko": ("ko", "ko-KR", "ko"),
         "vi": ("vi", "vi", "vi")}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp, made = tmp_path_factory.mktemp("scripts"), {}

    def make(lang: str) -> docx.document.Document:
        if lang not in made:
            data = render_docx(guide(tmp, lang))
            (tmp / f"{lang}.docx").write_bytes(data)
            made[lang] = docx.Document(io.BytesIO(data))
        return made[lang]
    make.folder = tmp
    return make


def attributes(el) -> dict[str, str]:
    return {k.split("}")[-1]: v for k, v in el.attrib.items()}


def default_rpr(document):
    return document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")


def paragraphs(document) -> list:
    """Every w:p of the body and the footer."""
    return list(document.element.body.iter(W + "p")) + list(document.sections[0].footer._element.iter(W + "p"))


@pytest.mark.parametrize("lang", FONTS)
def test_each_slot_names_the_face_of_its_script(rendered, lang):
    document = rendered(lang)
    latin, east_asia, cs, hint = FONTS[lang]
    expected = {"ascii": latin, "hAnsi": latin, "eastAsia": east_asia, "cs": cs, **({"hint": hint} if hint else {})}
    assert attributes(default_rpr(document).find(qn("w:rFonts"))) == expected
    for name in ("Normal", "Title", "Heading 1", "Footer", "Strong", "Warning"):
        assert attributes(document.styles[name].element.rPr.find(qn("w:rFonts"))) == expected, name


def test_an_english_guide_is_in_atkinson_hyperlegible_with_no_theme_font(tmp_path):
    from conftest import SAMPLE
    from plainpress.source import read_guide
    document = docx.Document(io.BytesIO(render_docx(read_guide(SAMPLE))))
    face = "Atkinson Hyperlegible"
    assert attributes(default_rpr(document).find(qn("w:rFonts"))) == {
        "ascii": face, "hAnsi": face, "eastAsia": face, "cs": face}
    assert not document.styles.element.xpath("//w:rFonts[@w:asciiTheme or @w:cstheme or @w:eastAsiaTheme]")


@pytest.mark.parametrize("lang", LANGS)
def test_the_language_is_set_in_each_slot_with_a_region_where_word_wants_one(rendered, lang):
    val, east_asia, bidi = LANGS[lang]
    assert attributes(default_rpr(rendered(lang)).find(qn("w:lang"))) == {"val": val, "eastAsia": east_asia, "bidi": bidi}


def test_a_region_comes_from_cldr_or_the_tag_itself():
    assert [word_tag(t) for t in ("ar", "fa", "zh-Hans", "zh-Hant", "ja", "ko", "hi", "ar-SA", "zh-Hant-HK")] == [
        "ar-EG", "fa-IR", "zh-CN", "zh-TW", "ja-JP", "ko-KR", "hi-IN", "ar-SA", "zh-HK"]


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_complex_script_sizes_and_bold_follow_the_latin_ones(rendered, lang):
    for style in rendered(lang).styles.element.iter(W + "style"):
        rpr = style.find(W + "rPr")
        if rpr is not None and rpr.find(W + "sz") is not None:
            assert rpr.find(W + "szCs").get(qn("w:val")) == rpr.find(W + "sz").get(qn("w:val"))
        if rpr is not None and rpr.find(W + "b") is not None:
            assert rpr.find(W + "bCs").get(qn("w:val")) == rpr.find(W + "b").get(qn("w:val"))
    normal = rendered(lang).styles["Normal"].element.rPr
    assert normal.find(qn("w:szCs")).get(qn("w:val")) == "36", "18 pt for Arabic too, which Word sizes by szCs"


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_right_to_left_paragraphs_tables_and_section(rendered, lang):
    document = rendered(lang)
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs(document)), "every paragraph, footer too"
    styles = [s for s in document.styles.element.iter(W + "style") if s.get(qn("w:type")) == "paragraph"]
    assert all(s.find(f"{W}pPr/{W}bidi") is not None for s in styles), "list styles too: the numbers mirror"
    assert [t.tblPr.find(qn("w:bidiVisual")) is not None for t in document.element.body.iter(W + "tbl")] == [True]
    assert document.sections[0]._sectPr.find(qn("w:bidi")) is not None


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_runs_of_right_to_left_letters_are_rtl_and_an_english_name_is_not(rendered, lang):
    body = [p for p in rendered(lang).paragraphs if "Amlodipine" in p.text][0]
    runs = [(r.text, r._r.rPr is not None and r._r.rPr.find(qn("w:rtl")) is not None,
             r._r.rPr.find(qn("w:lang")).get(qn("w:val")) if r._r.rPr is not None and r._r.rPr.find(qn("w:lang")) is not None else None)
            for r in body.runs]
    before, name, after = runs
    assert before[1:] == (True, None) and after[1:] == (True, None), "in the guide's language, right to left"
    assert name == ("Amlodipine", False, "en")
    assert "555-0100" in after[0], "a number inside a sentence stays in its sentence's run"


def test_the_call_out_bar_is_on_the_side_the_lines_start(rendered):
    def sides(document, style):
        return [el.tag.split("}")[-1] for el in document.styles[style].element.pPr.find(qn("w:pBdr"))]
    assert sides(rendered("ar"), "Warning") == sides(rendered("ar"), "Callout Title") == ["right"]
    assert sides(rendered("zh-Hans"), "Warning") == ["left"]


@pytest.mark.parametrize("lang", ["zh-Hans", "ja", "ko", "vi"])
def test_a_left_to_right_guide_has_no_bidi(rendered, lang):
    document = rendered(lang)
    xml = document.element.xml + document.styles.element.xml
    assert "<w:bidi" not in xml and "<w:rtl" not in xml and "<w:bidiVisual" not in xml


@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_the_docx_checker_finds_nothing_to_say(rendered, lang):
    rendered(lang)
    result = check_docx(rendered.folder / f"{lang}.docx")
    assert result.counts == {"errors": 0, "warnings": 0}, [str(f) for f in result.findings]
