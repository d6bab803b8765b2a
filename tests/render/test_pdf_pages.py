"""Pages that print well: the last page holds three lines or more (a second layout with an earlier
break, only for documents that need one), a call-out or a table taller than what is left breaks
across the page and stays one element of the structure tree, and passes PDF/UA-1 and our check."""
from __future__ import annotations

import importlib.util

import pdfplumber
import pikepdf
import pytest
from weasyprint import HTML

from conftest import require_tool
from plainpress.render.pdf import render_pdf
from plainpress.render.pdf_pages import laid_out, page_facts
from plainpress.source import read_guide
from plainpress.validate.pdf_structure import check_pdf_structure, read_structure
from plainpress.validate.pdfua import run_pdfua

# Ten lines of 20 px to a page: what each page holds is counted exactly.
PAGE = ("<style>@page { size: 400px 240px; margin: 20px } body { margin: 0; font: 16px/20px sans-serif }"
        " p, h2 { margin: 0; font-size: 16px } h2 { break-after: avoid }</style>")


def document(body: str) -> HTML:
    return HTML(string=f"<!DOCTYPE html><html lang='en'><head>{PAGE}</head><body>{body}</body></html>")


def lines(doc) -> list[int]:
    return [page_facts(page).lines for page in doc.pages]


def paragraphs(first: int, last: int) -> str:
    return "".join(f"<p>Line {n}.</p>" for n in range(first, last + 1))


def test_a_last_page_of_one_line_takes_two_more_from_the_page_before():
    html = document(paragraphs(1, 21))
    assert lines(html.render()) == [10, 10, 1]
    assert lines(laid_out(html)) == [10, 8, 3]


def test_the_break_never_leaves_a_heading_at_the_foot_of_a_page():
    html = document(paragraphs(1, 17) + "<h2>Questions</h2>" + paragraphs(18, 20))
    assert lines(html.render()) == [10, 10, 1]
    doc = laid_out(html)
    assert lines(doc) == [10, 7, 4]
    assert texts(doc.pages[-1])[0] == "Questions"


def test_a_document_whose_last_page_is_long_enough_is_laid_out_once(monkeypatch):
    html, calls = document(paragraphs(1, 14)), []
    render = html.render
    monkeypatch.setattr(html, "render", lambda **options: calls.append(options) or render(**options))
    assert lines(laid_out(html)) == [10, 4]
    assert len(calls) == 1


def test_a_page_counts_its_lines_but_not_its_footer():
    footer = "<style>@page { @bottom-left { content: 'page ' counter(page) } }</style>"
    assert lines(document(footer + paragraphs(1, 3)).render()) == [3]


def texts(page) -> list[str]:
    from weasyprint.formatting_structure import boxes
    found = []
    for box in page._page_box.descendants():
        if isinstance(box, boxes.LineBox):
            words = "".join(b.text for b in box.descendants() if isinstance(b, boxes.TextBox)).strip()
            if words:
                found.append(words)
    return found


# ------------------------------------------------------------------ real guides, through WeasyPrint's tagging

TEXT = "Take your pills at the same time each day, with a glass of water, and keep them in a dry place."


def guide_pdf(tmp_path, body: str):
    folder = tmp_path / "pills"
    folder.mkdir()
    (folder / "en.md").write_text(f"---\ntitle: Your pills\nlang: en\ndate: 2026-11-02\n---\n\n{body}",
                                  encoding="utf-8")
    path = folder / "pills-en.pdf"
    path.write_bytes(render_pdf(read_guide(folder / "en.md")))
    return path


def structure(path):
    with pikepdf.open(path) as pdf:
        return list(read_structure(pdf).elements())


def passes_both_checks(path) -> None:
    assert [str(f) for f in check_pdf_structure(path, "en").findings if f.severity != "info"] == []
    require_tool(importlib.util.find_spec("page") is not None, "page-validation (the PDF/UA-1 validator)")
    result = run_pdfua(path, "en")
    assert result.counts == {"rules": 104, "passed": 104, "failed": 0}, [str(f) for f in result.findings]


@pytest.fixture(scope="module")
def callout_pdf(tmp_path_factory):
    """Half a page of text, then a call-out of six points that does not fit below it."""
    points = "\n".join(f"- Point {n}: {TEXT}" for n in range(1, 7))
    body = "## Every day\n\n" + "\n\n".join([TEXT] * 2) + f"\n\n::: warning Before you take them\n{points}\n:::\n"
    return guide_pdf(tmp_path_factory.mktemp("callout"), body)


@pytest.mark.slow
def test_a_callout_taller_than_what_is_left_breaks_across_the_page(callout_pdf):
    with pdfplumber.open(callout_pdf) as pdf:
        first, second = (page.extract_text() for page in pdf.pages[:2])
    assert "Before you take them" in first and "Point 1:" in first
    assert "Point 6:" in second and "Point 1:" not in second


@pytest.mark.slow
def test_a_callout_broken_across_pages_is_one_element_holding_one_list(callout_pdf):
    elements = structure(callout_pdf)
    [callout] = [e for e in elements if e.type == "Div" and any(c.type == "L" for c in e.children)]
    [points] = [c for c in callout.children if c.type == "L"]
    assert sorted({p + 1 for p, _ in callout.all_content()}) == [1, 2]
    assert [c.type for c in points.children] == ["LI"] * 6
    assert len([e for e in elements if e.type == "L"]) == 1


@pytest.mark.slow
def test_a_callout_broken_across_pages_passes_pdfua_and_the_structure_check(callout_pdf):
    passes_both_checks(callout_pdf)


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory):
    rows = "\n".join(f"| Day {n} | One white pill |" for n in range(1, 41))
    body = f"## Your month\n\n{TEXT}\n\n| Day | Pill |\n|-----|------|\n{rows}\n"
    return guide_pdf(tmp_path_factory.mktemp("table"), body)


@pytest.mark.slow
def test_a_table_over_two_pages_repeats_its_header_row_in_print(table_pdf):
    with pdfplumber.open(table_pdf) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    assert len(pages) >= 2 and all(text.count("Day Pill") == 1 for text in pages[:2])


@pytest.mark.slow
def test_a_table_over_two_pages_is_one_table_with_its_header_read_once(table_pdf):
    with pikepdf.open(table_pdf) as pdf:   # the elements' dictionaries are read while it is open
        [table] = [e for e in read_structure(pdf).elements() if e.type == "Table"]
        assert [c.type for c in table.children] == ["THead", "TBody"]
        assert len(table.children[1].children) == 40
        ids = {str(e.obj.ID) for e in table.walk() if e.type == "TH"}
        cells = [e for e in table.walk() if e.type == "TD"]
        assert len(ids) == 2 and len(cells) == 80
        assert all(len(cell.obj.A.Headers) == 1 and str(cell.obj.A.Headers[0]) in ids for cell in cells)


@pytest.mark.slow
def test_a_table_over_two_pages_passes_pdfua_and_the_structure_check(table_pdf):
    passes_both_checks(table_pdf)


@pytest.mark.slow
def test_the_contact_block_that_closes_a_themed_guide_stays_on_one_page(tmp_path):
    """The nurse's handout: on letter paper its contact block once began at the foot of page 3."""
    from conftest import FIXTURES, ROOT
    from plainpress.render import RenderOptions
    from plainpress.theme import load_theme
    theme = load_theme(ROOT / "examples" / "clinic-theme")
    guide = read_guide(FIXTURES / "good" / "scripts" / "blood-pressure" / "en.md")
    path = tmp_path / "blood-pressure-en.pdf"
    path.write_bytes(render_pdf(guide, RenderOptions("letter", theme)))
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() for page in pdf.pages]
    [page] = [text for text in pages if "Contact us" in text]
    assert all(line in page for line in ("Questions? Call", "Opening hours:", "Address:", "Website:"))
