"""The preview of a guide in two languages, in Chromium: the writer switches language by its links,
and the links add no accessibility violation to the page."""
from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from conftest import FIXTURES
from plainpress.validate.axe import AXE_OPTIONS, AXE_SCRIPT, AXE_WIDTHS, at_widths, page_result
from running import serving
from test_preview_browser import chromium, opened  # noqa: F401 - the browser, started once

pytestmark = pytest.mark.slow


def two_languages(project):
    guide = project / "source" / "foot-care"
    shutil.copytree(FIXTURES / "good" / "foot-care", guide)
    (guide / "en.translation.json").write_text('{"from": "es", "units": {}}\n', encoding="utf-8")
    return guide


def test_the_writer_switches_language_by_the_links_on_the_page(chromium, tmp_path):  # noqa: F811
    guide = two_languages(tmp_path)
    with serving(tmp_path, str(guide)) as running, opened(chromium, running.url) as tab:
        expect(tab.locator("html")).to_have_attribute("lang", "es")
        tab.get_by_role("navigation", name="This guide in its languages").get_by_role("link", name="English").click()
        expect(tab.locator("html")).to_have_attribute("lang", "en")
        expect(tab.locator(".pp-languages a[aria-current=page]")).to_have_text("English")
        assert tab.url == f"{running.url}?lang=en"


def test_the_language_links_add_no_accessibility_violation(chromium, tmp_path):  # noqa: F811
    guide = two_languages(tmp_path)
    with serving(tmp_path, str(guide)) as running, opened(chromium, running.url, bypass_csp=True) as tab:
        tab.add_script_tag(path=str(AXE_SCRIPT))
        runs = at_widths(tab, AXE_WIDTHS, "options => axe.run(document, options)", AXE_OPTIONS)
        result = page_result("preview", runs, {}, [], [], 0.0, tab.evaluate("axe.version"))
    assert [str(f) for f in result.findings] == []
    assert result.counts["passes_1280"] > 0 and result.counts["passes_375"] > 0   # axe ran, at both widths
