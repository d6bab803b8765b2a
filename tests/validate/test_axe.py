"""axe-core in Chromium on the web pages and the library's index: 0 violations at desktop and phone
widths, no sideways scrolling at 320 and 375 px, a focus ring at every Tab stop, large print when
printed, nothing fetched.

The browser runs once for the three shipped pages (one shared result) and once for the planted page.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_tool
from plainpress.validate import validators
from plainpress.validate import axe
from plainpress.validate.axe import missing_tool, run_axe, run_axe_on_pages

PAGES = {"sample": "sample/en/sample-en.html",
         "foot care": "cuidado-de-los-pies/es/cuidado-de-los-pies-es.html",
         "index": "index.html"}


@pytest.fixture(scope="module")
def checked(web_build) -> dict:
    require_tool(missing_tool() is None, missing_tool() or "")
    results = run_axe_on_pages([web_build / path for path in PAGES.values()])
    return dict(zip(PAGES, results))


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_violation_at_desktop_or_phone_width(checked, page):
    result = checked[page]
    assert result.checked and result.passed, [str(f) for f in result.findings]
    counts = result.counts
    assert (counts["violations_1280"], counts["violations_375"]) == (0, 0)
    assert counts["passes_1280"] >= 30 and counts["passes_375"] >= 30  # axe really ran its rules


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_nothing_scrolls_sideways_on_a_phone_and_nothing_is_fetched(checked, page):
    counts = checked[page].counts
    assert (counts["overflow_320"], counts["overflow_375"], counts["requests_refused"]) == (0, 0, 0)


@pytest.mark.slow
def test_the_tab_key_reaches_every_link_with_a_ring_on_screen(checked):
    assert checked["sample"].counts["tab_stops"] == 6  # skip link, 3 contents links, the table, a link
    # skip link; the library's row of each of 2 guides: its language and its report; and for each its web
    # page, report.html and report.json
    assert checked["index"].counts["tab_stops"] == 11


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_printed_text_is_18_pt_or_more(checked, page):
    assert checked[page].counts["print_smallest_text_px"] >= 24  # 18 pt is 24 CSS px


def planted(page: Path, folder: Path) -> Path:
    """The sample page with a picture's alt removed, call-out text at 5.7:1 (enough for AA, not for
    7:1), links that hide their focus ring, a stylesheet from the network and a box wider than any phone."""
    html = page.read_text(encoding="utf-8")
    html = html.replace(' alt="A square and a circle, drawn in black lines"', "", 1)
    html = html.replace("</style>", ".callout p, .callout li { color: #666; } .wide { width: 900px; }"
                        "a:focus-visible { outline: none; }</style>"
                        '<link rel="stylesheet" href="https://example.org/clinic.css">', 1)
    html = html.replace('<main id="main" tabindex="-1">', '<main id="main" tabindex="-1"><p class="wide">Wide</p>', 1)
    bad = folder / "planted.html"
    bad.write_text(html, encoding="utf-8")
    return bad


@pytest.mark.slow
def test_planted_faults_are_each_caught(web_build, tmp_path):
    require_tool(missing_tool() is None, missing_tool() or "")
    result = run_axe(planted(web_build / PAGES["sample"], tmp_path))
    assert result.checked and not result.passed
    rules = {f.rule for f in result.findings}
    assert {"axe.image-alt", "axe.color-contrast-enhanced", "web.reflow", "web.fetches", "web.focus"} <= rules
    unringed = [f.location for f in result.findings if f.rule == "web.focus"]
    assert len(unringed) == 5 and "a our website" in unringed[-1]  # every link; the table's region keeps its ring
    assert result.counts["critical"] == 2  # the missing alt, at each width
    assert result.counts["requests_refused"] == 1 and result.counts["overflow_320"] > 0
    [fetch] = [f for f in result.findings if f.rule == "web.fetches"]
    assert "https://example.org/clinic.css" in fetch.message


def test_a_missing_axe_is_not_checked_never_passed(monkeypatch, tmp_path):
    monkeypatch.setattr(axe, "AXE_SCRIPT", tmp_path / "no-axe.min.js")
    result = run_axe(tmp_path / "page.html")
    assert (result.checked, result.passed, result.to_json()["status"]) == (False, False, "not checked")
    assert "axe-core" in result.note


def test_the_web_page_is_checked_by_axe():
    assert [tool for tool, _ in validators("html")] == ["axe", "glyphs"]
