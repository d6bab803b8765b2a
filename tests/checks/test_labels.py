"""One finding when a guide's language lacks labels it prints: which, and how to add them."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import SAMPLE
from plainpress.checks.labels import label_findings
from plainpress.languages import catalog
from plainpress.source import read_guide


@pytest.fixture
def locales(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog, "LOCALES", tmp_path)
    return tmp_path


def in_language(lang: str, **meta):
    guide = read_guide(SAMPLE)
    return dataclasses.replace(guide, meta=dataclasses.replace(guide.meta, lang=lang, **meta))


def test_a_language_without_a_catalog_gets_one_finding_naming_the_labels(locales):
    guide = in_language("zh-Hans")
    [finding] = label_findings(guide)
    assert str(finding) == (
        f"{SAMPLE}:4: WARNING: 12 labels this guide prints will be in English, as there is no catalog of Chinese "
        "(Simplified) labels for them: version “Version {version}.”, reviewed “Last reviewed: {date}.”, page “page "
        "{page} of {pages}”, contents “Contents”, landmarks “Landmarks”, start “Start of content”, for “For: "
        "{audience}”, skip “Skip to the guide”, table “Table”, key-points “Key points”, warning “Warning”, ask "
        "“Questions to ask your care team” [labels.missing]\n"
        "    add them to locales/zh_Hans/LC_MESSAGES/plainpress.po (msgctxt the name, msgid the English, msgstr the "
        "Chinese (Simplified)), or in a theme's locales/ folder; or have them translated with the guide: "
        f"`plainpress translate export {SAMPLE.parent} --to zh-Hans` offers them, and the import keeps them in its "
        "front matter (`labels:`)")


def test_a_catalog_that_lacks_some_and_the_guides_own_labels(locales):
    folder = locales / "ar" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "plainpress.po").write_text("".join(
        f'msgctxt "{k}"\nmsgid "{v}"\nmsgstr "{v} (ar)"\n\n' for k, v in catalog.ENGLISH.items()
        if k not in ("page", "table", "contact")), encoding="utf-8")
    [finding] = label_findings(in_language("ar", labels=(("table", "جدول"),)), contact=True)
    assert finding.message == ("2 labels this guide prints will be in English, as the Arabic catalog lacks them: "
                               "page “page {page} of {pages}”, contact “Contact us”")
    assert label_findings(in_language("ar", labels=(("page", "{page}/{pages}"), ("table", "جدول")))) == []


def test_english_and_a_complete_catalog_have_none():
    assert label_findings(read_guide(SAMPLE)) == []
    assert label_findings(in_language("es")) == []
