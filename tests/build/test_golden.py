"""Golden text of the rendered HTML (PDF and web page), EPUB XHTML and DOCX word/document.xml of the
sample fixture.

A change that alters them fails here; refresh them on purpose with `UPDATE_GOLDEN=1 make test`
and read the diff before committing.
"""
from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import SAMPLE
from plainpress.render.docx import render_docx
from plainpress.render.epub import render_epub
from plainpress.render.html import render_html
from plainpress.render.pdf import FONT_DIR, guide_html
from plainpress.source import read_guide

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "sample"


def rendered_texts() -> dict[str, str]:
    guide = read_guide(SAMPLE)
    texts = {"guide.html": guide_html(guide).replace(FONT_DIR.as_uri(), "FONT_DIR"),
             "page.html": without_data(render_html(guide).decode("utf-8"))}
    with zipfile.ZipFile(io.BytesIO(render_epub(guide))) as z:
        for name in z.namelist():
            if name.endswith((".xhtml", ".opf")):
                texts["epub-" + name.rsplit("/", 1)[-1]] = z.read(name).decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(render_docx(guide))) as z:
        tree = etree.fromstring(z.read("word/document.xml"))
        texts["document.xml"] = etree.tostring(tree, pretty_print=True, encoding="unicode")
    return texts


def without_data(html: str) -> str:
    """The web page with each embedded picture and font shortened to its media type and size."""
    return re.sub(r"data:([\w/+.-]+);base64,([A-Za-z0-9+/=]+)",
                  lambda m: f"data:{m.group(1)};base64,[{len(m.group(2))} characters]", html)


TEXTS = rendered_texts()


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_matches_golden(name):
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(TEXTS[name], encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run UPDATE_GOLDEN=1 pytest tests/build/test_golden.py"
    assert TEXTS[name] == path.read_text(encoding="utf-8")


def test_no_golden_file_is_left_over():
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(TEXTS)
