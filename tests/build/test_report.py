"""report.json against its schema; report.html readable, self-contained and accessible."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
from lxml import html as lxml_html

from conftest import ALS, FIXTURES, ROOT
from plainpress.checks.formulas import Scores
from plainpress.checks.readability import ReadingReport, SectionReading
from plainpress.cli import main
from plainpress.build.report import reading_table, validator_line
from plainpress.build.report_chart import bar_chart
from plainpress.validate import ToolResult
from plainpress.findings import Finding

SCHEMA = json.loads((ROOT / "plainpress" / "data" / "report.schema.json").read_text())


def built(tmp_path, source=ALS) -> Path:
    assert main([str(source), "--out", str(tmp_path), "--no-validate", "-q"]) == 0
    return tmp_path / source.parent.name / source.stem


def test_report_json_matches_its_schema(tmp_path):
    data = json.loads((built(tmp_path) / "report.json").read_text())
    jsonschema.validate(data, SCHEMA)
    assert data["reading"]["verdict"].startswith(
        "The whole guide reads at grade 16.6 (by Flesch-Kincaid: SMOG needs 30 sentences): college graduate.")
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
    assert [h for _, h in headings[1:]] == ["In short", "Files", "Accessibility checks", "Reading level by section",
                                            "The 10 hardest sentences", "Words to define or replace",
                                            "Plain-language advice"]
    for table in page.iter("table"):
        assert table.find("caption") is not None and table.xpath(".//th[@scope]")


def test_the_chart_has_a_text_alternative_and_the_figures_in_a_table(tmp_path):
    page = lxml_html.fromstring((built(tmp_path) / "report.html").read_text())
    [svg] = page.xpath("//svg")
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    assert [page.get_element_by_id(i).text_content() for i in labelled][1].startswith("Flesch-Kincaid grade")
    rows = [r.xpath("./th")[0].text_content() for r in page.xpath("//table[1]/tbody/tr")]
    assert rows[0] == "What is ALS?" and rows[-1] == "Whole guide"


def test_hard_words_are_marked_and_outputs_linked(tmp_path):
    page = lxml_html.fromstring((built(tmp_path) / "report.html").read_text())
    marked = [m.text for m in page.iter("mark")]
    assert "neuroinflammation" in marked and "the" not in marked
    links = [a.get("href") for a in page.xpath("//h2[@id='files']/following-sibling::ul[1]//a")]
    assert links == ["als-pathophysiology-en.pdf", "als-pathophysiology-en.docx", "als-pathophysiology-en.epub",
                     "als-pathophysiology-en.html"]


FOOT_CARE_ES = FIXTURES / "good" / "foot-care" / "es.md"


def test_the_spanish_report_speaks_of_spanish_measures_and_words(tmp_path):
    folder = built(tmp_path, FOOT_CARE_ES)
    data = json.loads((folder / "report.json").read_text())
    jsonschema.validate(data, SCHEMA)
    hardest = data["reading"]["hardest_sentences"]
    assert {h["measure"] for h in hardest} == {"Fernandez-Huerta"}
    assert not {"Calcetines", "Hidratar"} & {h["text"] for h in hardest}
    page = lxml_html.fromstring((folder / "report.html").read_text())
    text = page.text_content()
    assert "Grade" not in text and "grade 6" not in text
    assert "four or more syllables, and not on plainpress's list of everyday Spanish words" in text
    assert "`reading_grade` is for English formulas; Spanish is judged by INFLESZ 55 or more" in text
    assert not {"zapatos", "calcetines", "pequeña"} & {m.text.lower() for m in page.iter("mark")}
    rows = [r.xpath("./th")[0].text_content() for r in page.xpath("//table[1]/tbody/tr")]
    assert rows[0] == "Lo más importante"
    assert page.xpath("//table[1]//th/span/@lang") == ["es"] * 4
    assert "This guide lists no terms of its own (terms: in its front matter), so no term was checked." in text


def test_every_verdict_agrees_with_the_figure_it_shows(tmp_path):
    data = json.loads((built(tmp_path) / "report.json").read_text())
    target = data["reading"]["target_grade"]
    for row in data["reading"]["sections"] + [data["reading"]["whole"]]:
        grade = max(row.get("smog", 0), row["flesch_kincaid"])
        assert row["too_hard"] == (row["verdict"] == "too hard") == (grade > target), row


def _reading_at_smog_6() -> ReadingReport:
    """A text whose SMOG is 6.03: shown as 6.0, so it meets a target of 6."""
    scores = Scores("en", sentences=31, words=310, syllables=400, polysyllables=8)
    return ReadingReport("en", 6, True, (SectionReading("a", "A", "en.md:3", scores, False),), scores)


def test_the_terminal_and_the_chart_judge_the_value_they_show():
    reading = _reading_at_smog_6()
    table = reading_table(reading)
    assert table[2] == "    A                                        6.0     3.5  ok"
    chart = bar_chart(reading)
    assert [(b.value, b.too_hard) for b in chart.bars] == [(6.0, False), (6.0, False)]


def _tool(passed: bool) -> ToolResult:
    findings = () if passed else (Finding("error", "pdfua.7.1", "x.pdf", "text not tagged"),)
    return ToolResult("pdf/ua-1", "x.pdf", True, {"rules": 104, "passed": 104 - (not passed)}, findings)


def test_validators_speak_in_words_and_show_counts_only_when_asked():
    assert validator_line(_tool(True)) == "pdf/ua-1: passes: PDF/UA-1, the standard for accessible PDF, 104 rules"
    assert validator_line(_tool(True), verbose=True).endswith("104 rules [rules 104, passed 104]")
    assert validator_line(_tool(False)).splitlines()[0] == (
        "pdf/ua-1: FAILS, 1 problem: PDF/UA-1, the standard for accessible PDF, 104 rules")


def test_the_html_report_shows_validator_verdicts_without_counts(tmp_path, monkeypatch):
    import plainpress.validate as validate
    counts = {"Div": 6, "LBody": 16, "untagged_runs": 5}
    monkeypatch.setattr(validate, "validators", lambda fmt: [
        ("pdf-structure", lambda p, guide: ToolResult("pdf-structure", p.name, True, counts))])
    assert main([str(ALS), "--format", "epub", "--out", str(tmp_path), "-q"]) == 0
    folder = tmp_path / "als-pathophysiology" / "en"
    page = lxml_html.fromstring((folder / "report.html").read_text())
    [row] = page.xpath("//h2[@id='accessibility']/following-sibling::table[1]/tbody/tr")
    assert [td.text_content() for td in row] == [
        "E-book (EPUB 3)", "tags that screen readers follow (headings, lists, pictures, languages)", "passes"]
    assert "untagged_runs" not in page.text_content()
    saved = json.loads((folder / "accessibility.json").read_text())
    assert saved["outputs"]["epub"]["validators"][0]["counts"] == counts


def test_the_chart_draws_every_bar_by_one_formula_and_names_it():
    """Sections under 30 sentences have no SMOG: the whole guide's bar is its Flesch-Kincaid grade too,
    never its SMOG beside the sections' Flesch-Kincaid."""
    part = Scores("en", sentences=16, words=200, syllables=300, polysyllables=20)
    whole = part + part
    assert whole.smog_valid and not part.smog_valid and whole.grade == round(whole.smog, 1)
    reading = ReadingReport("en", 6, True, (SectionReading("a", "A", "en.md:3", part, False),
                                            SectionReading("b", "B", "en.md:9", part, False)), whole)
    chart = bar_chart(reading)
    assert chart.title == "Reading level by section: Flesch-Kincaid grade (lower is easier)"
    assert [b.value for b in chart.bars] == [round(part.flesch_kincaid, 1)] * 2 + [round(whole.flesch_kincaid, 1)]
    assert chart.description.endswith("The whole guide's verdict also weighs SMOG, which a section of fewer than "
                                      "30 sentences cannot be scored by; its figure is in the table below.")
    smog = bar_chart(_reading_at_smog_6())
    assert smog.title == "Reading level by section: SMOG (lower is easier)" and "weighs" not in smog.description
