"""The EPUB package: accessibility metadata derived from the content, languages, nav and landmarks."""
from __future__ import annotations

import re
import zipfile

import docx
from lxml import etree

from outputs_text import epub_documents

OPF = {"opf": "http://www.idpf.org/2007/opf"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def package(epub):
    with zipfile.ZipFile(epub) as z:
        return etree.fromstring(z.read("EPUB/content.opf"))


def metadata(epub) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in package(epub).findall(".//opf:metadata/opf:meta[@property]", OPF):
        out.setdefault(meta.get("property"), []).append(meta.text)
    return out


def test_metadata_claims_alternative_text_only_when_there_are_images(als_build, sample_build):
    als, sample = metadata(als_build.outputs["epub"]), metadata(sample_build.outputs["epub"])
    assert "alternativeText" not in als["schema:accessibilityFeature"]
    assert als["schema:accessMode"] == ["textual"]
    assert "alternativeText" in sample["schema:accessibilityFeature"]
    assert sample["schema:accessMode"] == ["textual", "visual"]
    assert "Every picture has a text description." in sample["schema:accessibilitySummary"][0]
    assert "It has no pictures." in als["schema:accessibilitySummary"][0]
    for meta in (als, sample):
        assert meta["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
        assert meta["schema:accessibilityHazard"] == ["none"]
        assert {"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"} <= set(
            meta["schema:accessibilityFeature"])
        assert meta["a11y:certifiedBy"] and meta["schema:accessModeSufficient"][0] == "textual"


def test_identifier_and_modified_date_come_from_the_source(als_build):
    root = package(als_build.outputs["epub"])
    modified = root.find(".//opf:meta[@property='dcterms:modified']", OPF).text
    assert modified == als_build.guide.meta.date.isoformat() + "T00:00:00Z"
    ident = root.find(".//{http://purl.org/dc/elements/1.1/}identifier").text
    assert ident == "urn:uuid:8cfcd072-0503-5b31-878f-f67d3112d1c5"  # uuid5 of guide, language and version


def test_lang_and_xml_lang_on_the_package_and_every_document(sample_build):
    assert package(sample_build.outputs["epub"]).get(XML_LANG) == "en"
    for name, data in epub_documents(sample_build.outputs["epub"]).items():
        root = etree.fromstring(data)
        assert (root.get("lang"), root.get(XML_LANG)) == ("en", "en"), name


def test_a_foreign_phrase_keeps_its_language_in_every_format(sample_build):
    chapter = etree.fromstring(epub_documents(sample_build.outputs["epub"])["chapter-01.xhtml"])
    span = chapter.find(".//{http://www.w3.org/1999/xhtml}span")
    assert (span.text, span.get("lang"), span.get(XML_LANG)) == ("buenos días", "es", "es")
    document = docx.Document(str(sample_build.outputs["docx"]))
    langs = {r.text: r._r.rPr.find(docx.oxml.ns.qn("w:lang")).get(docx.oxml.ns.qn("w:val"))
             for p in document.paragraphs for r in p.runs
             if r._r.rPr is not None and r._r.rPr.find(docx.oxml.ns.qn("w:lang")) is not None}
    assert langs == {"buenos días": "es"}


def test_nav_has_a_table_of_contents_and_landmarks(sample_build):
    nav = etree.fromstring(epub_documents(sample_build.outputs["epub"])["nav.xhtml"])
    ns = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
    kinds = [n.get("{http://www.idpf.org/2007/ops}type") for n in nav.findall(".//x:nav", ns)]
    assert kinds == ["toc", "landmarks"]
    toc = [a.text for a in nav.findall(".//x:nav[@id='toc']//x:a", ns)]
    assert toc == ["A sample guide", "Your medicines", "Questions", "Glossary"]


def test_the_stylesheet_lets_the_reader_win(sample_build):
    with zipfile.ZipFile(sample_build.outputs["epub"]) as z:
        css = re.sub(r"/\*.*?\*/", "", z.read("EPUB/reader.css").decode(), flags=re.S)
    assert "!important" not in css and "px" not in css and "pt;" not in css
    # One face, set once on the body, so that a reader's own font replaces it everywhere; the book
    # carries it, so that a browser without a reader's settings shows large Atkinson, not small Times.
    families = re.findall(r"([\w@-]+)\s*\{[^}]*font-family:\s*([^;]+);", css)
    assert families[-1] == ("body", '"Atkinson Hyperlegible", "Noto Sans", sans-serif')
    assert {selector for selector, _ in families} == {"@font-face", "body"}
    assert re.search(r"body \{[^}]*font-size: 1.5em", css)
    with zipfile.ZipFile(sample_build.outputs["epub"]) as z:
        opf = z.read("EPUB/content.opf").decode()
        assert z.read("EPUB/fonts/AtkinsonHyperlegible-normal.ttf")[:4] == b"\x00\x01\x00\x00"
    assert '<item href="fonts/AtkinsonHyperlegible-bold.ttf" id="font-AtkinsonHyperlegible-bold" media-type="font/ttf"/>' in opf


def test_a_manifest_id_is_an_xml_name_whatever_the_heading_holds():
    from lxml import etree
    from plainpress.render.epub import manifest_id
    found = manifest_id("img-dose-5-µg-²-qșβ")
    assert found == "img-dose-5-_b5g-_b2-q_219_3b2"
    etree.fromstring(f'<item id="{found}"/>')   # an ID of any XML parser: ASCII letters, digits, - _ .
