"""The web page: one self-contained file, landmarks, a table of contents, languages marked, no script."""
from __future__ import annotations

import base64
import re

from lxml import html as lxml_html

from conftest import FOOT_CARE_ES, SAMPLE
from plainpress.render import FORMATS, renderers
from plainpress.render.html import render_html
from plainpress.source import read_guide

SAMPLE_PAGE = render_html(read_guide(SAMPLE)).decode("utf-8")
FOOT_PAGE = render_html(read_guide(FOOT_CARE_ES)).decode("utf-8")


def page(text: str = SAMPLE_PAGE):
    return lxml_html.fromstring(text)


def test_the_page_has_no_script_and_names_no_remote_address():
    tree = page()
    assert not tree.xpath("//script | //iframe | //object | //embed | //link")
    assert not any(name.startswith("on") for el in tree.iter() if isinstance(el.tag, str) for name in el.attrib)
    fetched = [el.get("src") for el in tree.xpath("//*[@src]")] + re.findall(r"url\(\"?([^\")]+)", SAMPLE_PAGE)
    assert fetched and all(address.startswith("data:") for address in fetched)
    assert "@import" not in SAMPLE_PAGE


def test_the_picture_travels_inside_the_page():
    guide = read_guide(SAMPLE)
    [img] = page().xpath("//img")
    assert img.get("alt") == "A square and a circle, drawn in black lines"
    assert img.get("src") == "data:image/png;base64," + base64.b64encode(guide.images()[0].data).decode()


def test_languages_are_marked_on_the_page_and_on_foreign_passages():
    assert page().get("lang") == "en" and page(FOOT_PAGE).get("lang") == "es"
    assert [span.text for span in page().xpath("//main//span[@lang='es']")] == ["buenos días"]


def test_a_skip_link_leads_past_the_title_to_the_landmarked_main():
    tree = page()
    body = tree.find("body")
    skip = body[0]
    assert (skip.tag, skip.get("href"), skip.text) == ("a", "#main", "Skip to the guide")
    assert [el.tag for el in body[1:]] == ["header", "nav", "main", "footer"]
    assert tree.xpath("//main/@id") == ["main"] and tree.xpath("//header//h1/text()") == ["A sample guide"]
    assert page(FOOT_PAGE).find("body")[0].text == "Ir a la guía"


def test_the_title_block_and_footer_give_organisation_version_and_review_date_in_the_guides_language():
    tree = page(FOOT_PAGE)
    about = "Clínica San Martín de Porres. Versión 1.0. Última revisión: 15\u00a0de\u00a0octubre\u00a0de\u00a02026."
    assert tree.xpath("string(//header//p[@class='about'])") == about
    assert tree.xpath("string(//footer/p)") == about


def test_the_contents_list_each_section_and_link_to_its_heading():
    tree = page()
    links = tree.xpath("//nav[@aria-labelledby='contents-title']//a")
    assert [(a.text, a.get("href")) for a in links] == [
        ("Your medicines", "#your-medicines"), ("Questions", "#questions"), ("Glossary", "#glossary")]
    for a in links:
        assert tree.xpath(f"//main//h2[@id='{a.get('href')[1:]}']")


def test_call_outs_keep_their_titles_and_the_glossary_is_a_definition_list():
    tree = page()
    titles = [h.text for h in tree.xpath("//div[contains(@class, 'callout')]/*[@class='callout-title']")]
    assert titles == ["Key points", "Warning", "Good to know", "Questions to ask your care team"]
    assert [(dt.text, dd.text) for dt, dd in zip(tree.xpath("//dl/dt"), tree.xpath("//dl/dd"))] == [
        ("Pill", "A small tablet of medicine that you swallow.")]


def test_a_link_address_is_printed_but_not_shown_on_screen():
    tree = page()
    [link] = tree.xpath("//a[@href='https://example.org/pills']")
    assert link.text == "our website" and link.getnext().get("class") == "print-only"
    assert ".print-only { display: none; }" in SAMPLE_PAGE
    assert re.search(r"@media print \{.*\.print-only \{ display: inline; \}", SAMPLE_PAGE, re.S)


def test_a_table_scrolls_in_its_own_labelled_region_not_the_page():
    [region] = page(FOOT_PAGE).xpath("//div[@class='table-scroll']")
    assert region.get("role") == "region" and region.get("tabindex") == "0"
    assert region.get("aria-label") == "Tabla: Qué hacer, Cómo hacerlo, Por qué ayuda"
    assert region[0].tag == "table"


def test_print_and_screen_sizes_are_large():
    assert re.search(r"@media print \{.*html \{ font-size: 18pt; \}.*body \{ font-size: 1rem;", SAMPLE_PAGE, re.S)
    assert re.search(r"body \{\s+font-size: 1.25rem;", SAMPLE_PAGE)   # the browser measures them too


def test_the_same_guide_gives_the_same_bytes():
    assert render_html(read_guide(SAMPLE)).decode("utf-8") == SAMPLE_PAGE


def test_the_formats_are_the_renderers_table():
    assert tuple(FORMATS) == tuple(renderers()) == ("pdf", "docx", "epub", "html")
    assert renderers()["html"] is render_html
