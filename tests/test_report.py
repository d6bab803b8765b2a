"""report.json against its schema; report.html readable, self-contained and accessible."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from lxml import html as lxml_html

from conftest import ALS, ROOT
from plainpress.cli import main

SCHEMA = json.loads((ROOT / "plainpress" / "data" / "report.schema.json").read_text())


def built(tmp_path, source=ALS) -> Path:
    assert main([str(source), "--out", str(tmp_path), "--no-validate", "-q"]) == 0
    return tmp_path / source.parent.name / source.stem


def test_report_json_matches_its_schema(tmp_path):
    data = json.loads((built(tmp_path) / "report.json").read_text())
    jsonschema.validate(data, SCHEMA)
    assert data["reading"]["verdict"].startswith("The whole guide reads at grade 17: college graduate.")
    assert len(data["reading"]["hardest_sentences"]) == 10
    assert data["rule_counts"]["reading.grade"] == 6


def test_the_schema_rejects_a_broken_report():
    import pytest
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"guide": "x"}, SCHEMA)


def test_report_html_is_self_contained_and_structured(tmp_path):
    text = (built(tmp_path) / "report.html").read_text()
    page = lxml_html.fromstring(text)
    assert page.get("lang") == "en" and page.findtext(".//title")
    assert not page.xpath("//script") and not re.search(r"(src|href)=\"(https?:)?//", text)
    assert not any(name.startswith("on") for el in page.iter() if isinstance(el.tag, str) for name in el.attrib)
    headings = [(el.tag, el.text_content()) for el in page.iter("h1", "h2", "h3")]
    assert headings[0] == ("h1", "Reading and accessibility report: The ALS pathophysiology patient guide")
    assert [h for _, h in headings[1:]] == ["Files", "Reading level by section", "The 10 hardest sentences",
                                            "Words to define or replace", "Plain-language advice",
                                            "Accessibility checks"]
    for table in page.iter("table"):
        assert table.find("caption") is not None and table.xpath(".//th[@scope]")


def test_the_chart_has_a_text_alternative_and_the_figures_in_a_table(tmp_path):
    page = lxml_html.fromstring((built(tmp_path) / "report.html").read_text())
    [svg] = page.xpath("//svg")
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    assert [page.get_element_by_id(i).text_content() for i in labelled][1].startswith("US school grade")
    rows = [r.xpath("./th")[0].text_content() for r in page.xpath("//table[1]/tbody/tr")]
    assert rows[0] == "What is ALS?" and rows[-1] == "Whole guide"


def test_hard_words_are_marked_and_outputs_linked(tmp_path):
    page = lxml_html.fromstring((built(tmp_path) / "report.html").read_text())
    marked = [m.text for m in page.iter("mark")]
    assert "neuroinflammation" in marked and "the" not in marked
    links = [a.get("href") for a in page.xpath("//h2[@id='files']/following-sibling::ul[1]//a")]
    assert links == ["als-pathophysiology-en.pdf", "als-pathophysiology-en.docx", "als-pathophysiology-en.epub"]
