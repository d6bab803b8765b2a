"""LibreOffice opens our DOCX and loses no words; a broken DOCX is a finding, never an exception."""
from __future__ import annotations

import io
import shutil

import docx
import pytest

from conftest import SAMPLE, require_tool
from plainpress.render.docx import render_docx
from plainpress.source import read_guide
from plainpress.validate import libreoffice
from plainpress.validate.libreoffice import Passage, cut_running, docx_text, lost, run_libreoffice

THREE_COLUMNS = """---
title: A table guide
lang: en
date: 2026-01-31
---

## Your pills

Take your pills as the table says.

| Pill | When to take it | What to watch for |
|------|-----------------|-------------------|
| The small white pill for your blood sugar | Every morning with a full glass of water and some food | Shaking, sweating or feeling dizzy or hungry all of a sudden |
| The round blue pill for your feet and nerves | Every night before you go to bed, even on days you feel well | Burning or tingling in your feet that gets worse over a week |

Call us if you have questions.
"""


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return render_docx(read_guide(SAMPLE))


@pytest.fixture(scope="module")
def three_columns(tmp_path_factory) -> bytes:
    """A valid table whose cells wrap onto several lines: the PDF's text runs across its columns line by line."""
    path = tmp_path_factory.mktemp("table") / "en.md"
    path.write_text(THREE_COLUMNS, encoding="utf-8")
    return render_docx(read_guide(path))


@pytest.fixture
def soffice():
    require_tool(shutil.which("soffice") is not None, "LibreOffice")


@pytest.mark.slow
@pytest.mark.parametrize("build", ["als_build", "sample_build"])
def test_our_docx_converts_without_losing_text(build, request, soffice):
    result = run_libreoffice(request.getfixturevalue(build).outputs["docx"])
    assert result.checked and result.tool == "libreoffice"
    assert result.counts["errors"] == 0 and result.counts["pages"] >= 2, [str(f) for f in result.findings]
    assert result.passed


@pytest.mark.slow
def test_a_corrupt_docx_is_an_error(tmp_path, sample_docx, soffice):
    path = tmp_path / "corrupt.docx"
    path.write_bytes(sample_docx[: len(sample_docx) // 3])  # a cut-off download
    result = run_libreoffice(path)
    assert result.checked and not result.passed
    [finding] = result.findings
    assert finding.severity == "error" and finding.rule == "libreoffice.convert"
    assert "could not convert" in finding.message and result.counts == {"pages": 0, "errors": 1}


@pytest.mark.slow
def test_hidden_text_is_lost_text(tmp_path, sample_docx, soffice):
    document = docx.Document(io.BytesIO(sample_docx))
    next(p for p in document.paragraphs if p.text.startswith("Call us")).runs[0].font.hidden = True
    path = tmp_path / "hidden.docx"
    document.save(str(path))
    result = run_libreoffice(path)
    [finding] = result.findings
    assert finding.rule == "libreoffice.text-lost" and "Call us if you feel worse." in finding.message
    assert result.counts["errors"] == 1 and result.counts["pages"] >= 2


@pytest.mark.slow
def test_a_table_whose_cells_wrap_loses_nothing(tmp_path, three_columns, soffice):
    path = tmp_path / "table.docx"
    path.write_bytes(three_columns)
    result = run_libreoffice(path)
    assert result.counts["errors"] == 0, [str(f) for f in result.findings]


@pytest.mark.slow
def test_a_table_cell_that_is_not_shown_is_lost_text(tmp_path, three_columns, soffice):
    document = docx.Document(io.BytesIO(three_columns))
    document.tables[0].cell(2, 1).paragraphs[0].runs[0].font.hidden = True
    path = tmp_path / "hidden-cell.docx"
    document.save(str(path))
    [finding] = run_libreoffice(path).findings
    assert (finding.rule, finding.location) == ("libreoffice.text-lost", "hidden-cell.docx: table 1, row 3, cell 2")
    assert finding.message == ("this table cell's text is missing from LibreOffice's PDF: "
                               '"Every night before you go to bed, even on days you feel well"')


@pytest.mark.slow
def test_a_footer_that_is_not_shown_is_lost_text(tmp_path, sample_docx, soffice):
    document = docx.Document(io.BytesIO(sample_docx))
    for run in document.sections[0].footer.paragraphs[0].runs:
        run.font.hidden = True
    path = tmp_path / "hidden-footer.docx"
    document.save(str(path))
    [finding] = run_libreoffice(path).findings
    assert finding.location == "hidden-footer.docx: footer1.xml"
    assert finding.message == 'this header or footer is on no page of LibreOffice\'s PDF: "A sample guide - page of"'


@pytest.mark.slow
def test_a_conversion_that_hangs_is_stopped(tmp_path, sample_docx, soffice):
    path = tmp_path / "slow.docx"
    path.write_bytes(sample_docx)
    [finding] = run_libreoffice(path, timeout=0.2).findings
    assert finding.rule == "libreoffice.convert" and "did not finish" in finding.message


def test_without_libreoffice_it_is_not_checked(tmp_path, monkeypatch):
    monkeypatch.setattr(libreoffice, "soffice", lambda: None)
    result = run_libreoffice(tmp_path / "any.docx")
    assert not result.checked and not result.passed and "not installed" in result.note
    assert result.to_json()["status"] == "not checked"


def paragraphs(*texts: str) -> list[Passage]:
    return [Passage(f"paragraph {n}", text) for n, text in enumerate(texts, 1)]


def test_lost_compares_paragraphs_in_order_without_white_space():
    text = "Take one\npill.  Then:\nWash your hands."
    assert lost(paragraphs("Take one pill.", "Then:", "Wash your  hands.", ""), text) == []
    assert lost(paragraphs("Then:", "Take one pill."), text) == [("paragraph", "paragraph 2", "Take one pill.")]
    assert lost(paragraphs("Gone."), text) == [("paragraph", "paragraph 1", "Gone.")]


TABLE = Passage("table 1", cells=(("table 1, row 1, cell 1", "Pill"), ("table 1, row 1, cell 2", "When"),
                                  ("table 1, row 2, cell 1", "The small white pill"),
                                  ("table 1, row 2, cell 2", "Every morning with food")))
WRAPPED = "Before.\nPill When\nThe small Every morning\nwhite pill with food\nAfter."  # line by line across columns


def test_a_table_is_found_whole_though_its_cells_come_apart():
    before, after = paragraphs("Before.", "After.")
    assert lost([before, TABLE, after], WRAPPED) == []


def test_a_lost_cell_is_named():
    before, after = paragraphs("Before.", "After.")
    text = WRAPPED.replace("Every morning", "").replace("with food", "")
    assert lost([before, TABLE, after], text) == [("cell", "table 1, row 2, cell 2", "Every morning with food")]


def test_a_cell_counts_only_between_the_paragraphs_around_its_table():
    before, after = paragraphs("Before.", "After. Every morning with food")
    text = WRAPPED.replace("Every morning", "").replace("with food", "") + " Every morning with food"
    assert lost([before, TABLE, after], text) == [("cell", "table 1, row 2, cell 2", "Every morning with food")]


def test_the_footer_is_cut_from_each_page_and_must_be_on_one(sample_docx, tmp_path):
    path = tmp_path / "sample.docx"
    path.write_bytes(sample_docx)
    _, running = docx_text(path)
    pages = ["Take one pill in the\nA sample guide - page 1 of 2", "morning.\nA sample guide - page 2 of 2"]
    assert cut_running(pages, running) == ("Takeonepillinthemorning.", [])
    assert cut_running(["Take one pill in the morning."], running) == (
        "Takeonepillinthemorning.", [("running", "footer1.xml", "A sample guide - page of")])
