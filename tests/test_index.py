"""The library's index: every guide in the output folder, its facts from each report.json."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from lxml import html as lxml_html

from conftest import ROOT, SAMPLE
from plainpress.cli import main
from plainpress.index import a_year_before, index_data, read_reports, reference_date

SCHEMA = json.loads((ROOT / "plainpress" / "data" / "index.schema.json").read_text())


def index_of(out: Path) -> tuple[dict, lxml_html.HtmlElement]:
    data = json.loads((out / "index.json").read_text(encoding="utf-8"))
    return data, lxml_html.fromstring((out / "index.html").read_text(encoding="utf-8"))


def test_two_separate_builds_into_one_folder_are_both_in_the_index(web_build):
    data, page = index_of(web_build)
    assert [(g["guide"], g["lang"], g["title"]) for g in data["guides"]] == [
        ("cuidado-de-los-pies", "es", "Cuide sus pies"), ("sample", "en", "A sample guide")]
    headings = page.xpath("//main/section/h2")
    assert [(h.get("id"), h.text_content(), h[0].get("lang")) for h in headings] == [
        ("cuidado-de-los-pies-es", "Cuide sus pies", "es"), ("sample-en", "A sample guide", "en")]


def test_index_json_matches_its_schema(web_build):
    data, _ = index_of(web_build)
    jsonschema.validate(data, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**data, "guides": [{"guide": "x"}]}, SCHEMA)


def test_every_link_is_relative_and_reaches_a_file(web_build):
    _, page = index_of(web_build)
    hrefs = [a.get("href") for a in page.xpath("//a")]
    files = [h for h in hrefs if not h.startswith("#")]
    assert "sample/en/sample-en.html" in files and "cuidado-de-los-pies/es/report.html" in files
    assert all((web_build / unquote(h.split("#")[0])).is_file() for h in files), files
    assert all(page.get_element_by_id(h[1:]) is not None for h in hrefs if h.startswith("#"))


def test_each_guide_shows_its_facts_in_words(web_build):
    data, page = index_of(web_build)
    sample = data["guides"][1]
    assert (sample["version"], sample["date"], sample["review_due"]) == ("2.1", "2026-01-31", False)
    assert sample["reading"]["state"] == "ok" and sample["reading"]["verdict"].startswith("The whole guide reads at grade")
    assert [o["status"] for o in sample["outputs"]] == ["not checked"]  # built without validation
    entry = page.get_element_by_id("sample-en").getparent().text_content()
    for words in ("Version", "2.1", "Last reviewed", "January\u00a031,\u00a02026", "Within its target.",
                  "Web page: sample-en.html", "Not checked: it was built without validation."):
        assert words in entry


def test_review_dates_are_judged_against_the_newest_one_and_the_page_says_so(web_build):
    data, page = index_of(web_build)
    assert data["reference"] == {"date": "2026-10-15", "from": "newest review date",
                                 "sentence": data["reference"]["sentence"]}
    assert "more than a year before October 15, 2026: the newest review date among these guides" in \
        page.xpath("string(//main)")


def test_source_date_epoch_sets_the_date_and_a_review_over_a_year_old_is_due(web_build):
    reports = read_reports(web_build)
    epoch = int(dt.datetime(2027, 2, 1, tzinfo=dt.timezone.utc).timestamp())
    reference = reference_date(reports, {"SOURCE_DATE_EPOCH": str(epoch)})
    data = index_data(reports, reference)
    assert reference == {"date": "2027-02-01", "from": "SOURCE_DATE_EPOCH"}
    assert {g["guide"]: g["review_due"] for g in data["guides"]} == {"cuidado-de-los-pies": False, "sample": True}
    assert data["summary"]["review_due"] == 1 and "SOURCE_DATE_EPOCH" in data["reference"]["sentence"]


def test_a_year_before_a_leap_day_is_the_28th():
    assert a_year_before(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)


def test_a_validated_build_records_each_validator_and_checks_the_index_itself(tmp_path, monkeypatch):
    import plainpress.validate as validate
    from plainpress.findings import Finding
    from plainpress.validate import ToolResult

    def fake(path, guide):
        failing = path.suffix == ".epub"
        findings = (Finding("error", "fake.rule", path.name, "planted"),) if failing else ()
        return ToolResult("fake", path.name, True, {}, findings)
    monkeypatch.setattr(validate, "validators", lambda fmt: [("fake", fake)])
    guide = tmp_path / "guide"
    shutil.copytree(SAMPLE.parent, guide)
    assert main([str(guide), "--format", "epub,html", "--out", str(tmp_path / "out"), "-q"]) == 0
    data, page = index_of(tmp_path / "out")
    assert [(o["format"], o["status"]) for o in data["guides"][0]["outputs"]] == [("epub", "fail"), ("html", "pass")]
    assert data["summary"]["failing"] == 1 and data["checks"][0]["status"] == "pass"  # the index page's own
    statuses = [s.text for s in page.xpath("//ul[@class='files']//span[starts-with(@class, 'status-')]")]
    assert statuses == ["FAIL", "pass"]
    assert "1 fails an accessibility check: what fails and where its report is, below." in \
        page.xpath("string(//ul[@class='glance'])")


def test_a_translation_shows_how_current_it_is(web_build, tmp_path):
    from plainpress.index import write_index
    out = tmp_path / "out"
    shutil.copytree(web_build, out)
    report_path = out / "cuidado-de-los-pies" / "es" / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    report["translation"] = {"from": "en.md", "from_lang": "en", "current": 0.934, "stale": 1, "missing": 0, "orphan": 0}
    report_path.write_text(json.dumps(report), encoding="utf-8")
    write_index(out, environ={})
    data, page = index_of(out)
    assert data["guides"][0]["translation"] == {"from_lang": "en", "from_language": "English", "current": 0.934,
                                                "missing": 0, "stale": 1, "moved": 0, "orphan": 0}
    assert data["guides"][1]["translation"] is None
    entry = page.get_element_by_id("cuidado-de-los-pies-es").getparent().text_content()
    assert "Translation" in entry and "93 % current with its English source." in entry
    jsonschema.validate(data, SCHEMA)
