"""The layout check on tiny PDFs whose boxes are drawn to exact heights (WeasyPrint, letter, 1 in margins:
a content area of 648 pt from 72 to 720), tagged as ours and untagged as LibreOffice's; and on a real build."""
from __future__ import annotations

import pytest
import weasyprint

from conftest import ALS, require_tool
from plainpress.validate.layout import check_layout

PAGE = ('@page { size: letter; margin: 1in; @bottom-left { content: "Tiny guide - page " counter(page) " of " '
        'counter(pages); font-size: 18pt } } body { font-size: 18pt; line-height: 1.5; margin: 0 } p { margin: 0 } '
        'h2 { font-size: 22pt; margin: 0; break-after: auto } .block { border: 1pt solid black } '
        '.box { border: 1pt solid black; break-inside: avoid }')
# 288 pt and its borders end at 362 pt: 290 / 648 of the area is 45% full, 358 pt left; the box is 452 pt tall.
MOVED = ('<div class="block" style="height: 288pt"><p>Before the box.</p></div>'
         '<div class="box" style="height: 450pt"><h2>Key points</h2><p>Take it each day.</p><p>Drink water.</p></div>')
HEADING = ('<div class="block" style="height: 500pt"><p>Before.</p></div><h2>Side effects</h2>'
           '<div class="box" style="height: 300pt"><p>Take it with food.</p><p>Drink water.</p><p>Rest.</p></div>')
LAST = '<div class="block" style="height: 630pt"><p>Before.</p></div><p>Call us.</p><p>Thank you.</p>'
GOOD = ('<div class="block" style="height: 560pt"><p>Before.</p></div>'
        '<div class="box" style="height: 400pt"><p>Four.</p><p>Five.</p><p>Six.</p></div>')
BREAK = '<div class="block" style="height: 288pt"><p>Before.</p></div><p style="break-before: page">After the break.</p>' \
        '<p>Two.</p><p>Three.</p>'


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layout")

    def write(body: str, tagged: bool = True):
        html = f'<html lang="en"><head><title>Tiny</title><style>{PAGE}</style></head><body>{body}</body></html>'
        path = folder / f"tiny-{abs(hash((body, tagged)))}.pdf"
        weasyprint.HTML(string=html).write_pdf(path, **({"pdf_variant": "pdf/ua-1"} if tagged else {}))
        return path
    return write


def messages(result) -> list[tuple[str, str, str]]:
    return [(f.rule, f.location.split(" ", 1)[1], f.message) for f in result.findings]


@pytest.mark.parametrize("tagged", [True, False], ids=["tagged", "untagged"])
def test_a_box_that_moved_whole_leaves_a_page_45_percent_full(pdf, tagged):
    result = check_layout(pdf(MOVED, tagged))
    assert messages(result) == [("layout.page-fill", "page 1", "page 1 is 45% full (358 pt left empty): the box or "
                                 "table starting 'Key points' (452 pt tall) moved whole to page 2")]
    assert result.findings[0].severity == "warning" and "break across the page" in result.findings[0].hint
    assert result.counts == {"pages": 2, "emptiest page fill %": 45, "last page lines": 3, "page fill %": [45, 70]}
    assert result.checked and not result.passed


@pytest.mark.parametrize("tagged", [True, False], ids=["tagged", "untagged"])
def test_a_heading_at_a_pages_foot(pdf, tagged):
    """Tagged: an H2 of the structure tree; untagged: 22 pt bold over 18 pt text. The footer is no heading
    nor a line: the margin box's text (tagged), the bottom line that repeats on every page (untagged)."""
    result = check_layout(pdf(HEADING, tagged))
    assert messages(result) == [("layout.heading-at-foot", "page 1",
                                 "page 1 ends with the heading 'Side effects': the text under it starts page 2")]
    assert result.counts["last page lines"] == 3


def test_a_last_page_of_two_lines(pdf):
    result = check_layout(pdf(LAST))
    assert messages(result) == [("layout.last-page", "page 2",
                                 "the last page (page 2) holds 2 lines (at least 3): 'Call us. / Thank you.'")]
    assert result.counts["page fill %"] == [98, 8]


def test_what_starts_the_next_page_when_no_box_moved(pdf):
    result = check_layout(pdf(BREAK))
    assert messages(result) == [("layout.page-fill", "page 1",
                                 "page 1 is 45% full (358 pt left empty): page 2 starts with 'After the break.'")]


def test_full_pages_pass(pdf):
    result = check_layout(pdf(GOOD))
    assert result.passed and result.findings == ()
    assert result.counts == {"pages": 2, "emptiest page fill %": 87, "last page lines": 3, "page fill %": [87, 62]}


def test_a_footer_of_two_lines_is_cut_as_running_says(pdf):
    """LibreOffice's footer may wrap: `running` gets a page's last lines (top down) and says whether they are it."""
    narrow = GOOD + "<style>@page { @bottom-left { width: 1.6in } }</style>"
    seen = []

    def running(lines):
        seen.append(lines)
        return lines in (["Tiny guide -", "page 1 of 2"], ["Tiny guide -", "page 2 of 2"])
    result = check_layout(pdf(narrow, tagged=False), running)
    assert ["page 1 of 2"] in seen and ["Tiny guide -", "page 1 of 2"] in seen
    assert result.counts == {"pages": 2, "emptiest page fill %": 87, "last page lines": 3, "page fill %": [87, 62]}


def test_the_docx_hints_speak_of_keep_with_next(pdf):
    result = check_layout(pdf(HEADING, tagged=False), kind="docx", where="in LibreOffice's pages of the DOCX, ")
    [finding] = result.findings
    assert finding.message.startswith("in LibreOffice's pages of the DOCX, page 1 ends with the heading")
    assert "w:keepNext" in finding.hint


@pytest.mark.slow
def test_the_build_runs_the_layout_check_on_the_pdf_and_on_libreoffices_pages(tmp_path):
    from plainpress import build as pipeline
    from plainpress.render import RenderOptions

    [result] = pipeline.build([ALS], ("pdf", "docx"), (), tmp_path, RenderOptions(), validate=True)
    [layout] = [r for r in result.validation["pdf"] if r.tool == "layout"]
    assert layout.checked and layout.counts["pages"] == len(layout.counts["page fill %"]) >= 5
    assert all(0 <= fill <= 100 for fill in layout.counts["page fill %"])
    [libreoffice] = [r for r in result.validation["docx"] if r.tool == "libreoffice"]
    require_tool(libreoffice.checked, f"LibreOffice ({libreoffice.note})")
    assert libreoffice.counts["pages"] == len(libreoffice.counts["page fill %"])
    assert {f.rule for f in libreoffice.findings} <= {"layout.page-fill", "layout.heading-at-foot", "layout.last-page"}


def test_right_to_left_lines_are_quoted_in_reading_order():
    from plainpress.validate.layout import quote
    # pdfplumber's text of an Arabic line is as drawn, left to right: the words backwards, a Latin name forwards
    assert quote("Riverside Neurology Clinic :عقوملا", 60) == "'الموقع: Riverside Neurology Clinic'"
    assert quote("Key points", 60) == "'Key points'"
