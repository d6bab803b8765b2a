"""The preview of a guide in several languages: it starts on the language the others are translated
from, links to each of them outside the guide's own markup, and wears the theme as the build does."""
from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from lxml import html

from conftest import FIXTURES, ROOT
from plainpress.config import render_options
from plainpress.config import load_settings
from plainpress.build import BuildInputError
from plainpress.serve.guide_languages import guide_languages
from plainpress.serve.page import make_preview

FOOT_CARE = FIXTURES / "good" / "foot-care"
THEME = ROOT / "examples" / "clinic-theme"


@pytest.fixture
def guide(tmp_path):
    """foot-care (en.md, es.md) without its own organisation, so that the theme's shows."""
    folder = tmp_path / "foot-care"
    shutil.copytree(FOOT_CARE, folder)
    for source in folder.glob("*.md"):
        text = source.read_text(encoding="utf-8")
        source.write_text("\n".join(l for l in text.split("\n") if not l.startswith("organisation:")), encoding="utf-8")
    return folder


def translated_from(folder, source: str, target: str) -> None:
    (folder / f"{target}.translation.json").write_text(f'{{"from": "{source}", "units": {{}}}}\n', encoding="utf-8")


def test_it_starts_on_the_language_the_others_are_translated_from(guide):
    translated_from(guide, "es", "en")   # en.md sorts first, but it is the translation
    languages = guide_languages(guide)
    assert (languages.start, list(languages.sources)) == ("es", ["en", "es"])


def test_without_a_translation_record_it_starts_on_the_first_language(guide):
    assert guide_languages(guide).start == "en"


def test_a_file_or_lang_says_where_it_starts(guide):
    translated_from(guide, "es", "en")
    assert guide_languages(guide / "en.md").start == "en"
    assert guide_languages(guide, "EN").start == "en"


def test_a_lang_it_does_not_have_or_several_are_refused(guide):
    with pytest.raises(BuildInputError) as caught:
        guide_languages(guide, "fr")
    assert str(caught.value) == f"no `fr` source in {guide}; it has: en, es"
    with pytest.raises(BuildInputError) as caught:
        guide_languages(guide, "en,es")
    assert str(caught.value) == "--lang en,es: give one language tag, such as en or es"


def test_a_folder_of_guides_asks_which(tmp_path):
    for name in ("b", "a"):
        shutil.copytree(FOOT_CARE, tmp_path / name)
    with pytest.raises(BuildInputError) as caught:
        guide_languages(tmp_path)
    assert str(caught.value) == (f"{tmp_path} holds 2 guides; name the one to preview:\n"
                                 f"  plainpress serve {tmp_path / 'a'}\n  plainpress serve {tmp_path / 'b'}")


def links(tree) -> list[tuple[str, str, str, str | None]]:
    [nav] = tree.xpath("//nav[@class='pp-languages']")
    return [(a.get("href"), a.get("hreflang"), a.text, a.get("aria-current")) for a in nav.iter("a")]


def test_the_page_links_to_each_language_before_the_guide(guide):
    languages = guide_languages(guide)
    tree = html.document_fromstring(make_preview(guide / "es.md", 1, languages=languages).page)
    assert tree.get("lang") == "es"
    assert links(tree) == [("/?lang=en", "en", "English", None), ("/?lang=es", "es", "español", "page")]
    [nav] = tree.xpath("//nav[@class='pp-languages']")
    assert nav.getparent().tag == "body" and not nav.xpath("ancestor::main | following::nav[@class='pp-languages']")
    assert nav.getprevious().get("class") == "skip-link"   # the skip link stays first


def test_a_guide_in_one_language_has_no_links(tmp_path):
    shutil.copytree(FIXTURES / "serve" / "draft", tmp_path / "draft")
    languages = guide_languages(tmp_path / "draft")
    tree = html.document_fromstring(make_preview(tmp_path / "draft" / "en.md", 1, languages=languages).page)
    assert not tree.xpath("//nav[@class='pp-languages']")


def test_the_page_of_problems_links_to_the_other_languages_too(guide):
    (guide / "en.md").write_text("---\ntitle: Feet\nlang en\n---\n\nText.\n", encoding="utf-8")
    tree = html.document_fromstring(make_preview(guide / "en.md", 1, languages=guide_languages(guide)).page)
    assert "`lang en` has no colon" in tree.text_content()
    assert links(tree)[1] == ("/?lang=es", "es", "español", None)


def test_the_preview_wears_the_theme_and_paper_serve_is_given(guide):
    settings = load_settings()
    args = SimpleNamespace(theme=THEME, paper="a4")
    options = render_options(args, settings)
    assert options.paper == "a4" and options.theme.organisation
    raw = make_preview(guide / "en.md", 1, options).page
    assert b"@page { size: a4; }" in raw   # printed from the browser on the paper asked for
    page = html.document_fromstring(raw).text_content()
    assert "Riverside Neurology Clinic" in page and "7946" in page   # its organisation and contact block
    plain = html.document_fromstring(make_preview(guide / "en.md", 1).page).text_content()
    assert "Riverside Neurology Clinic" not in plain
