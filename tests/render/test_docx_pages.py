"""The DOCX's pages in LibreOffice: a nurse's handout whose medicine table runs over several pages keeps every
row whole, repeats its header row at the top of each page, and loses no row (LibreOffice 7.4 once showed a
header row above an empty row, and a row cut in half, when rows could split)."""
from __future__ import annotations

import pdfplumber
import pytest

from conftest import require_tool
from plainpress.render.docx import render_docx
from plainpress.source import read_guide
from plainpress.validate.libreoffice import compare, convert, soffice

MEDICINES = ["Amlodipine", "Metformin", "Aspirin", "Atorvastatin", "Lisinopril", "Furosemide", "Omeprazole",
             "Levothyroxine", "Warfarin", "Insulin", "Sertraline", "Gabapentin", "Tramadol", "Prednisolone",
             "Salbutamol", "Vitamin D", "Iron", "Senna"]
HEADER = ["Medicine", "How to take it", "When"]


def how(i: int) -> str:
    """Cells of one to four lines, so that rows of different heights meet the foot of the page."""
    return " ".join(["Take one pill with water after you eat."] + ["Do not take it with grapefruit juice."] * (i % 2)
                    + ["Ask the nurse if you feel dizzy after you take it."] * (i % 3 == 0))


ROWS = [[name, how(i), "Morning" if i % 2 else "Evening"] for i, name in enumerate(MEDICINES)]
HANDOUT = ("---\ntitle: Your medicines after the hospital\nlang: en\ndate: 2026-11-20\n---\n\n"
           "This list says what each medicine is, how to take it and when.\n\n"
           f"| {' | '.join(HEADER)} |\n|---|---|---|\n" + "".join(f"| {' | '.join(r)} |\n" for r in ROWS)
           + "\nTake a missed pill when you remember. Do not take two at once.\n")


def squeezed(cells) -> list[str]:
    return [" ".join((cell or "").split()) for cell in cells]


@pytest.mark.slow
def test_a_long_table_breaks_between_whole_rows_under_its_repeated_header(tmp_path):
    program = soffice()
    require_tool(program is not None, "LibreOffice (soffice)")
    source = tmp_path / "handout" / "en.md"
    source.parent.mkdir()
    source.write_text(HANDOUT, encoding="utf-8")
    docx_path = tmp_path / "handout-en.docx"
    docx_path.write_bytes(render_docx(read_guide(source)))
    pdfs, problem = convert(program, [docx_path], tmp_path / "lo", 180)
    assert not problem, problem
    with pdfplumber.open(pdfs[docx_path]) as pdf:
        pieces = [squeezed_rows for page in pdf.pages for table in page.find_tables()
                  for squeezed_rows in [[squeezed(row) for row in table.extract()]]]
    assert len(pieces) >= 3, "the table runs over three pages or more"
    assert all(piece[0] == HEADER for piece in pieces), "the header row tops every page of the table"
    body = [row for piece in pieces for row in piece[1:]]
    assert body == ROWS, "every row once, whole, in order: none cut in half, none empty, none lost"
    text_check = compare(docx_path, pdfs[docx_path], problem)
    assert text_check.counts["errors"] == 0, [str(f) for f in text_check.findings]


@pytest.mark.slow
def test_a_table_at_a_pages_foot_moves_with_its_row_and_no_header_stands_over_an_empty_row(tmp_path):
    """The Japanese handout's table meets page 1's foot in LibreOffice 7.4: with rows that may split, its one row
    printed at the foot (in the footer's space) and page 2 repeated the header above the row's empty remainder."""
    from docx_guides import WORDS, guide

    program = soffice()
    require_tool(program is not None, "LibreOffice (soffice)")
    docx_path = tmp_path / "ja.docx"
    docx_path.write_bytes(render_docx(guide(tmp_path, "ja")))
    pdfs, problem = convert(program, [docx_path], tmp_path / "lo", 180)
    assert not problem, problem
    with pdfplumber.open(pdfs[docx_path]) as pdf:
        pieces = [[["".join((cell or "").split()) for cell in row] for row in table.extract()]
                  for page in pdf.pages for table in page.find_tables()]   # no spaces: pdfplumber puts some in Japanese
    header, row = WORDS["ja"][7], WORDS["ja"][8]
    assert pieces == [[list(header), list(row)]], "one piece of table, on one page: the header and its row"
