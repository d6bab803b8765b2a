"""The PDF structure check on our PDFs, and on copies with one fault planted per rule."""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest

from conftest import SAMPLE
from plainpress.render.pdf import guide_html, page_pdf
from plainpress.source import read_guide
from plainpress.validate.pdf_structure import Texts, check_pdf_structure, foreign_passages, read_structure

SPANISH = [("es", "buenos días")]


def errors(result) -> list:
    return [f for f in result.findings if f.severity != "info"]


def rules(result) -> set[str]:
    return {f.rule for f in errors(result)}


def structure_of(path):
    with pikepdf.open(path) as pdf:
        return read_structure(pdf)


def planted(source, tmp_path, change) -> Path:
    """A copy of the PDF with `change(pdf)` applied."""
    path = tmp_path / "planted.pdf"
    with pikepdf.open(source) as pdf:
        change(pdf)
        pdf.save(path)
    return path


def elements(pdf, kind: str):
    """The structure elements of one type, as pikepdf dictionaries, in document order."""
    found = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            if node.S == kind:
                found.append(node)
            walk(node.get("/K"))

    walk(pdf.Root.StructTreeRoot.K)
    return found


# ------------------------------------------------------------------ our own PDFs

def test_the_als_pdf_structure(als_build):
    result = check_pdf_structure(als_build.outputs["pdf"], "en", foreign_passages(als_build.guide))
    assert result.checked and result.passed, [str(f) for f in result.findings]
    counts = result.counts
    assert counts["H1"] == 1 and counts["H2"] >= 5 and counts["P"] > 5 and counts["L"] >= 1
    assert counts["images"] == counts.get("Figure", 0) == 0
    assert counts["lang_spans"] == 0 and counts["errors"] == 0


def test_the_sample_pdf_structure(sample_build):
    passages = foreign_passages(sample_build.guide)
    assert passages == SPANISH
    result = check_pdf_structure(sample_build.outputs["pdf"], "en", passages)
    counts = result.counts
    assert counts["H1"] == 1 and counts["Figure"] == counts["images"] == 1 and counts["Table"] == 1
    assert counts["TH"] == 2 and counts["TD"] == 4 and counts["L"] >= 4
    assert counts["lang_spans"] >= 1  # the Spanish phrase keeps its /Lang (render.pdf adds it)
    assert result.passed, [str(f) for f in result.findings]


def test_the_callouts_and_the_glossary_reach_the_tree_as_headings_paragraphs_and_lists(sample_build):
    path = sample_build.outputs["pdf"]
    structure, texts = structure_of(path), Texts(path)
    divs = [e for e in structure.elements()
            if e.type == "Div" and any(c.type in ("H2", "H3", "H4") for c in e.children)]
    titles = {texts.of(next(c for c in d.children if c.type.startswith("H"))) for d in divs}
    assert {"Key points", "Warning", "Good to know", "Questions to ask your care team"} <= titles
    for div in divs:
        kinds = {c.type for c in div.children}
        assert kinds - {"H2", "H3", "H4"} <= {"P", "L"} and kinds & {"P", "L"}, (texts.of(div), kinds)
    glossary = next(e for e in structure.elements() if e.type == "L" and "swallow" in texts.of(e))
    assert [c.type for c in glossary.children] == ["LI"]
    assert "Pill" in texts.of(glossary) and glossary.children[0].children[0].type == "LBody"


def test_the_running_footer_is_kept_out_of_the_tree_and_said_so(sample_build):
    result = check_pdf_structure(sample_build.outputs["pdf"], "en")
    assert result.counts["untagged_runs"] == 3
    info = [f for f in result.findings if f.severity == "info"]
    assert len(info) == 1 and "A sample guide - page 1 of 3" in info[0].message


# ------------------------------------------------------------------ the catalog and the metadata

def test_no_lang(sample_build, tmp_path):
    path = planted(sample_build.outputs["pdf"], tmp_path, lambda pdf: pdf.Root.__delitem__("/Lang"))
    assert rules(check_pdf_structure(path, "en")) == {"pdf.lang"}


def test_the_wrong_lang(sample_build):
    result = check_pdf_structure(sample_build.outputs["pdf"], "es")
    assert rules(result) == {"pdf.lang"} and "'en'" in errors(result)[-1].message


def test_not_marked(sample_build, tmp_path):
    path = planted(sample_build.outputs["pdf"], tmp_path,
                   lambda pdf: setattr(pdf.Root, "MarkInfo", pikepdf.Dictionary(Marked=False)))
    assert rules(check_pdf_structure(path, "en")) == {"pdf.marked"}


def test_title_not_displayed(sample_build, tmp_path):
    path = planted(sample_build.outputs["pdf"], tmp_path,
                   lambda pdf: setattr(pdf.Root, "ViewerPreferences", pikepdf.Dictionary(DisplayDocTitle=False)))
    assert rules(check_pdf_structure(path, "en")) == {"pdf.display-title"}


@pytest.mark.parametrize("pattern, message", [
    (r'pdfuaid:part="1"', "PDF/UA-1"),
    (r"<dc:title>.*?</dc:title>", "dc:title"),
])
def test_xmp_without_a_claim_or_a_title(sample_build, tmp_path, pattern, message):
    def change(pdf):
        xmp = pdf.Root.Metadata.read_bytes().decode()
        assert re.search(pattern, xmp)
        pdf.Root.Metadata.write(re.sub(pattern, "", xmp, flags=re.S).encode())

    result = check_pdf_structure(planted(sample_build.outputs["pdf"], tmp_path, change), "en")
    assert rules(result) == {"pdf.xmp"} and message in errors(result)[-1].message


def test_a_font_that_is_not_embedded(sample_build, tmp_path):
    def change(pdf):
        font = next(iter(pdf.pages[0].Resources.Font.values()))
        del font.DescendantFonts[0].FontDescriptor["/FontFile2"]

    result = check_pdf_structure(planted(sample_build.outputs["pdf"], tmp_path, change), "en")
    assert rules(result) == {"pdf.fonts"} and "Atkinson-Hyperlegible" in errors(result)[-1].message


# ------------------------------------------------------------------ the structure tree

def test_a_figure_without_alt(sample_build, tmp_path):
    def change(pdf):
        [figure] = elements(pdf, "/Figure")
        del figure["/Alt"]

    result = check_pdf_structure(planted(sample_build.outputs["pdf"], tmp_path, change), "en")
    assert rules(result) == {"pdf.figure-alt"} and "1 of 1 Figures have no /Alt" in errors(result)[-1].message


def test_an_image_outside_any_figure(sample_build, tmp_path):
    def change(pdf):
        [figure] = elements(pdf, "/Figure")
        figure.S = pikepdf.Name("/Div")

    result = check_pdf_structure(planted(sample_build.outputs["pdf"], tmp_path, change), "en")
    assert rules(result) == {"pdf.figure-alt", "pdf.nonstruct"}   # the image is now content of a bare Div
    [finding] = [f for f in errors(result) if f.rule == "pdf.figure-alt"]
    assert "1 of 1 images are not inside a Figure" in finding.message


@pytest.mark.parametrize("old, new, message", [
    ("/H1", "/H2", "the first heading is H2, not H1"),
    ("/H3", "/H5", "H5 follows H2: H3 is skipped"),
])
def test_headings_out_of_order(sample_build, tmp_path, old, new, message):
    def change(pdf):
        elements(pdf, old)[0].S = pikepdf.Name(new)

    result = check_pdf_structure(planted(sample_build.outputs["pdf"], tmp_path, change), "en")
    assert rules(result) == {"pdf.heading-order"}
    assert message in errors(result)[0].message


def test_text_held_only_by_div_and_nonstruct(tmp_path):
    """A call-out written as a bare <div> of text: WeasyPrint tags it Div > Span, with no P."""
    guide = read_guide(SAMPLE)
    html = guide_html(guide).replace("</body>", '<div class="callout note">Call us on 555 0100.</div>\n</body>')
    path = tmp_path / "bare-div.pdf"
    page_pdf(guide, html, path, pdf_variant="pdf/ua-1")
    result = check_pdf_structure(path, "en")
    assert rules(result) == {"pdf.nonstruct"}
    [finding] = errors(result)
    assert "Call us on 555 0100." in finding.message and "Document > Div" in finding.message


def test_a_foreign_passage_without_its_own_lang_fails(sample_build, tmp_path):
    """The render puts /Lang on the Span made for <span lang="es">; without it a reader speaks it as English."""
    source = sample_build.outputs["pdf"]
    texts = Texts(source)

    def change(pdf):
        structure = read_structure(pdf)
        [span] = [e for e in structure.elements()
                  if e.type == "Span" and e.children and texts.of(e) == "buenos días"]
        del span.obj.Lang

    path = planted(source, tmp_path, change)
    result = check_pdf_structure(path, "en", SPANISH)
    assert rules(result) == {"pdf.foreign-lang"} and result.counts["lang_spans"] == 0


def test_a_foreign_passage_in_the_wrong_language_or_missing(sample_build, tmp_path):
    source = sample_build.outputs["pdf"]
    wrong = check_pdf_structure(source, "en", [("fr", "buenos días")])
    assert rules(wrong) == {"pdf.foreign-lang"} and "read as es" in errors(wrong)[-1].message
    missing = check_pdf_structure(source, "en", [("es", "hasta luego")])
    assert rules(missing) == {"pdf.foreign-lang"} and "not in the PDF" in errors(missing)[-1].message


def test_a_lang_that_is_not_a_language_tag(sample_build, tmp_path):
    def change(pdf):
        elements(pdf, "/P")[0].Lang = pikepdf.String("spanish!")

    result = check_pdf_structure(planted(sample_build.outputs["pdf"], tmp_path, change), "en")
    assert rules(result) == {"pdf.foreign-lang"} and "'spanish!'" in errors(result)[-1].message


def test_a_file_that_is_not_a_pdf_is_a_failure_not_a_crash(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nnot really")
    result = check_pdf_structure(path, "en")
    assert result.checked and not result.passed


def test_an_untagged_pdf(tmp_path):
    path = tmp_path / "untagged.pdf"
    guide = read_guide(SAMPLE)
    page_pdf(guide, guide_html(guide), path)
    result = check_pdf_structure(path, "en")
    assert {"pdf.marked", "pdf.figure-alt", "pdf.xmp", "pdf.display-title"} <= rules(result)
    assert "no structure tree" in " ".join(f.message for f in errors(result))
