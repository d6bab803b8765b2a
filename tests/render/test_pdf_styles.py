"""The PDF's style sheets parsed once a process and its font configuration shared: which pages share
them and how, and that a PDF rendered after others in one process is the same bytes as one rendered
first in a fresh process."""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, SAMPLE
from plainpress.render import pdf_styles
from plainpress.render.pdf_styles import shared_styles, top_level_rules

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


@pytest.mark.parametrize("css", ["} p { color: #000 }", 'p { content: "open }', "p { color: #000 } /* open"])
def test_a_sheet_whose_rules_it_cannot_tell_for_sure_is_not_cut(css):
    assert top_level_rules(css) is None
    assert shared_styles(page(css), "file:///t/", None) is None


@pytest.mark.parametrize("html", [
    page(SHARED, head='<link rel="stylesheet" href="theme.css">'),
    page("@import url(theme.css);\n" + SHARED),
    page("@layer base { p { color: #000 } }"),
    page("@counter-style thumbs { system: cyclic; symbols: '*'; }"),
    "<html><head><style media='print'>p { color: #000 }</style></head><body></body></html>",
    page('@font-face/**/{ font-family: "A"; src: url("a.ttf"); }'),
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
        kept = len(pdf_styles._faces)
        pdf_styles.forget()
        gc.collect()
        os.write(write, str(kept).encode())
        os._exit(0)
    os.close(write)
    kept = os.read(read, 10)
    os.wait()
    assert kept == b"0" and folder.is_dir()
    assert shared_styles(page(face + SHARED), "file:///t/", None)[1]["font_config"] is config


# Each case rendered first in a fresh process (a child forked before anything is rendered), then all
# of them one after the other in one process, twice: the later ones find the first's sheets and faces.
RENDER = """
import hashlib, json, os, sys
from pathlib import Path
from plainpress.render import RenderOptions, pdf_styles
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

parse, parsed = pdf_styles.parse, []
pdf_styles.parse = lambda *args: parsed.append(1) or parse(*args)
first = [fresh(case) for case in cases]
warm, parses = [], []
for _ in range(3):
    parsed.clear()
    warm.append([digest(case) for case in cases])
    parses.append(len(parsed))
print(json.dumps({"cases": [f"{p.split('/')[-2]}/{p.split('/')[-1]} {t} {s}" for p, t, s in cases],
                  "fresh": first, "warm": warm, "parses": parses, "configs": len(pdf_styles._faces)}))
"""
GUIDES = [SAMPLE, *(FIXTURES / "good" / "scripts" / "blood-pressure" / f"{lang}.md" for lang in ("en", "ar", "ja", "vi"))]


@pytest.mark.slow
def test_a_pdf_rendered_after_others_in_a_process_is_the_same_as_one_rendered_first_in_a_fresh_one():
    run = subprocess.run([sys.executable, "-c", RENDER, str(ROOT / "examples" / "clinic-theme"), *map(str, GUIDES)],
                         cwd=ROOT, capture_output=True, text=True, check=True, timeout=900)
    out = json.loads(run.stdout)
    fresh, warm = out["fresh"], out["warm"]
    differ = [case for case, *digests in zip(out["cases"], fresh, *warm) if len(set(digests)) > 1]
    assert differ == [] and len(set(fresh)) == len(fresh) == 20
    # The third time round every sheet is found parsed; two sets of faces (the English guides' Atkinson
    # by file, none for the others: their faces by name) make two font configurations.
    assert out["parses"][-1] == 0 and out["configs"] == 2


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
