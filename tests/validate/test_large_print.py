"""The large-print check on our PDFs, and on the sample rendered with one planted fault per rule."""
from __future__ import annotations

import pytest

from conftest import SAMPLE
from plainpress.render.pdf import FONT_DIR, guide_html, page_pdf
from plainpress.source import read_guide
from plainpress.validate.large_print import _skew, check_large_print, contrast

RULES = {"pdf.size", "pdf.heading-size", "pdf.heading-bold", "pdf.italic", "pdf.margins", "pdf.flush-left",
         "pdf.justified", "pdf.line-spacing", "pdf.hyphenation", "pdf.contrast"}
ITALIC_FACE = ('@font-face { font-family: "Atkinson Hyperlegible"; font-style: italic; '
               f'src: url("{FONT_DIR.as_uri()}/AtkinsonHyperlegible-Italic.ttf"); }}')
NARROW = "body { width: 3in }"   # the sample's paragraphs are one line long at full width

# One planted fault per rule: the CSS added at the end of the stylesheet, and the rule it must trip.
PLANTED = {
    "footer-12pt": ("@page { @bottom-left { font-size: 12pt } }", "pdf.size"),
    "body-16pt": ("p { font-size: 16pt }", "pdf.size"),
    "h2-18pt": ("h2 { font-size: 18pt }", "pdf.heading-size"),
    "h1-20pt": ("h1 { font-size: 20pt }", "pdf.heading-size"),
    "headings-normal": ("h2, h3, h4 { font-weight: normal }", "pdf.heading-bold"),
    "italic-face": (ITALIC_FACE + " p { font-style: italic }", "pdf.italic"),
    "synthetic-oblique": ("p { font-style: italic }", "pdf.italic"),
    "skewed": ("p { transform: skewX(-12deg) }", "pdf.italic"),
    "margin-0.3in": ("@page { margin: 0.3in }", "pdf.margins"),
    "centred": (NARROW + " p { text-align: center }", "pdf.flush-left"),
    "centred-heading": ("h2 { text-align: center }", "pdf.flush-left"),
    "justified": (NARROW + " p, li { text-align: justify }", "pdf.justified"),
    "line-height-1.1": (NARROW + " p, li { line-height: 1.1 }", "pdf.line-spacing"),
    "hyphens-auto": ("html { hyphens: auto } body { width: 1.6in }", "pdf.hyphenation"),
    "grey": ("p { color: #999 }", "pdf.contrast"),
    "grey-footer": ("@page { @bottom-left { color: #777 } }", "pdf.contrast"),
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """Render the sample with some CSS added, once per variant."""
    guide = read_guide(SAMPLE)
    html = guide_html(guide)
    folder = tmp_path_factory.mktemp("planted")
    done = {}

    def render(name: str, css: str):
        if name not in done:
            path = folder / f"{name}.pdf"
            page_pdf(guide, html.replace("</style>", css + "\n</style>"), path, pdf_variant="pdf/ua-1")
            done[name] = path
        return done[name]

    return render


def rules(result) -> set[str]:
    return {f.rule for f in result.findings}


# ------------------------------------------------------------------ our own PDFs

def test_the_sample_pdf_is_large_print(sample_build):
    result = check_large_print(sample_build.outputs["pdf"])
    assert result.checked and result.passed, [str(f) for f in result.findings]
    assert result.counts["pages"] == 3 and result.counts["chars"] > 500
    assert result.counts["min_size"] == pytest.approx(18.0, abs=0.05) and result.counts["errors"] == 0


def test_the_als_pdf_is_large_print(als_build):
    result = check_large_print(als_build.outputs["pdf"])
    assert result.checked and result.counts["min_size"] >= 17.95 and result.counts["pages"] >= 5
    # "by-products" once broke at its own hyphen: the template keeps hyphenated words whole
    assert result.passed, [str(f) for f in result.findings]


# ------------------------------------------------------------------ one planted fault per rule

@pytest.mark.parametrize("name", PLANTED)
def test_a_planted_fault_is_reported(planted, name):
    css, rule = PLANTED[name]
    result = check_large_print(planted(name, css))
    assert result.checked and not result.passed
    assert rule in rules(result), [str(f) for f in result.findings]
    mine = [f for f in result.findings if f.rule == rule]
    assert len(mine) <= 3, "a rule reports at most three findings; the first gives the count"
    assert all(f.severity == "error" and f.location.startswith(f"{name}.pdf page ") for f in mine)


def test_the_size_finding_names_the_smallest_size_the_page_and_the_text(planted):
    result = check_large_print(planted("footer-12pt", PLANTED["footer-12pt"][0]))
    first = next(f for f in result.findings if f.rule == "pdf.size")
    assert result.counts["min_size"] == pytest.approx(12.0, abs=0.05)
    assert first.location.endswith("page 1")
    assert "smallest 12.0 pt" in first.message and "A sample guide - page 1 of 3" in first.message
    assert "3 lines on 3 pages" in first.message and "running footer" in first.message


def test_a_wide_layout_is_not_taken_for_justified_or_hyphenated(planted):
    """Ragged text in a narrow column: word gaps stay natural, and nothing else is reported."""
    result = check_large_print(planted("narrow-ragged", NARROW))
    assert result.passed, [str(f) for f in result.findings]


def test_each_rule_reports_a_count_not_a_flood(planted):
    result = check_large_print(planted("many-faults", "* { color: #aaa; font-size: 12pt !important }"))
    assert {"pdf.size", "pdf.contrast", "pdf.heading-size"} <= rules(result)
    for rule in rules(result):
        assert sum(f.rule == rule for f in result.findings) <= 3
    assert result.counts["errors"] == len(result.findings) <= 3 * len(RULES)


def test_a_file_that_is_not_a_pdf_is_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really")
    result = check_large_print(path)
    assert result.checked and not result.passed


# ------------------------------------------------------------------ the measures

def test_contrast_against_white():
    assert contrast((0.0, 0.0, 0.0)) == pytest.approx(21.0)
    assert contrast((0,)) == pytest.approx(21.0)
    assert contrast((0x59 / 255,) * 3) == pytest.approx(7.0, abs=0.05)     # #595959, the lightest grey that passes
    assert contrast((0.6, 0.6, 0.6)) < 3                                   # #999
    assert contrast((0, 0, 0, 1)) == pytest.approx(21.0)                   # CMYK black
    assert contrast("pattern") is None


def test_skew_of_a_text_matrix():
    assert _skew((0.75, 0, 0, 0.75, 72, 700)) == 0
    assert _skew((0, 1, -1, 0, 0, 0)) == 0                                 # rotated, not slanted
    assert _skew((1, 0, 0.21, 1, 0, 0)) == pytest.approx(0.205, abs=0.01)  # about 12 degrees


def test_an_untagged_pdf_gets_the_character_checks_and_a_warning(tmp_path):
    guide = read_guide(SAMPLE)
    css = "p { color: #999 }"
    path = tmp_path / "untagged.pdf"
    page_pdf(guide, guide_html(guide).replace("</style>", css + "\n</style>"), path)   # no pdf/ua-1: no structure tree
    result = check_large_print(path)
    assert rules(result) == {"pdf.contrast", "pdf.untagged"} and not result.passed
    [warning] = [f for f in result.findings if f.rule == "pdf.untagged"]
    assert warning.severity == "warning" and "line-spacing" in warning.message
