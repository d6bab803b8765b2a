"""Building the ALS guide: nothing lost, large print in the PDF, DOCX structure, a valid EPUB."""
from __future__ import annotations

import re
import shutil

import docx
import pdfplumber

from conftest import ALS, ROOT, require_tool
from outputs_text import docx_text, epub_text, pdf_text, squeeze
from plainpress import model as m
from plainpress.source import read_guide
from plainpress.validate.epubcheck import run_epubcheck

SEED = ROOT / "tests" / "fixtures" / "seed" / "als-pathophysiology-patient-guide.txt"  # a copy of shared/seed


def source_paragraphs(guide: m.Guide) -> list[str]:
    """Every paragraph of the source, glossary entries included, in reading order."""
    out = []
    for block in m.walk(guide.blocks):
        if isinstance(block, m.Paragraph):
            out.append(m.plain_text(block.content))
        elif isinstance(block, m.DefinitionList):
            out += [text for e in block.entries for text in (m.plain_text(e.term), m.plain_text(e.meaning))]
    return out


def assert_in_order(paragraphs: list[str], text: str) -> None:
    haystack, position = squeeze(text), 0
    for paragraph in paragraphs:
        found = haystack.find(squeeze(paragraph), position)
        assert found >= 0, f"missing or out of order: {paragraph[:80]!r}"
        position = found + 1


def test_source_holds_the_seed_word_for_word():
    seed = SEED.read_text(encoding="utf-8").split("\n")[1:]
    # The seed breaks one paragraph across a page ("subtle" / blank line / "impairments"): join it.
    paragraphs = [p for p in re.split(r"\n(?=\S)", "\n".join(seed).replace("subtle\n\nimpairments", "subtle impairments")) if p.strip()]
    guide = read_guide(ALS)
    body = [m.plain_text(b.content) for b in guide.blocks if isinstance(b, m.Paragraph)]
    assert body == [p.strip() for p in paragraphs]
    assert len(body) == 6


def test_every_paragraph_is_in_the_pdf(als_build):
    guide = als_build.guide
    assert_in_order([guide.meta.title] + source_paragraphs(guide), pdf_text(als_build.outputs["pdf"]))


def test_every_paragraph_is_in_the_docx(als_build):
    assert_in_order(source_paragraphs(als_build.guide), docx_text(als_build.outputs["docx"]))


def test_every_paragraph_is_in_the_epub(als_build):
    assert_in_order(source_paragraphs(als_build.guide), epub_text(als_build.outputs["epub"]))


def test_every_character_in_the_pdf_is_at_least_18_points(als_build):
    with pdfplumber.open(als_build.outputs["pdf"]) as pdf:
        sizes = [round(c["size"], 2) for page in pdf.pages for c in page.chars if c["text"].strip()]
        footers = [c for page in pdf.pages for c in page.chars if c["top"] > page.height - 72]
    assert sizes and min(sizes) >= 18
    assert footers, "each page has a running footer in the bottom margin"


def test_the_pdf_footer_says_title_and_page_n_of_m(als_build):
    with pdfplumber.open(als_build.outputs["pdf"]) as pdf:
        pages = len(pdf.pages)
        last_lines = [page.extract_text().strip().split("\n")[-1] for page in pdf.pages]
    for n, line in enumerate(last_lines, 1):
        assert line == f"The ALS pathophysiology patient guide - page {n} of {pages}"


def test_docx_headings_use_heading_styles_in_order(als_build):
    document = docx.Document(str(als_build.outputs["docx"]))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    expected = [("Title", als_build.guide.meta.title)] + [
        (f"Heading {b.level - 1}", m.plain_text(b.content)) for b in als_build.guide.blocks if isinstance(b, m.Heading)]
    assert styled == expected
    levels = [int(name.split()[1]) for name, _ in styled[1:]]
    assert all(b <= a + 1 for a, b in zip([0] + levels, levels)), "no skipped heading level"


def test_docx_core_properties_come_from_the_source(als_build):
    props = docx.Document(str(als_build.outputs["docx"])).core_properties
    meta = als_build.guide.meta
    assert (props.title, props.author, props.language) == (meta.title, meta.organisation, "en")
    assert props.created.date() == props.modified.date() == meta.date


def test_epubcheck_reports_nothing(als_build):
    require_tool(shutil.which("java") is not None, "Java (for EPUBCheck)")
    result = run_epubcheck(als_build.outputs["epub"])
    assert result.checked
    assert result.counts == {"fatal": 0, "error": 0, "warning": 0}, [str(f) for f in result.findings]
