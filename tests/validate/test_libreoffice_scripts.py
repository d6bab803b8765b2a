"""The LibreOffice check in right-to-left and CJK text: no false "text lost", and real loss still caught."""
from __future__ import annotations

import io
import re
import shutil

import docx
import pytest

from conftest import require_tool
from docx_guides import WORDS, guide
from plainpress.render.docx import render_docx
from plainpress.validate.libreoffice import Passage, Running, cut_running, lost, run_libreoffice_batch, squeeze


def paragraphs(*texts: str) -> list[Passage]:
    return [Passage(f"paragraph {n}", text) for n, text in enumerate(texts, 1)]


def drawn(line: str) -> str:
    """An Arabic line as pdfplumber reads it: left to right as drawn, each Arabic word's letters backwards."""
    return line[::-1]


TAKE, CALL = "خذ دواءك كل يوم.", "اتصل بنا إذا شعرت بدوار."


def test_an_arabic_paragraph_is_found_as_drawn():
    assert lost(paragraphs(TAKE, CALL), drawn(TAKE) + "\n" + drawn(CALL)) == []


def test_a_list_mark_beside_an_arabic_item_is_no_loss():
    assert lost(paragraphs(TAKE, CALL), f"{drawn(TAKE)} •\n{drawn(CALL)} .2") == []


def test_an_english_name_and_a_number_inside_arabic_are_found_wherever_the_line_puts_them():
    text = "اسم دوائك هو Amlodipine. اتصل على 555-0100."
    assert lost(paragraphs(text), ".0100-555 ىلع لصتا .Amlodipine وه كئاود مسا") == []


def test_an_arabic_word_that_is_lost_is_caught():
    assert lost(paragraphs(TAKE, CALL), drawn("خذ كل يوم.") + "\n" + drawn(CALL)) == [
        ("paragraph", "paragraph 1", TAKE)]


def test_arabic_paragraphs_out_of_order_are_caught():
    assert lost(paragraphs(TAKE, CALL), drawn(CALL) + "\n" + drawn(TAKE)) == [("paragraph", "paragraph 2", CALL)]


def test_a_lost_arabic_word_is_not_made_up_from_the_next_paragraph():
    """The window may hold a list mark besides the paragraph's own letters, never another paragraph's letters."""
    assert lost(paragraphs("هو دواء", "هو"), drawn("دواء") + "\n" + drawn("هو")) == [
        ("paragraph", "paragraph 2", "هو")]


def test_a_lost_chinese_paragraph_is_caught():
    assert lost(paragraphs("每天服药。", "洗手。"), "每天服药。\n洗 手 。") == []
    assert lost(paragraphs("每天服药。", "洗手。"), "每天服药。") == [("paragraph", "paragraph 2", "洗手。")]


def test_what_is_not_drawn_is_left_out_on_both_sides():
    """Bidi marks, joiners, pdfminer's (cid:N) for a glyph with no Unicode, Arabic presentation forms, full width."""
    assert squeeze("\u202bضغط\u202c (cid:1)ا\u200dل\x01 \ufefb ＡＢ，") == "ضغطاللاAB,"


def footer(text: str, fields: int = 2) -> Running:
    return Running("footer1.xml", text, re.compile(re.escape(squeeze(text)) + "$"), False, fields)


def test_an_arabic_footer_is_cut_from_the_page_in_any_order():
    pages = [drawn(TAKE) + "\n3 page 1 of - " + drawn("ضغط الدم"), drawn(CALL) + "\n3 page 2 of - " + drawn("ضغط الدم")]
    body, missing = cut_running(pages, [footer("ضغط الدم - page  of ")])
    assert missing == [] and body == squeeze(drawn(TAKE) + drawn(CALL))


def test_an_arabic_footer_missing_from_every_page_is_caught():
    body, missing = cut_running([drawn(TAKE)], [footer("ضغط الدم - page  of ")])
    assert missing == [("running", "footer1.xml", "ضغط الدم - page of")] and body == squeeze(drawn(TAKE))


@pytest.fixture(scope="module")
def docx_files(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("scripts")
    files = {}
    for lang in WORDS:
        files[lang] = tmp / f"{lang}.docx"
        files[lang].write_bytes(render_docx(guide(tmp, lang)))
    return files


@pytest.fixture
def soffice():
    require_tool(shutil.which("soffice") is not None, "LibreOffice")


@pytest.mark.slow
def test_libreoffice_loses_nothing_in_any_script(docx_files, soffice):
    results = run_libreoffice_batch(list(docx_files.values()))
    text = {lang: (r.counts["errors"], [f.message for f in r.findings if f.rule.startswith("libreoffice.")])
            for lang, r in zip(docx_files, results)}   # the layout check's findings are its own test's
    assert text == {lang: (0, []) for lang in docx_files}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "zh-Hans"])
def test_hidden_text_in_arabic_or_chinese_is_lost_text(docx_files, tmp_path, lang, soffice):
    document = docx.Document(str(docx_files[lang]))
    step = WORDS[lang][5]
    [first, second] = [p for p in document.paragraphs if p.text == step]
    second.runs[0].font.hidden = True   # the same words stay in the first step: only the second is gone
    warning = next(p for p in document.paragraphs if p.text == WORDS[lang][6])
    warning.runs[0].text = warning.runs[0].text[:-3]   # the source says more than the PDF can show...
    warning.add_run(WORDS[lang][6][-3:]).font.hidden = True  # ...its last three characters hidden
    path = tmp_path / f"hidden-{lang}.docx"
    document.save(str(path))
    [result] = run_libreoffice_batch([path])
    assert [(f.rule, f.message) for f in result.findings] == [
        ("libreoffice.text-lost", f'this text is missing from (or out of order in) LibreOffice\'s PDF: "{step}"'),
        ("libreoffice.text-lost", f'this text is missing from (or out of order in) LibreOffice\'s PDF: "{WORDS[lang][6]}"')]
