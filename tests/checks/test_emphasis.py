"""A writer's italics: kept as emphasis in the model, printed in bold in every format."""
from __future__ import annotations

import io
import zipfile

import docx

from conftest import FIXTURES
from plainpress.render.docx import render_docx
from plainpress.render.epub import render_epub
from plainpress.render.pdf import guide_html
from plainpress.source import read_guide

GUIDE = FIXTURES / "unusual" / "writers-markdown" / "en.md"


def test_the_docx_gives_italics_the_bold_emphasis_style():
    document = docx.Document(io.BytesIO(render_docx(read_guide(GUIDE))))
    [run] = [r for p in document.paragraphs for r in p.runs if r.text == "every day"]
    assert run.style.name == "Emphasis"
    assert run.style.font.bold is True and not run.style.font.italic and run.italic is None


def test_the_pdf_and_epub_mark_emphasis_and_style_it_bold_upright():
    guide = read_guide(GUIDE)
    html = guide_html(guide)
    assert "<em>every day</em>" in html and "em { font-weight: bold; font-style: normal; }" in html
    with zipfile.ZipFile(io.BytesIO(render_epub(guide))) as book:
        assert "<em>before</em>" in book.read("EPUB/chapter-01.xhtml").decode()
        assert "em, i { font-style: normal; font-weight: bold; }" in book.read("EPUB/reader.css").decode()


def test_check_names_each_place_of_italics(capsys):
    from plainpress.cli import main
    assert main(["check", str(GUIDE)]) == 0
    shown = [line for line in capsys.readouterr().out.splitlines() if "[plain.italic]" in line]
    assert [line.split(": INFO")[0].rsplit(":", 1)[-1] for line in shown] == ["10", "19"]
