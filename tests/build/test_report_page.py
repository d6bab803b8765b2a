"""report.html for a clinic manager, read as text: a failing check says what is wrong, where, what it
means for a reader and what to do; a translation lists its parts still to translate; every finding the
terminal sends its reader to report.html for is there; the words are for people."""
from __future__ import annotations

import re

import shutil
from pathlib import Path

from lxml import html as lxml_html

from conftest import ROOT
from plainpress import build as pipeline
from plainpress.findings import Finding
from plainpress.render import RenderOptions
from plainpress.build.report import guide_summary, render_html, report_data
from plainpress.build.report_page import place_words
from plainpress.validate import ToolResult

ALS_BASICS = ROOT / "source" / "als-basics"
ADDED = "Your care team will write down a plan with you, and they will go over it again at each visit."


def checked(source: Path, tmp_path: Path, outputs: dict[str, str] = {}, validation=None):
    """A checked guide (nothing rendered), with stand-in output files so that report.html has files to name."""
    [result] = pipeline.build([source], (), (), tmp_path, RenderOptions(), render=False)
    result.out_dir = tmp_path
    tmp_path.mkdir(parents=True, exist_ok=True)
    for fmt, name in outputs.items():
        (tmp_path / name).write_bytes(b"stand-in")
        result.outputs[fmt] = tmp_path / name
    result.validation = validation or {}
    return result


def page_of(result, tmp_path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(render_html(result, report_data(result, tmp_path)))


def words(element) -> str:
    return " ".join(element.text_content().split())


def changed_source(tmp_path: Path) -> Path:
    """als-basics with a paragraph and a list added to its English: the translations lack them."""
    folder = tmp_path / "als-basics"
    shutil.copytree(ALS_BASICS, folder)
    english = folder / "en.md"
    english.write_text(english.read_text().replace(
        "## What is ALS?\n", f"## What is ALS?\n\n{ADDED}\n\n- Sign important papers\n- Ask who can help you at home\n\n", 1))
    return folder


def failing_pdf(name: str) -> list[ToolResult]:
    ua = ToolResult("pdf/ua-1", name, True, {"rules": 104, "passed": 103, "failed": 1}, tuple(
        Finding("error", "pdfua.PDFUA1-FIG-ALT-001", f"{name} object {n}",
                "Figure structure element has neither Alt nor ActualText", "PDF/UA-1 Figures") for n in (412, 415)))
    structure = ToolResult("pdf-structure", name, True, {}, (
        Finding("error", "pdf.figure-alt", f"{name} page 3", "1 of 1 Figures have no /Alt; a Figure without alternate text",
                'give every <img> an alt="..."'),))
    large = ToolResult("large-print", name, True, {"pages": 4})
    return [ua, structure, large]


def test_a_failing_check_says_what_is_wrong_where_what_it_means_and_what_to_do(tmp_path):
    result = checked(ALS_BASICS / "en.md", tmp_path, {"pdf": "als-basics-en.pdf"},
                     {"pdf": failing_pdf("als-basics-en.pdf")})
    page = page_of(result, tmp_path)
    first, second = page.xpath("//section[@class='failure']")
    assert words(first.find("h3")) == "Large-print PDF (als-basics-en.pdf) fails: PDF/UA-1, the standard for accessible PDF"
    assert words(first.xpath("./p")[0]) == (
        "What it means for a reader: A screen reader may skip or misread part of this handout, and the PDF "
        "cannot be handed out as an accessible PDF.")
    assert words(first.xpath("./p")[1]).startswith(
        "What to do: This comes from how the file was made, not from the guide's words: send this report to "
        "whoever looks after plainpress")
    [row] = first.xpath(".//tbody/tr")
    assert [words(td) for td in row] == [
        "A rule of the accessible-PDF standard is broken. The check says: Figure structure element has neither Alt "
        "nor ActualText", "in the file's tags, not on one page (objects 412, 415)", "PDF/UA-1 Figures"]
    [row] = second.xpath(".//tbody/tr")
    assert [words(td) for td in row][:2] == [
        "A picture has no description for screen readers. The check says: 1 of 1 Figures have no /Alt; a Figure "
        "without alternate text", "page 3"]
    assert "A screen reader may not find this handout's headings, lists or pictures" in words(second)
    short = [words(li) for li in page.xpath("//h2[@id='in-short']/following-sibling::ul[1]/li")]
    assert short[0].startswith("Large-print PDF fails a check: PDF/UA-1, the standard for accessible PDF. "
                               "A screen reader may skip or misread")
    results = [[words(td) for td in tr] for tr in
               page.xpath("//h2[@id='accessibility']/following-sibling::table[1]/tbody/tr")]
    assert results[2] == ["Large-print PDF", "large print, measured on every page", "passes"]
    assert "104 rules" not in words(page) and "pdfua.PDFUA1" not in words(page)  # counts and ids: the JSON's


def test_a_page_is_placed_in_the_section_its_bookmarks_say():
    sections = [(1, "Key points"), (3, "What is ALS?"), (5, "Glossary")]
    assert place_words("x.pdf page 4", "x.pdf", sections) == "page 4, in “What is ALS?”"
    assert place_words("x.pdf page 2", "x.pdf") == "page 2"
    assert place_words("x.pdf", "x.pdf") == "the whole file"
    assert place_words('x.docx: paragraph 12 ("Call us")', "x.docx") == 'paragraph 12 ("Call us")'


def test_a_translations_missing_parts_are_listed_in_its_report(tmp_path):
    source = changed_source(tmp_path) / "es.md"
    result = checked(source, tmp_path / "es")
    missing = [f for f in result.findings if f.rule == "translation.missing"]
    assert len(missing) == 5
    page = page_of(result, tmp_path)
    assert words(page.xpath("//h2[@id='translation']/following-sibling::p[1]")[0]).startswith(
        "Translated from English: ")
    rows = [[words(td) for td in tr] for tr in page.xpath("//h2[@id='translation']/following-sibling::table[1]/tbody/tr")]
    listed = [r for r in rows if r[0] == "Part not translated yet"]
    assert [r[1] for r in listed] == ["not in this translation yet"] * 5
    lines = (source.parent / "en.md").read_text().splitlines()
    line = lines.index("- Sign important papers") + 1
    assert f"en.md, line {line} is not translated yet: “Sign important papers”" in [r[2] for r in listed]
    assert [r[2] for r in listed] == [" ".join(f.message.replace(".md:", ".md, line ").split()) for f in missing]
    assert listed[0][3].startswith("Translate it: plainpress translate export ")
    assert "No plain-language rule found anything to change." in words(page)   # translation is not plain language


def test_every_finding_the_terminal_sends_to_report_html_is_in_it(tmp_path):
    source = changed_source(tmp_path) / "es.md"
    result = checked(source, tmp_path / "es", {"html": "x.html"})
    summary = guide_summary(result, tmp_path)
    assert "(listed in report.html)" in summary
    text = words(page_of(result, tmp_path))
    pointed = [f for f in result.findings if f.severity != "info" and f.rule != "reading.grade"]
    assert pointed and all(" ".join(f.message.split()).replace(".md:", ".md, line ")[1:] in text for f in pointed)


def test_labels_that_print_in_english_are_in_the_report(tmp_path):
    result = checked(ALS_BASICS / "en.md", tmp_path)
    result.findings = [*result.findings, Finding("warning", "labels.missing", f"{result.guide.path}:4",
                                                 "2 labels this guide prints will be in English", "add them")]
    page = page_of(result, tmp_path)
    [row] = page.xpath("//h2[@id='other']/following-sibling::table[1]/tbody/tr")
    assert [words(td) for td in row] == ["Set of labels that will print in English", "en.md, line 4",
                                         "2 labels this guide prints will be in English", "Add them"]


def test_the_terminal_and_report_speak_of_languages_by_name(tmp_path):
    source = changed_source(tmp_path) / "es.md"
    result = checked(source, tmp_path / "es", {"html": "x.html"})
    summary = guide_summary(result, tmp_path)
    assert "Translation of" not in summary and "translation.missing" not in summary
    line = next(s.strip() for s in summary.splitlines() if "Translated from" in s)
    assert line.startswith("Translated from English: ") and line.endswith(
        "5 parts not translated yet, 8 parts that moved in the source (listed in report.html).")
    assert not [s for s in summary.splitlines() if "To look at" in s and "translat" in s]  # said once, above
    long = Finding("warning", "plain.sentence-length", "es.md:20", "a sentence of 31 words", "split it")
    result.findings = [long, long]
    assert guide_summary(result, tmp_path).splitlines()[-1] == "  To look at: 2 long sentences (listed in report.html)."
    assert guide_summary(result, tmp_path, verbose=True).splitlines()[-1] == (
        "  To look at: 2 long sentences [plain.sentence-length] (listed in report.html).")
    page = page_of(result, tmp_path)
    assert words(page.xpath("//main/p[1]")[0]).startswith("Language: Spanish.")


def test_a_language_without_a_formula_is_said_to_be_not_scored_in_words(tmp_path):
    result = checked(ALS_BASICS / "zh-Hans.md", tmp_path)
    text = words(page_of(result, tmp_path))
    assert ("Chinese (Simplified): the reading level is not scored — no readability formula has been validated "
            "for Chinese (Simplified).") in text
    assert "`" not in text


def test_the_hardest_sentences_say_whether_each_is_within_the_target(tmp_path):
    result = checked(ALS_BASICS / "en.md", tmp_path)
    page = page_of(result, tmp_path)
    verdict = words(page.xpath("//h2[@id='hardest']/following-sibling::p[1]")[0])
    assert re.fullmatch(r"\d of these 10 are above the target on their own \(Flesch-Kincaid grade 6 or lower\): "
                        r"they are the place to start\.", verdict), verdict
    items = [words(li.xpath("./p")[1]) for li in page.xpath("//h2[@id='hardest']/following-sibling::ol[1]/li")]
    assert any(": above the target. At en.md, line " in i for i in items)
    assert any(": within the target. At en.md, line " in i for i in items)


def test_a_libreoffice_failure_of_layout_alone_says_what_a_layout_failure_means():
    from plainpress.build.report_page import meant_by
    from plainpress.findings import Finding
    from plainpress.validate import ToolResult
    layout = Finding("warning", "layout.page-fill", "bp-ar.docx page 4", "page 4 is 59% full")
    lost = Finding("error", "libreoffice.text-lost", "bp-ar.docx", "a paragraph is missing")
    assert meant_by(ToolResult("libreoffice", "bp-ar.docx", True, {}, (layout,))) == "layout"
    assert meant_by(ToolResult("libreoffice", "bp-ar.docx", True, {}, (layout, lost))) == "libreoffice"
