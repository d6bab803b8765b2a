"""The live preview in Debian's Chromium: the badge by a heading, a save shown without reloading by
hand, a hint read by keyboard, a source error on the page and back, and axe-core on the preview.

Every request but the preview's own is refused (and recorded), as in plainpress.validate.axe."""
from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from conftest import require_tool
from plainpress import build as pipeline
from plainpress.checks.readability import located_sentences, sentence_too_hard
from plainpress.render import RenderOptions
from plainpress.source import SourceError, read_guide
from plainpress.validate.axe import AXE_OPTIONS, AXE_SCRIPT, AXE_WIDTHS, HEIGHT, OVERFLOW_JS, REFLOW_WIDTHS, SMALLEST_TEXT_JS, at_widths, browser, missing_tool, page_result, tab_stops
from running import copy_of_draft, save, serving

pytestmark = pytest.mark.slow
SHOWN = 30_000  # ms a save may take to show on a loaded machine (typical: well under one; see bench_serve_reload)
HARD_BADGE = "#when-it-gets-hard + .pp-badge"


@pytest.fixture(scope="module")
def chromium():
    require_tool(missing_tool() is None, missing_tool() or "")
    with browser() as launched:
        yield launched


@contextmanager
def opened(chromium, url: str, **context):
    """The preview in a fresh tab; asserts afterwards that it asked for nothing but its own address."""
    tab = chromium.new_context(viewport={"width": AXE_WIDTHS[0], "height": HEIGHT}, **context).new_page()
    refused: list[str] = []

    def only_the_preview(route):
        if route.request.url.startswith(url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    tab.route("**/*", only_the_preview)
    tab.goto(url, wait_until="load")
    try:
        yield tab
    finally:
        tab.context.close()
    assert refused == []


def tab_to(tab, css_class: str, most: int = 60):
    """Press Tab until the focused element has the class; return the id of the hint it is described by."""
    for _ in range(most):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"document.activeElement.classList.contains('{css_class}')"):
            return tab.evaluate("document.activeElement.getAttribute('aria-describedby')")
    raise AssertionError(f"the Tab key never reached a .{css_class}")


def test_a_saved_change_shows_without_reloading_by_hand(chromium, tmp_path):
    source = copy_of_draft(tmp_path)
    with serving(tmp_path) as running, opened(chromium, running.url) as tab:
        assert tab.locator(HARD_BADGE).inner_text() == "Grade 7.2 — target 6: too hard"
        tab.evaluate("window.sameVisit = true")   # gone once the page has reloaded
        save(source, source.read_text(encoding="utf-8").replace("Drink water often.", "Drink a cup of water often."))
        # how fast is benchmarks/bench_serve_reload.py's to measure; here only that it shows by itself
        tab.wait_for_function("() => !window.sameVisit && document.body.innerText.includes("
                              "'Drink a cup of water often.')", timeout=SHOWN, polling=20)


def test_tab_to_a_marked_sentence_and_read_its_hint(chromium, tmp_path):
    source = copy_of_draft(tmp_path)
    [result] = pipeline.build([source], (), (), tmp_path, RenderOptions(), render=False)
    [length] = [f for f in result.findings if f.rule == "plain.sentence-length"]
    [sentence] = [s for s in located_sentences(result.guide.blocks) if str(s.loc) == length.location]
    wanted = [length.hint, sentence_too_hard(sentence, "en", 6).hint]
    with serving(tmp_path) as running, opened(chromium, running.url) as tab:
        tip = tab.locator(".pp-sentence + .pp-tip").first
        assert not tip.is_visible()
        tip_id = tab_to(tab, "pp-sentence")
        hint = tab.locator(f"#{tip_id}")
        assert hint.is_visible() and hint.get_attribute("role") == "tooltip"
        assert hint.locator(".pp-hint").all_text_contents() == wanted
        # what a screen reader says after the sentence: the hints, through aria-describedby
        expect(tab.locator(":focus")).to_have_accessible_description(re.compile(".*".join(map(re.escape, wanted))))
        tab.keyboard.press("Escape")   # put away without moving focus (WCAG 1.4.13)
        assert not hint.is_visible()
        term_tip = tab_to(tab, "pp-term")
        [term] = [f for f in result.findings if f.rule == "plain.undefined-term"][:1]
        assert tab.locator(f"#{term_tip} .pp-hint").text_content() == term.hint
        assert tab.locator(f"#{term_tip}").is_visible()


def test_a_source_error_shows_on_the_page_until_it_is_mended(chromium, tmp_path, monkeypatch):
    source = copy_of_draft(tmp_path)
    monkeypatch.chdir(tmp_path)   # where the server runs: it names the source as source/draft/en.md
    good = source.read_text(encoding="utf-8")
    with serving(tmp_path) as running, opened(chromium, running.url) as tab:
        save(source, good.replace("date: 2026-11-20", "date: 2026-11-31"))
        with pytest.raises(SourceError) as broken:
            read_guide(source.relative_to(tmp_path))
        [problem] = broken.value.problems
        tab.wait_for_selector("text=cannot be shown yet", timeout=SHOWN)
        assert tab.locator("main li").all_inner_texts() == [str(problem)]
        assert str(problem).startswith("source/draft/en.md:5: `date: 2026-11-31` is not a date")
        save(source, good)
        tab.wait_for_selector(HARD_BADGE, timeout=SHOWN)
        assert tab.locator(HARD_BADGE).inner_text() == "Grade 7.2 — target 6: too hard"
        assert running.process.poll() is None


def test_the_overlay_adds_no_accessibility_violation(chromium, tmp_path):
    copy_of_draft(tmp_path)
    with serving(tmp_path) as running, opened(chromium, running.url, bypass_csp=True) as tab:   # to run axe
        tab.add_script_tag(path=str(AXE_SCRIPT))
        runs = at_widths(tab, AXE_WIDTHS, "options => axe.run(document, options)", AXE_OPTIONS)
        overflow = at_widths(tab, REFLOW_WIDTHS, OVERFLOW_JS)
        stops = tab_stops(tab)
        tab.emulate_media(media="print")
        result = page_result("preview", runs, overflow, stops, [], tab.evaluate(SMALLEST_TEXT_JS),
                             tab.evaluate("axe.version"))
    assert [str(f) for f in result.findings] == []
    assert result.counts["passes_1280"] >= 30 and result.counts["tab_stops"] >= 10   # marks are reached
