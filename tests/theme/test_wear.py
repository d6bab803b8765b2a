"""The theme on every format: the logo and organisation at the head, the contact block at the end in
the guide's language, the accent colour on rules and borders, one block of our template replaced."""
from __future__ import annotations

import dataclasses
import io
import re
import shutil
import zipfile

import docx
import pikepdf
import pytest
from lxml import html as lxml_html

from conftest import FOOT_CARE_ES, SAMPLE
from outputs_text import epub_documents, pdf_text
from plainpress import model as m
from plainpress import build as pipeline
from plainpress.render import FORMATS, RenderOptions
from plainpress.render.docx import render_docx
from plainpress.render.html import render_html
from plainpress.render.pdf import guide_html
from plainpress.source import read_guide
from plainpress.theme import load_theme
from plainpress.theme.wear import wear
from plainpress.validate.pdf_structure import read_structure
from themes import EXAMPLE

THEME = load_theme(EXAMPLE)
ALT_EN = "Riverside Neurology Clinic logo: three white waves on a blue square"
ALT_ES = "Logotipo de Riverside Neurology Clinic: tres olas blancas sobre un cuadrado azul"
CONTACT_EN = ["Contact us", "Questions? Call 020\u00a07946\u00a00000.", "Opening hours: Monday to Friday, 8 am to 6 pm",
              "Address: 12 River Road, Riverside RV1 2AB", "Website: Riverside Neurology Clinic"]
PRINTED_ADDRESS = " (riverside-neurology.example)"   # on the web page, shown only when printed
ON_THE_WEB_EN = CONTACT_EN[-1] + PRINTED_ADDRESS
CONTACT_ES = ["Contacto", "¿Preguntas? Llame al 020\u00a07946\u00a00000.", "Horario: De lunes a viernes, de 8 a 18 h",
              "Dirección: 12 River Road, Riverside RV1 2AB", "Sitio web: Riverside Neurology Clinic"]


@pytest.fixture(scope="module")
def themed(tmp_path_factory):
    """The English sample and the Spanish foot-care guide, every format, with the example theme."""
    out = tmp_path_factory.mktemp("themed")
    results = pipeline.build([SAMPLE, FOOT_CARE_ES], FORMATS, (), out, RenderOptions("a4", THEME))
    return {r.guide.meta.lang: r.outputs for r in results}


def sample_with(folder, old: str, new: str) -> m.Guide:
    """The sample guide, copied into `folder` with one change to its text."""
    shutil.copytree(SAMPLE.parent, folder)
    source = folder / "en.md"
    source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return read_guide(source)


def test_the_front_matter_organisation_wins_over_the_theme(tmp_path):
    assert wear(read_guide(SAMPLE), THEME).guide.meta.organisation == "Sample clinic"
    guide = sample_with(tmp_path / "guide", "organisation: Sample clinic\n", "")
    assert wear(guide, THEME).guide.meta.organisation == "Riverside Neurology Clinic"
    page = lxml_html.fromstring(render_html(guide, RenderOptions(theme=THEME)))
    assert page.xpath("string(//header//p[@class='organisation'])") == "Riverside Neurology Clinic"
    assert page.xpath("//meta[@name='author']/@content") == ["Riverside Neurology Clinic"]


def test_the_logo_and_its_alt_text_reach_the_pdf_structure_tree(themed):
    for lang, alt in (("en", ALT_EN), ("es", ALT_ES)):
        with pikepdf.open(themed[lang]["pdf"]) as pdf:
            figures = [e.alt for e in read_structure(pdf).elements() if e.type == "Figure"]
        assert figures[0] == alt


def test_the_logo_and_its_alt_text_head_the_docx(themed):
    document = docx.Document(str(themed["es"]["docx"]))
    first, second = document.paragraphs[:2]
    [picture] = first._p.xpath(".//wp:docPr")
    assert picture.get("descr") == ALT_ES and first.style.name == "Figure"
    assert (second.text, second.style.name) == ("Clínica San Martín de Porres", "Organisation")
    assert document.paragraphs[2].style.name == "Title"


def test_the_logo_and_its_alt_text_head_the_epub_title_page(themed):
    title = lxml_html.fromstring(epub_documents(themed["en"]["epub"])["title.xhtml"])
    [logo] = title.xpath("//div[@class='masthead']/img")
    assert (logo.get("src"), logo.get("alt")) == ("images/theme-logo.png", ALT_EN)
    with zipfile.ZipFile(themed["en"]["epub"]) as book:
        assert book.read("EPUB/images/theme-logo.png") == THEME.logo


def test_the_logo_and_its_alt_text_head_the_web_page(themed):
    page = lxml_html.parse(str(themed["en"]["html"])).getroot()
    [logo] = page.xpath("//header/div[@class='masthead']/img")
    assert logo.get("alt") == ALT_EN and logo.get("src").startswith("data:image/png;base64,")
    assert page.xpath("string(//header//p[@class='about'])") == "Version 2.1. Last reviewed: January\u00a031,\u00a02026."
    assert page.xpath("string(//footer/p)").startswith("Sample clinic. Version 2.1.")


def test_the_contact_block_closes_the_pdf_in_the_guides_language(themed):
    for lang, lines in (("en", CONTACT_EN), ("es", CONTACT_ES)):
        text = pdf_text(themed[lang]["pdf"]).replace("\u00a0", " ")
        printed = [line.replace("\u00a0", " ") for line in lines]
        printed[-1] += " (riverside-neurology.example)"   # print adds a link's address after its words
        assert re.sub(r"\s+", " ", text).strip().endswith(" ".join(printed))


def test_the_contact_block_closes_the_docx_in_the_guides_language(themed):
    for lang, lines in (("en", CONTACT_EN), ("es", CONTACT_ES)):
        document = docx.Document(str(themed[lang]["docx"]))
        last = document.paragraphs[-len(lines):]
        assert [p.text for p in last] == lines
        # kept on one page by their styles (each line with the next, but the last)
        assert [p.style.name for p in last] == ["Heading 1"] + ["Contact Line"] * (len(lines) - 2) + ["Contact Line End"]


def test_the_contact_block_is_the_epubs_last_chapter_in_the_guides_language(themed):
    for lang, lines in (("en", CONTACT_EN), ("es", CONTACT_ES)):
        chapters = [name for name in epub_documents(themed[lang]["epub"]) if name.startswith("chapter-")]
        last = lxml_html.fromstring(epub_documents(themed[lang]["epub"])[chapters[-1]])
        assert [" ".join(e.text_content().split()) for e in last.xpath("//section/*")] == \
               [" ".join(line.split()) for line in lines]


def test_the_contact_block_closes_the_web_pages_main_in_the_guides_language(themed):
    for lang, lines in (("en", CONTACT_EN), ("es", CONTACT_ES)):
        page = lxml_html.parse(str(themed[lang]["html"])).getroot()
        main = page.xpath("//main/*")
        assert [e.text_content() for e in main[-len(lines):]] == lines[:-1] + [lines[-1] + PRINTED_ADDRESS]
        assert page.xpath("//nav[@class='contents']//li[last()]/a")[0].text == lines[0]
        [dial] = main[-len(lines) + 1].xpath("a")   # the questions line: its number dials
        assert dial.get("href") == "tel:02079460000"


def test_a_contact_call_out_prints_the_contact_block(tmp_path):
    guide = sample_with(tmp_path / "guide", "## Your medicines\n",
                        "## Your medicines\n\n::: contact Call us if you feel worse\n:::\n")
    page = lxml_html.fromstring(render_html(guide, RenderOptions(theme=THEME)))
    [callout] = page.xpath("//div[@class='callout contact']")
    assert [e.text_content() for e in callout] == ["Call us if you feel worse", *CONTACT_EN[1:-1], ON_THE_WEB_EN]
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_the_accent_colour_draws_rules_and_borders_and_text_stays_black():
    html = guide_html(read_guide(SAMPLE), RenderOptions(theme=THEME))
    assert ".callout { border: 3pt solid #1f5fa8;" in html and "border-bottom: 3pt solid #1f5fa8" in html
    assert "color: #000;" in html and "color: #1f5fa8" not in html
    page = render_html(read_guide(SAMPLE), RenderOptions(theme=THEME)).decode()
    assert page.count("solid #1f5fa8") == 4   # header rule, contents, call-outs, footer rule
    document = docx.Document(io.BytesIO(render_docx(read_guide(SAMPLE), RenderOptions(theme=THEME))))
    border = document.styles["Note"].element.xpath(".//w:pBdr/w:left")[0]
    assert border.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}color") == "1F5FA8"


def test_an_override_of_one_block_leaves_the_rest_of_our_template_in_place():
    guide = read_guide(SAMPLE)
    themed = guide_html(guide, RenderOptions(theme=THEME))
    plain = guide_html(guide, RenderOptions(theme=dataclasses.replace(THEME, overrides=())))
    nurse_line = '\n<p class="nurse-line">Questions? Call <a href="tel:02079460000">020\u00a07946\u00a00000</a>.</p>\n'
    nurse_style = "\n.nurse-line { border: 3pt solid #1f5fa8; padding: 6pt 12pt; font-weight: bold; }\n"
    assert nurse_line in themed and nurse_style in themed
    assert themed.replace(nurse_line, "").replace(nurse_style, "") == plain


def test_a_worn_guide_without_a_theme_is_the_guide():
    guide = read_guide(SAMPLE)
    worn = wear(guide, None)
    assert worn.guide is guide and worn.logo is None and worn.accent == "#000" and not worn.contact
    assert not any(isinstance(b, m.Heading) and b.id == "contact" for b in worn.guide.blocks)
