"""A second realistic guide, in Spanish: a table with wrapping cells, a picture under an accented
heading, every call-out, phone and mail links, a glossary. Built once with every validator; each
output must pass each one (a missing tool skips on a laptop and fails under CI=true)."""
from __future__ import annotations

import pytest

from conftest import FIXTURES, require_tool
from plainpress import model as m
from plainpress import build as pipeline
from plainpress.render import FORMATS, RenderOptions

FOOT = FIXTURES / "good" / "cuidado-de-los-pies" / "es.md"
TOOLS = {"pdf": ["pdf/ua-1", "pdf-structure", "large-print", "layout"], "docx": ["docx-accessibility", "libreoffice"],
         "epub": ["epubcheck", "ace"], "html": ["axe"]}


@pytest.fixture(scope="module")
def foot_build(tmp_path_factory) -> pipeline.GuideResult:
    [result] = pipeline.build([FOOT], FORMATS, (), tmp_path_factory.mktemp("foot"), RenderOptions(), validate=True)
    return result


def test_the_fixture_holds_what_it_claims(foot_build):
    guide = foot_build.guide
    blocks = list(m.walk(guide.blocks))
    assert {b.style for b in blocks if isinstance(b, m.Callout)} == {"key-points", "note", "warning", "ask"}
    [image] = guide.images()
    assert image.id.startswith("revise-sus-pies-cada-día")
    [table] = [b for b in blocks if isinstance(b, m.Table)]
    assert len(table.header) == 3 and guide.glossary()


@pytest.mark.slow
@pytest.mark.parametrize("fmt, tool", [(f, t) for f, tools in TOOLS.items() for t in tools])
def test_every_validator_passes_every_output(foot_build, fmt, tool):
    [result] = [r for r in foot_build.validation[fmt] if r.tool == tool]
    require_tool(result.checked, f"{tool} ({result.note})")
    assert result.passed, [str(f) for f in result.findings if f.severity != "info"]


def test_every_label_is_in_spanish(foot_build):
    import pdfplumber
    from outputs_text import docx_text, pdf_text
    titles = [b.title for b in m.walk(foot_build.guide.blocks) if isinstance(b, m.Callout)]
    assert titles == ["Puntos clave", "Un consejo", "Atención", "Preguntas para su equipo de salud"]
    printed = " ".join(pdf_text(foot_build.outputs["pdf"]).split())
    assert "Última revisión: 15 de octubre de 2026" in printed
    with pdfplumber.open(foot_build.outputs["pdf"]) as pdf:
        footer = pdf.pages[0].extract_text().strip().split("\n")[-1]
    assert footer == f"Cuide sus pies - página 1 de {len(pdf.pages)}"
    assert "Key points" not in printed and "Questions to ask" not in printed
    assert "Última revisión: 15 de octubre de 2026" in " ".join(docx_text(foot_build.outputs["docx"]).split())
