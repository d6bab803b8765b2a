"""plainpress/languages/cldr.py: what CLDR (through Babel) says of each locale: its direction and
script, its name in English and in itself, a date with the month in words, a number."""
from __future__ import annotations

import datetime as dt

import pytest

from plainpress.languages import cldr

DAY = dt.date(2026, 10, 1)
NBSP = "\u00a0"
# The review date under a guide's title, as each shipped language writes it; spaces never break.
LONG_DATE = {
    "en": "October 1, 2026", "es": "1 de octubre de 2026", "fr": "1 octobre 2026", "de": "1. Oktober 2026",
    "it": "1 ottobre 2026", "pt": "1 de outubro de 2026", "pl": "1 października 2026",
    "ru": "1 октября 2026\u202fг.", "uk": "1 жовтня 2026\u202fр.", "vi": "1 tháng 10, 2026", "tl": "Oktubre 1, 2026",
    "zh-Hans": "2026年10月1日", "zh-Hant": "2026年10月1日", "ja": "2026年10月1日", "ko": "2026년 10월 1일",
    "ar": "1 أكتوبر 2026", "fa": "1 اکتبر 2026", "hi": "1 अक्टूबर 2026",
}


@pytest.mark.parametrize("lang", LONG_DATE)
def test_long_date_writes_the_month_in_the_languages_words(lang):
    assert cldr.long_date(DAY, lang) == LONG_DATE[lang].replace(" ", NBSP)
    assert " " not in cldr.long_date(DAY, lang)


def test_a_tag_cldr_does_not_know_gets_iso_8601():
    assert cldr.long_date(DAY, "xx") == "2026-10-01"
    assert cldr.locale("xx") is None


def test_a_regional_tag_falls_back_to_its_parent_locale():
    assert str(cldr.locale("zh-Hant-TW")) == "zh_Hant_TW"
    assert str(cldr.locale("es-XX")) == "es"
    assert cldr.long_date(DAY, "es-XX") == LONG_DATE["es"].replace(" ", NBSP)


@pytest.mark.parametrize("tag, direction", [("ar", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("he", "rtl"), ("ps", "rtl"),
                                            ("ar-EG", "rtl"), ("en", "ltr"), ("zh-Hans", "ltr"), ("ko", "ltr"),
                                            ("hi", "ltr"), ("ru", "ltr"), ("xx-Arab", "rtl"), ("xx", "ltr")])
def test_direction(tag, direction):
    assert cldr.direction(tag) == direction


@pytest.mark.parametrize("tag, script", [("zh", "Hans"), ("zh-TW", "Hant"), ("zh-HK", "Hant"), ("zh-Hant", "Hant"),
                                         ("ko", "Kore"), ("ja", "Jpan"), ("ar", "Arab"), ("fa", "Arab"), ("hi", "Deva"),
                                         ("ru", "Cyrl"), ("uk", "Cyrl"), ("sr-Latn", "Latn"), ("vi", "Latn"),
                                         ("en", "Latn"), ("xx", "Latn")])
def test_likely_script(tag, script):
    assert cldr.likely_script(tag) == script


@pytest.mark.parametrize("tag, english, own", [
    ("zh-Hans", "Chinese (Simplified)", "中文 (简体)"), ("zh-Hant", "Chinese (Traditional)", "中文 (繁體)"),
    ("ko", "Korean", "한국어"), ("ar", "Arabic", "العربية"), ("fa", "Persian", "فارسی"), ("vi", "Vietnamese", "Tiếng Việt"),
    ("ru", "Russian", "русский"), ("hi", "Hindi", "हिन्दी"), ("ht", "Haitian Creole", "Kreyòl Ayisyen"),
    ("tl", "Tagalog", "Filipino (Pilipinas)"),
])
def test_language_names(tag, english, own):
    assert (cldr.language_name(tag), cldr.native_name(tag)) == (english, own)


def test_an_unknown_tag_is_named_by_its_tag():
    assert (cldr.language_name("xx"), cldr.native_name("xx")) == ("the language tagged xx", "xx")


@pytest.mark.parametrize("lang, text", [("en", "1,234.5"), ("es", "1.234,5"), ("de", "1.234,5"),
                                        ("fr", "1\u202f234,5"), ("ru", "1\u00a0234,5"), ("xx", "1234.5")])
def test_numbers_in_the_languages_own_separators(lang, text):
    assert cldr.number(1234.5, lang) == text
