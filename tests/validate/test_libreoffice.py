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
from plainpress.validate.libreoffice import lost, run_libreoffice


@pytest.fixture(scope="module")
def sample_docx() -> bytes:
    return render_docx(read_guide(SAMPLE))


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


def test_lost_compares_in_order_without_white_space():
    text = "Take one\npill.  Then:\nWash your hands."
    assert lost(["Take one pill.", "Then:", "Wash your  hands.", ""], text) == []
    assert lost(["Then:", "Take one pill."], text) == [(2, "Take one pill.")]
    assert lost(["Gone."], text) == [(1, "Gone.")]
