"""Before a build: the characters of a guide that no installed face of its language draws, found on a
machine where fontconfig knows no font (planted), and none on this one, where `make` installed them."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import require_tool
from plainpress.build import check as checking
from plainpress.build.result import GuideResult
from plainpress.checks.fonts import font_findings
from plainpress.languages import fonts
from plainpress.source import read_guide

FRONT = '---\ntitle: {title}\nlang: {lang}\nversion: "1.0"\ndate: 2026-11-20\n---\n\n'
CHINESE = FRONT.format(title="高血压", lang="zh-Hans") + "## 什么是高血压\n\n高血压是血管里的压力太高。\n"
ARABIC = FRONT.format(title="ضغط الدم", lang="ar") + "## ما هو ضغط الدم\n\nخذ الدواء كل يوم.\n"
ENGLISH = FRONT.format(title="Blood pressure", lang="en") + "## What it is\n\nTake your pills every day.\n"


def guide(tmp_path: Path, text: str, lang: str):
    (tmp_path / "guide").mkdir()
    path = tmp_path / "guide" / f"{lang}.md"
    path.write_text(text, encoding="utf-8")
    return read_guide(path)


@pytest.fixture
def no_system_fonts(monkeypatch):
    """fontconfig knows no face: only Atkinson Hyperlegible (from its PyPI package) is there."""
    monkeypatch.setattr(fonts, "system_faces", lambda: {})
    fonts.cmap.cache_clear()
    yield
    fonts.cmap.cache_clear()


@pytest.fixture
def one_label(monkeypatch):
    """The labels printed around the guide: one, with a placeholder (whose braces are not printed)."""
    monkeypatch.setattr("plainpress.checks.fonts.labels", lambda lang, folders=(), own=None: {"page": "第{page}页"})


def test_a_chinese_guide_without_noto_cjk_is_one_error_naming_the_package(tmp_path, no_system_fonts, one_label):
    [finding] = font_findings(guide(tmp_path, CHINESE, "zh-Hans"))
    assert str(finding) == (
        f"{tmp_path}/guide/zh-Hans.md:8: ERROR: no installed font draws 14 characters of this guide (Han): "
        "高 (U+9AD8), 血 (U+8840), 压 (U+538B), 什 (U+4EC0), 么 (U+4E48), 是 (U+662F), 管 (U+7BA1), 里 (U+91CC), "
        "的 (U+7684), 力 (U+529B), 太 (U+592A), 。 (U+3002), 第 (U+7B2C), 页 (U+9875); its PDF, EPUB and web page would show an empty box for each "
        "(the guide's fonts: Noto Sans CJK SC) [fonts.missing]\n"
        "    install the fonts that draw them: Noto Sans CJK SC (fonts-noto-cjk) (on Debian and Ubuntu "
        "`sudo apt-get install fonts-noto-cjk`; `make` does it); then check again")


def test_an_arabic_guide_without_noto_names_the_arabic_faces(tmp_path, no_system_fonts, one_label):
    [finding] = font_findings(guide(tmp_path, ARABIC, "ar"))
    assert finding.message.startswith("no installed font draws 17 characters of this guide (Arabic, Han): ")
    assert finding.hint == (
        "install the fonts that draw them: Noto Sans Arabic, Noto Sans (fonts-noto-core); Noto Sans CJK SC "
        "(fonts-noto-cjk) (on Debian and Ubuntu `sudo apt-get install fonts-noto-core fonts-noto-cjk`; `make` "
        "does it); then check again")


def test_an_english_guide_needs_only_atkinson_hyperlegible(tmp_path, no_system_fonts):
    assert font_findings(guide(tmp_path, ENGLISH, "en")) == []


@pytest.mark.parametrize("text, lang", [(CHINESE, "zh-Hans"), (ARABIC, "ar")])
def test_with_the_noto_fonts_installed_nothing_is_missing(tmp_path, text, lang):
    require_tool(not fonts.installed(read_guide_lang(lang)), f"the fonts of {lang}")
    assert font_findings(guide(tmp_path, text, lang)) == []


def read_guide_lang(lang: str):
    from plainpress.languages import language
    return language(lang)


def test_the_build_and_check_add_it_to_each_guides_findings(tmp_path, no_system_fonts):
    item = guide(tmp_path, CHINESE, "zh-Hans")
    result = GuideResult(item, None, [])
    checking.add_language_findings([result], None)
    assert [f.rule for f in result.findings if f.rule == "fonts.missing"] == ["fonts.missing"]
