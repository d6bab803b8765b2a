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
from plainpress.build.index import a_year_before, index_data, read_reports, reference_date

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
    from plainpress.build.index import write_index
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


# One row per guide, and what to do next -----------------------------------------------------------

def _report(tmp: Path, guide: str, lang: str, title: str, *, translation=None, failing=False, verdict="ok",
            date="2026-10-01") -> tuple[Path, dict]:
    """A report.json's facts, with its files on disk (the index links only to files that exist)."""
    folder = tmp / guide / lang
    folder.mkdir(parents=True)
    for name in (f"{guide}-{lang}.pdf", "report.html"):
        (folder / name).write_text("stand-in")   # report.json is written below
    status = "fail" if failing else "pass"
    validators = [{"tool": "pdf/ua-1", "status": status}, {"tool": "large-print", "status": "pass"}]
    reading = {"scored": True, "verdict": f"The whole guide reads at grade {'9.1' if verdict == 'too hard' else '4.0'}.",
               "whole": {"verdict": verdict}}
    report = {"guide": guide, "lang": lang, "title": title, "version": "1", "date": date, "reading": reading,
              "outputs": {"pdf": {"file": f"{guide}-{lang}.pdf", "bytes": 2048}},
              "accessibility": {"pdf": {"status": status, "validators": validators}}, "translation": translation}
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return folder, report


def _library(tmp_path) -> dict:
    behind = {"from": "en.md", "from_lang": "en", "current": 0.9, "stale": 1, "missing": 4, "orphan": 0, "moved": 0}
    reports = [_report(tmp_path, "als-basics", "en", "ALS: the basics", verdict="too hard"),
               _report(tmp_path, "als-basics", "ko", "루게릭병 기본", translation=behind, failing=True),
               _report(tmp_path, "als-basics", "tl", "ALS: ang mga batayan",
                       translation={**behind, "current": 1.0, "stale": 0, "missing": 0}),
               _report(tmp_path, "foot-care", "en", "Foot care", date="2024-01-01")]
    return index_data(reports, {"date": "2026-10-01", "from": "newest review date"})


def test_the_library_has_one_row_per_guide_with_its_languages(tmp_path):
    data = _library(tmp_path)
    assert data["summary"]["sentence"] == "2 guides in 3 languages: English, Korean, Tagalog"
    assert [(row["title"], [l["language"] for l in row["languages"]]) for row in data["library"]] == [
        ("ALS: the basics", ["English", "Korean", "Tagalog"]), ("Foot care", ["English"])]
    korean = data["library"][0]["languages"][1]
    assert korean["report"] == "als-basics/ko/report.html" and korean["anchor"] == "als-basics-ko"
    assert korean["state"] == ("90 % current with the English (4 parts not translated yet, 1 part translating "
                               "an older text); 1 check fails; reading within its target")
    write_index_page = __import__("plainpress.build.index", fromlist=["write_index"]).write_index
    write_index_page(tmp_path, environ={})
    _, page = index_of(tmp_path)
    rows = page.xpath("//table[@class='library']/tbody/tr")
    assert [r.xpath("string(./th)") for r in rows] == ["ALS: the basics", "Foot care"]
    links = [(a.text, a.get("href")) for a in rows[0].xpath("./td//li/a")]
    assert links[:4] == [("English", "#als-basics-en"), ("Its report", "als-basics/en/report.html"),
                         ("Korean", "#als-basics-ko"), ("Its report", "als-basics/ko/report.html")]
    assert page.xpath("string(//header/p)") == ("2 guides in 3 languages: English, Korean, Tagalog: every guide in "
                                               "this folder, with its review date, reading level and checks.")


def test_what_to_do_next_puts_failures_first_then_translations_then_reading_then_reviews(tmp_path):
    data = _library(tmp_path)
    assert [(s["kind"], s["lang"]) for s in data["next"]] == [
        ("check fails", "ko"), ("translation", "ko"), ("reading level", "en"), ("review", "en")]
    assert data["next"][0]["text"] == ("Mend “루게릭병 기본” (Korean): its large-print PDF (als-basics-ko.pdf) fails "
                                       "the check: PDF/UA-1, the standard for accessible PDF.")
    assert data["next"][0]["href"] == "als-basics/ko/report.html#accessibility"
    assert data["next"][1]["text"] == ("Bring the Korean translation of “루게릭병 기본” up to date: 90 % current with "
                                       "the English (4 parts not translated yet, 1 part translating an older text).")
    assert data["next"][1]["href"] == "als-basics/ko/report.html#translation"
    assert data["next"][2]["text"] == "Make “ALS: the basics” (English) easier to read: The whole guide reads at grade 9.1."
    assert data["next"][3]["text"].startswith("Review “Foot care” (English): last reviewed January")
    from plainpress.build.index import write_index
    write_index(tmp_path, environ={})
    saved, page = index_of(tmp_path)
    jsonschema.validate(saved, SCHEMA)
    steps = [" ".join(li.text_content().split()) for li in page.xpath("//ol[@class='next']/li")]
    assert steps[0] == ("Mend “루게릭병 기본” (Korean): its large-print PDF (als-basics-ko.pdf) fails the check: "
                        "PDF/UA-1, the standard for accessible PDF. See what it means for readers and what to do.")
    assert page.xpath("//ol[@class='next']/li[1]/bdi/@lang") == ["ko"]
    entry = page.get_element_by_id("als-basics-ko").getparent()
    assert "The 5 parts to see to are listed in its report." in " ".join(entry.text_content().split())
