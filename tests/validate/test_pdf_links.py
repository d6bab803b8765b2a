"""A handout whose links say the number to call and the address to write to passes PDF/UA-1: each
link annotation is nested in its Link structure element, also when the link's words are a phone
number (its no-break span once got an annotation of its own, outside the Link)."""
from __future__ import annotations

import importlib.util

import pikepdf
import pytest

from conftest import require_tool
from plainpress.render.pdf import render_pdf
from plainpress.source import read_guide
from plainpress.validate.pdf_structure import check_pdf_structure
from plainpress.validate.pdfua import run_pdfua

HANDOUT = """---
title: Blood pressure medicine
lang: en
date: 2026-11-02
---

## Your medicine

Take one pill each morning with water.

::: warning
Call us: [(408) 555-0123](tel:+14085550123). Or write to [help@clinic.org](mailto:help@clinic.org).
:::
"""


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handout") / "blood-pressure"
    folder.mkdir()
    (folder / "en.md").write_text(HANDOUT, encoding="utf-8")
    path = folder / "blood-pressure-en.pdf"
    path.write_bytes(render_pdf(read_guide(folder / "en.md")))
    return path


def link_targets(path) -> dict[str, int]:
    """Each link's address -> how many of its annotations a Link structure element holds."""
    with pikepdf.open(path) as pdf:
        held: dict[str, int] = {}

        def walk(node):
            if isinstance(node, pikepdf.Array):
                for kid in node:
                    walk(kid)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                kids = node.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                    if node.S == "/Link" and isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                        uri = str(kid.Obj.A.URI)
                        held[uri] = held.get(uri, 0) + 1
                    else:
                        walk(kid)

        walk(pdf.Root.StructTreeRoot.K)
        annotations = [str(a.A.URI) for page in pdf.pages for a in page.obj.get("/Annots", []) if "/A" in a]
    assert sorted(annotations) == sorted(uri for uri, n in held.items() for _ in range(n))
    return held


@pytest.mark.slow
def test_every_link_annotation_is_held_by_its_link(handout):
    assert set(link_targets(handout)) == {"tel:+14085550123", "mailto:help@clinic.org"}


@pytest.mark.slow
def test_a_handout_with_a_phone_number_and_an_address_passes_pdfua(handout):
    require_tool(importlib.util.find_spec("page") is not None, "page-validation (the PDF/UA-1 validator)")
    result = run_pdfua(handout, "en")
    assert result.passed, [str(f) for f in result.findings]
    assert result.counts == {"rules": 104, "passed": 104, "failed": 0}


@pytest.mark.slow
def test_a_handout_with_a_phone_number_and_an_address_passes_the_structure_check(handout):
    result = check_pdf_structure(handout, "en")
    assert [str(f) for f in result.findings if f.severity != "info"] == []
