"""The PDF's style sheets parsed once a process and its font configuration shared: which pages share
them and how, and that a PDF rendered after others in one process is the same bytes as one rendered
first in a fresh process, and as one rendered the plain way (its styles left in its HTML)."""
from __future__ import annotations

import gc
import json
import multiprocessing
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLE
from plainpress.render import pdf_styles
from plainpress.render.pdf import weasyprint_document, weasyprint_page
from plainpress.render.pdf_styles import shared_styles, top_level_rules
from plainpress.source import read_guide

@pytest.fixture(autouse=True)
def nothing_kept():
    pdf_styles.forget()
    yield
    pdf_styles.forget()


def page(*styles: str, head: str = "") -> str:
    return (f"<html><head>{head}{''.join(f'<style>{s}</style>' for s in styles)}</head>"
            "<body><p>Hello</p></body></html>")


def sheets(css: str, faces: str = "") -> list:
    return shared_styles(page(faces + css), "file:///t/", None)[1]["stylesheets"]


SHARED = "p { color: #000 }\nh1 { font-weight: bold }\n"


def test_the_styles_leave_the_page_for_the_renderings_options():
    html, options = shared_styles(page(SHARED, SHARED), "file:///t/", None)
    assert html == "<html><head></head><body><p>Hello</p></body></html>"
    assert len(options["stylesheets"]) == 2 and options["font_config"] is not None


def test_a_first_page_is_parsed_whole_and_the_next_in_runs_of_rules_seen_and_new():
    first = sheets(f"@page {{ @bottom-left {{ content: 'One' }} }}\n{SHARED}#a {{ break-after: avoid }}")
    second = sheets(f"@page {{ @bottom-left {{ content: 'Two' }} }}\n{SHARED}#a {{ break-after: avoid }}")
    third = sheets(f"@page {{ @bottom-left {{ content: 'Three' }} }}\n{SHARED}#a {{ break-after: avoid }}")
    assert len(first) == 1 and len(second) == len(third) == 2
    assert third[1] is second[1] and third[0] is not second[0]   # the shared rules parsed once


def test_a_sheet_seen_before_is_shared_whole():
    first, again, third = (sheets(f"@page {{ @bottom-left {{ content: 'One' }} }}\n{SHARED}") for _ in range(3))
    assert len(first) == len(again) == len(third) == 1 and third[0] is again[0] is not first[0]


def test_pages_with_other_faces_get_other_font_configurations_and_sheets():
    face = '@font-face { font-family: "A"; src: url("a.ttf"); }\n'
    plain = shared_styles(page(SHARED), "file:///t/", None)[1]
    faced = shared_styles(page(face + SHARED), "file:///t/", None)[1]
    again = shared_styles(page(face + SHARED), "file:///t/", None)[1]
    assert plain["font_config"] is not faced["font_config"] is again["font_config"]
    assert again["stylesheets"][0] is not plain["stylesheets"][0]


def test_a_sheet_is_cut_after_each_top_level_rule_and_joins_back_whole():
    css = 'a{b:"}"} /*}*/ c{d:url(x;y)} @media print{p{x:y}} .e\\{ {f:g} @x y; /* end */'
    assert top_level_rules(css) == ['a{b:"}"}', " /*}*/ c{d:url(x;y)}", " @media print{p{x:y}}",
                                    " .e\\{ {f:g}", " @x y;", " /* end */"]
    assert top_level_rules("p { content: 'it\\'s }' } h1 {}") == ["p { content: 'it\\'s }' }", " h1 {}"]
    assert top_level_rules('a { b: url(x}y) } c { d: URL( "}" ) }') == ["a { b: url(x}y) }", ' c { d: URL( "}" ) }']
    assert top_level_rules("@media (min-width: 1px) { p { x: y; z: w } } @x (a) [b] c; /**/ @-y z;") == [
        "@media (min-width: 1px) { p { x: y; z: w } }", " @x (a) [b] c;", " /**/ @-y z;"]


@pytest.mark.parametrize("css", [
    "} p { color: #000 }", 'p { content: "open }', "p { color: #000 } /* open",
    "p {};h1 {}", "p { color: red }; @page { margin: 1in }", "p {} ; @x y;", "@ x; p {}",   # `;` ends at-rules only
    "@x (; h1 {} x);", "a { b: x(; ) }", "a[x;] {}", "a { b: (x } y) }", "@x ({}) ;", "a { b: (] }", ") p {}",
    "a { b: url(x }", "a { b: url(x",
])
def test_a_sheet_whose_rules_it_cannot_tell_for_sure_is_not_cut(css):
    assert top_level_rules(css) is None
    assert shared_styles(page(css), "file:///t/", None) is None


@pytest.mark.parametrize("html", [
    page(SHARED, head='<link rel="stylesheet" href="theme.css">'),
    page("@import url(theme.css);\n" + SHARED),
    page("@layer base { p { color: #000 } }"),
    page("@counter-style thumbs { system: cyclic; symbols: '*'; }"),
    "<html><head><style media='print'>p { color: #000 }</style></head><body></body></html>",
    page('@media print { @font-face { font-family: "A"; src: url("a.ttf"); } }'),
    page('@font-fac\\65 { font-family: "A"; src: url("a.ttf"); }'),
    page("p { color: #000 !important }"),
    page(SHARED).replace("<body>", "<body><style>p { color: #000 }</style>"),
    page(SHARED).replace("<body>", "<body><!-- <style>p { color: #000 }</style> -->"),
    page(SHARED, head="<!-- a comment -->"),
    page(SHARED, head="<script>'<style>p { color: #000 }</style>'</script>"),
    page("p { color: #000 }</STYLE>h1 {}"),
    "<html><style>p { color: #000 }</style><head></head><body></body></html>",
    "<html><head></head><body><p>Hello</p></body></html>",
])
def test_a_page_it_cannot_share_exactly_is_rendered_as_it_is(html):
    assert shared_styles(html, "file:///t/", None) is None


def test_a_forked_worker_starts_afresh_and_leaves_the_parents_faces_be():
    face = '@font-face { font-family: "A"; src: url("missing.ttf"); }\n'
    config = shared_styles(page(face + SHARED), "file:///t/", None)[1]["font_config"]
    folder = config._folder
    assert folder is not None and folder.is_dir()
    read, write = os.pipe()
    if os.fork() == 0:   # the child drops what it was handed, as a worker that needs other faces would
        kept = len(pdf_styles.faces_here())
        pdf_styles.forget()
        gc.collect()
        os.write(write, str(kept).encode())
        os._exit(0)
    os.close(write)
    kept = os.read(read, 10)
    os.wait()
    assert kept == b"0" and folder.is_dir()
    assert shared_styles(page(face + SHARED), "file:///t/", None)[1]["font_config"] is config


def test_faces_that_differ_only_after_a_brace_in_a_string_get_their_own_font_configurations():
    first = shared_styles(page('@font-face { font-family: "A"; src: url("b}.ttf"); }\n' + SHARED), "file:///t/", None)
    other = shared_styles(page('@font-face { font-family: "A"; src: url("b}c.ttf"); }\n' + SHARED), "file:///t/", None)
    assert first[1]["font_config"] is not other[1]["font_config"]


def test_fonts_installed_since_get_a_font_configuration_of_their_own(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))   # a font folder of fontconfig's (languages/known.py)
    before = shared_styles(page(SHARED), "file:///t/", None)[1]["font_config"]
    assert shared_styles(page(SHARED), "file:///t/", None)[1]["font_config"] is before
    (tmp_path / "fonts" / "noto-cjk").mkdir(parents=True)   # "install fonts-noto-cjk and build again"
    assert shared_styles(page(SHARED), "file:///t/", None)[1]["font_config"] is not before


def folder_of_a_workers_faces() -> str:
    face = '@font-face { font-family: "A"; src: url("missing.ttf"); }\n'
    return str(shared_styles(page(face + SHARED), "file:///t/", None)[1]["font_config"]._folder)


def test_a_pool_worker_leaves_no_folder_of_faces_behind():
    """A ProcessPoolExecutor's worker ends with os._exit: atexit's functions are not run there."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        folder = Path(pool.submit(folder_of_a_workers_faces).result())
        assert folder.is_dir()
    assert not folder.exists()


def plain_and_shared(pages: list[str]) -> list[tuple[bytes, bytes]]:
    """Each page as a PDF the plain way and the shared way, the pages rendered in order."""
    guide = read_guide(SAMPLE)
    out = []
    for html in pages:
        plain = weasyprint_document(guide, html).write_pdf(pdf_identifier=b"same")
        document, shared = weasyprint_page(guide, html)
        out.append((plain, document.write_pdf(pdf_identifier=b"same", **shared)))
    return out


HEADING = "<html><head><style>{}</style></head><body><h1>Title</h1><p>Hello</p>{}</body></html>"
SVG = '<svg width="40" height="40"><style>rect {{ fill: #f00 }}</style><rect width="40" height="40"/></svg>'


@pytest.mark.parametrize("pages", [
    [HEADING.format("p{color:#000}h1{color:#00f}", ""), HEADING.format("p{color:#f00};h1{color:#00f}", "")],
    [HEADING.format("p{color:#000}h1{color:#00f}", ""), HEADING.format("@x (;h1{color:#00f}x);", "")],
    [HEADING.format("p{color:#000}", SVG)] * 2,
    [HEADING.format("p{color:#000}", "<!--<style>p{color:#f00}</style>-->")] * 2,
    [HEADING.format("p{color:#f00!important}", "").replace("<p>", '<p style="color:#00f!important">')],
], ids=["stray semicolon", "semicolon in brackets", "svg style", "commented style", "important"])
def test_the_shared_way_renders_the_same_bytes_as_the_plain_way(pages):
    assert all(plain == shared for plain, shared in plain_and_shared(pages))


# Each case rendered first in a fresh process (a child forked before anything is rendered), then the
# plain way (its styles in its HTML, as WeasyPrint reads a page by itself), then all of them one after
# the other in one process, three times: the later ones find the first's sheets and faces.
RENDER = """
import hashlib, json, os, sys
from pathlib import Path
from plainpress.render import RenderOptions, pdf, pdf_styles
from plainpress.render.pdf import render_pdf
from plainpress.source import read_guide
from plainpress.theme import load_theme

theme = load_theme(Path(sys.argv[1]))
cases = [(path, themed, paper) for path in sys.argv[2:] for themed in (False, True) for paper in ("letter", "a4")]

def digest(case):
    path, themed, paper = case
    return hashlib.sha256(render_pdf(read_guide(Path(path)), RenderOptions(paper, theme if themed else None))).hexdigest()

def fresh(case):
    read, write = os.pipe()
    if os.fork() == 0:
        os.close(read)
        os.write(write, digest(case).encode())
        os._exit(0)
    os.close(write)
    out = os.read(read, 200).decode()
    os.wait()
    return out

def plain(case):
    shared_way = pdf.weasyprint_page
    pdf.weasyprint_page = lambda guide, html, images=None: (pdf.weasyprint_document(guide, html, images), {})
    try:
        return digest(case)
    finally:
        pdf.weasyprint_page = shared_way

parse, parsed = pdf_styles.parse, []
pdf_styles.parse = lambda *args: parsed.append(1) or parse(*args)
first = [fresh(case) for case in cases]
plainly = [plain(case) for case in cases]
warm, parses = [], []
for _ in range(3):
    parsed.clear()
    warm.append([digest(case) for case in cases])
    parses.append(len(parsed))
print(json.dumps({"cases": [f"{p.split('/')[-2]}/{p.split('/')[-1]} {t} {s}" for p, t, s in cases],
                  "fresh": first, "plain": plainly, "warm": warm, "parses": parses, "configs": len(pdf_styles._faces)}))
"""
GUIDES = [SAMPLE, *(FIXTURES / "good" / "scripts" / "blood-pressure" / f"{lang}.md" for lang in ("en", "ar", "ja", "vi"))]


@pytest.fixture(scope="module")
def rendered() -> dict:
    run = subprocess.run([sys.executable, "-c", RENDER, str(ROOT / "examples" / "clinic-theme"), *map(str, GUIDES)],
                         cwd=ROOT, capture_output=True, text=True, check=True, timeout=1200)
    return json.loads(run.stdout)


@pytest.mark.slow
def test_a_pdf_rendered_after_others_in_a_process_is_the_same_as_one_rendered_first_in_a_fresh_one(rendered):
    out = rendered
    fresh, warm = out["fresh"], out["warm"]
    differ = [case for case, *digests in zip(out["cases"], fresh, *warm) if len(set(digests)) > 1]
    assert differ == [] and len(set(fresh)) == len(fresh) == 20
    # The third time round every sheet is found parsed; two sets of faces (the English guides' Atkinson
    # by file, none for the others: their faces by name) make two font configurations.
    assert out["parses"][-1] == 0 and out["configs"] == 2


@pytest.mark.slow
def test_a_pdf_rendered_the_shared_way_is_the_same_as_one_rendered_the_plain_way(rendered):
    differ = [case for case, plain, fresh, *warm in zip(rendered["cases"], rendered["plain"], rendered["fresh"],
                                                          *rendered["warm"]) if {fresh, *warm} != {plain}]
    assert differ == []


EXIT = """
import sys
from pathlib import Path
from plainpress.render.pdf import render_pdf
from plainpress.source import read_guide
for path in sys.argv[1:]:
    render_pdf(read_guide(Path(path)))
"""


@pytest.mark.slow
def test_a_process_that_kept_font_configurations_ends_cleanly():
    run = subprocess.run([sys.executable, "-c", EXIT, str(SAMPLE), str(GUIDES[2])], cwd=ROOT, capture_output=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
