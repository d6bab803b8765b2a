"""PDF/UA-1 with page-validation on our PDFs, and on an untagged one to show it can fail."""
from __future__ import annotations


from conftest import SAMPLE
from plainpress.render.pdf import guide_html, page_pdf
from plainpress.source import read_guide
from plainpress.validate.pdfua import run_pdfua


def test_the_als_pdf_passes_every_pdfua_rule(als_build):
    result = run_pdfua(als_build.outputs["pdf"])
    assert result.checked and result.passed, [str(f) for f in result.findings]
    assert result.counts == {"rules": 104, "passed": 104, "failed": 0}


def test_the_sample_pdf_passes_every_pdfua_rule(sample_build):
    result = run_pdfua(sample_build.outputs["pdf"])
    assert result.passed, [str(f) for f in result.findings]


def test_an_untagged_pdf_fails(tmp_path):
    guide = read_guide(SAMPLE)
    path = tmp_path / "untagged.pdf"
    page_pdf(guide, guide_html(guide), path)  # no pdf/ua-1 variant
    result = run_pdfua(path)
    assert result.checked and not result.passed
    assert result.counts["failed"] > 0 and all(f.rule.startswith("pdfua.") for f in result.findings)


def test_a_file_that_is_not_a_pdf_is_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really")
    result = run_pdfua(path)
    assert result.checked and not result.passed
