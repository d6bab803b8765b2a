"""The DOCX's styled template, made once per process: a document opened from it gives the bytes of a
document styled itself, first in a process or after other guides, in English, Arabic and Chinese,
with and without a theme."""
from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
import zipfile

import docx
import pytest

from conftest import FIXTURES, ROOT, SAMPLE
from plainpress.render import RenderOptions, _zip
from plainpress.render import docx as docx_render
from plainpress.render import docx_oxml as ox
from plainpress.render import docx_styles
from plainpress.render.docx import render_docx
from plainpress.source import read_guide
from plainpress.theme import load_theme

THEME = ROOT / "examples" / "clinic-theme"
GUIDES = [SAMPLE, *(FIXTURES / "good" / "scripts" / "blood-pressure" / f"{lang}.md" for lang in ("en", "ar", "zh-Hans"))]
CASES = [(path, themed) for path in GUIDES for themed in (False, True)]


def options(themed: bool) -> RenderOptions:
    return RenderOptions(theme=load_theme(THEME)) if themed else RenderOptions()


def styled_itself(fonts: dict[str, str], accent: str):
    """A fresh document styled on its own, as every guide's was before the template was kept."""
    document = docx.Document()
    ox.set_fonts(ox.default_run_properties(document), fonts)
    docx_styles.apply_styles(document, docx_styles.style_sheet(), accent)
    return document, docx_styles.Template(b"", frozenset())   # no style of its own: each looked up in the document


def test_a_document_on_the_kept_template_is_the_document_styled_itself(monkeypatch):
    guides = [(read_guide(path), options(themed)) for path, themed in CASES]
    docx_styles.template.cache_clear()
    first = [render_docx(guide, opts) for guide, opts in guides]    # each makes or reuses a template
    second = [render_docx(guide, opts) for guide, opts in guides]   # every template reused
    monkeypatch.setattr(docx_render, "new_document", styled_itself)
    own = [render_docx(guide, opts) for guide, opts in guides]
    assert [a == b == c for a, b, c in zip(first, second, own)] == [True] * len(CASES)
    assert len(set(first)) == len(CASES)
    # English (the sample and the fixture share Atkinson), Arabic and Chinese faces, each plain and themed
    assert docx_styles.template.cache_info().currsize == 6


def test_the_style_ids_are_python_docxs_and_a_style_only_one_document_has_is_its_own():
    paragraph = docx.enum.style.WD_STYLE_TYPE.PARAGRAPH
    template = docx_styles.template((("w:ascii", "Noto Sans"),), "#000")
    added, plain = (docx_styles.new_document({"w:ascii": "Noto Sans"}, "#000")[0] for _ in range(2))
    added.styles.add_style("Source Text", paragraph)
    assert [template.style_id(name, paragraph, added) for name in ("Normal", "Heading 1", "Key Points", "Source Text")] \
        == [None, "Heading1", "KeyPoints", "SourceText"]   # None: the default style, which python-docx leaves unsaid
    assert ("Source Text", paragraph) not in template.style_ids
    with pytest.raises(KeyError):
        template.style_id("Source Text", paragraph, plain)
    writer = docx_render._Writer(added, read_guide(SAMPLE))
    writer.template = template
    assert writer.style_id("Source Text", paragraph) == "SourceText" and writer.style_id("Footer", paragraph) == "Footer"


def test_a_template_is_kept_saved_not_parsed():
    kept = docx_styles.template((("w:ascii", "Noto Sans"),), "#1f5fa8")
    assert vars(kept).keys() == {"saved", "names", "style_ids"} and len(kept.saved) < 100_000
    assert {"Key Points", "Warning Title", "heading 1"} <= kept.names


FRESH = """
import hashlib, json, os, sys
from pathlib import Path
sys.path.insert(0, "tests"); sys.path.insert(0, "tests/render")
from test_docx_styles import CASES, options
from plainpress.render.docx import render_docx
from plainpress.source import read_guide

def digest(path, themed):
    return hashlib.sha256(render_docx(read_guide(path), options(themed))).hexdigest()

def fresh(case):
    read, write = os.pipe()
    if os.fork() == 0:   # a process that has rendered nothing yet
        os.close(read)
        os.write(write, digest(*case).encode())
        os._exit(0)
    os.close(write)
    out = os.read(read, 100).decode()
    os.wait()
    return out

print(json.dumps([fresh(case) for case in CASES]))
"""


@pytest.mark.slow
def test_a_docx_rendered_after_others_in_a_process_is_the_docx_rendered_first_in_a_fresh_one():
    run = subprocess.run([sys.executable, "-c", FRESH], cwd=ROOT, capture_output=True, text=True, check=True, timeout=600)
    fresh = json.loads(run.stdout)
    warm = [[hashlib.sha256(render_docx(read_guide(path), options(themed))).hexdigest() for path, themed in CASES]
            for _ in range(2)]
    assert fresh == warm[0] == warm[1] and len(set(fresh)) == len(CASES)


@pytest.mark.parametrize("themed", [False, True], ids=["unthemed", "themed"])
@pytest.mark.parametrize("path", [SAMPLE, GUIDES[-1]], ids=["sample", "zh-Hans"])
def test_the_package_s_entries_zip_as_python_docx_s_own_save(path, themed):
    """`package_entries` uses python-docx's PackageWriter steps (private): the zip of its entries is the
    zip of what `Document.save` writes, entry for entry, in the same order."""
    guide = read_guide(path)
    saved = io.BytesIO()
    docx_render.build_document(guide, options(themed)).save(saved)
    entries = ox.package_entries(docx_render.build_document(guide, options(themed)))
    with zipfile.ZipFile(saved) as own:
        assert [name for name, _ in entries] == own.namelist()
    assert _zip.pack(entries) == _zip.repack(saved.getvalue())
