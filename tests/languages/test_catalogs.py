"""The label catalogs under locales/: each parses, has every label of ENGLISH translated (no fuzzy,
no empty entry, the same placeholders), writes the language's own punctuation, says who checked it;
and `labels(tag)` finds the right one for every tag a clinic may use, English where none is."""
from __future__ import annotations

import polib
import pytest

from plainpress.languages import ENGLISH, fill, label_catalog, labels, missing_labels
from plainpress.languages.catalog import LOCALES, PLACEHOLDER, catalog_names, catalog_path

SHIPPED = ("es", "fr", "de", "zh_Hans", "zh_Hant", "vi", "ko", "tl", "ru", "ar", "ht", "pt", "pl", "ja", "fa",
           "hi", "it", "uk")
# What each language's printed handout says, for three labels: the call-out title a patient reads
# first, the page footer (placeholders in the language's order) and the contact line.
PRINTED = {
    "es": ("Puntos clave", "página {page} de {pages}", "¿Preguntas? Llame al {phone}."),
    "fr": ("À retenir", "page {page} sur {pages}", "Des questions\u00a0? Appelez le {phone}."),
    "de": ("Das Wichtigste", "Seite {page} von {pages}", "Fragen? Rufen Sie uns an: {phone}."),
    "zh-Hans": ("要点", "第{page}页，共{pages}页", "有问题？请致电 {phone}。"),
    "zh-Hant": ("重點", "第{page}頁，共{pages}頁", "有問題？請致電 {phone}。"),
    "vi": ("Những điều cần nhớ", "trang {page}/{pages}", "Nếu có thắc mắc, xin gọi {phone}."),
    "ko": ("꼭 기억할 점", "{pages}쪽 중 {page}쪽", "궁금한 점은 전화 주세요: {phone}."),
    "tl": ("Mga dapat tandaan", "pahina {page} ng {pages}", "May tanong? Tumawag sa {phone}."),
    "ru": ("Самое главное", "страница {page} из {pages}", "Есть вопросы? Звоните: {phone}."),
    "ar": ("أهم النقاط", "صفحة {page} من {pages}", "هل لديك أسئلة؟ اتصل بنا على {phone}."),
    "ht": ("Sa pou w sonje", "paj {page} sou {pages}", "Ou gen kesyon? Rele {phone}."),
    "pt": ("O mais importante", "página {page} de {pages}", "Dúvidas? Ligue para {phone}."),
    "pl": ("Najważniejsze informacje", "strona {page} z {pages}", "Pytania? Prosimy dzwonić: {phone}."),
    "ja": ("大切なポイント", "{page}ページ（全{pages}ページ）", "ご質問は {phone} までお電話ください。"),
    "fa": ("نکته‌های مهم", "صفحهٔ {page} از {pages}", "پرسشی دارید؟ با {phone} تماس بگیرید."),
    "hi": ("याद रखने वाली बातें", "पृष्ठ {page} / {pages}", "कोई सवाल है? {phone} पर कॉल करें।"),
    "it": ("Da ricordare", "pagina {page} di {pages}", "Domande? Chiami il {phone}."),
    "uk": ("Найголовніше", "сторінка {page} з {pages}", "Маєте запитання? Телефонуйте: {phone}."),
}
# A tag as a clinic writes it -> the catalog whose words it prints.
FALLS_TO = {"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "zh-Hans-CN": "zh-Hans",
            "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant", "zh-Hant-TW": "zh-Hant",
            "pt-BR": "pt", "pt-PT": "pt", "es-MX": "es", "es-US": "es", "fr-CA": "fr", "ar-EG": "ar",
            "ko-KR": "ko", "vi-VN": "vi", "fa-IR": "fa", "ru-RU": "ru"}


def catalog(folder: str) -> polib.POFile:
    return polib.pofile(str(LOCALES / folder / "LC_MESSAGES" / "plainpress.po"))


@pytest.mark.parametrize("folder", SHIPPED)
def test_every_catalog_translates_every_label_exactly_once(folder):
    po = catalog(folder)
    live = [e for e in po if not e.obsolete]
    assert [e.msgctxt for e in live] == list(ENGLISH)
    assert {e.msgctxt: e.msgid for e in live} == ENGLISH
    assert [e.msgctxt for e in live if not e.msgstr or e.fuzzy] == []
    assert po.metadata["Language"] == folder


@pytest.mark.parametrize("folder", SHIPPED)
def test_every_translation_keeps_its_placeholders_and_no_others(folder):
    for entry in catalog(folder):
        assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgctxt
        assert entry.msgstr.count("{") == entry.msgid.count("{"), entry.msgctxt   # no "{Phone}" or "{ phone }"


@pytest.mark.parametrize("folder", SHIPPED)
def test_every_catalog_says_who_checked_it(folder):
    po = catalog(folder)
    assert po.metadata["Last-Translator"] == "not yet checked by a native reader"
    assert "not yet checked by a native reader" in po.header


@pytest.mark.parametrize("folder", SHIPPED)
def test_every_catalog_is_read_whole(folder):
    """read_catalog drops entries it cannot trust: every shipped entry must survive it."""
    assert len(label_catalog(folder.replace("_", "-"))) == len(ENGLISH)


@pytest.mark.parametrize("lang", PRINTED)
def test_labels_print_the_languages_own_words(lang):
    words = labels(lang)
    assert (words["key-points"], words["page"], words["questions"]) == PRINTED[lang]
    assert missing_labels(lang) == []
    assert all(words[key] != english for key, english in ENGLISH.items() if key not in SAME_AS_ENGLISH.get(lang, ()))


# Words a language writes as English does (a French "Version", a Tagalog "Website").
SAME_AS_ENGLISH = {"fr": ("version", "notes"), "de": ("version", "website"), "tl": ("address", "website")}


@pytest.mark.parametrize("tag, shipped", FALLS_TO.items())
def test_a_regional_tag_prints_its_catalogs_words(tag, shipped):
    assert labels(tag) == labels(shipped)
    assert missing_labels(tag) == []


def test_taiwan_and_hong_kong_read_traditional_characters_and_the_mainland_simplified():
    assert labels("zh-TW")["contents"] == labels("zh-HK")["contents"] == "目錄"
    assert labels("zh-CN")["contents"] == labels("zh")["contents"] == "目录"
    assert catalog_names("zh-TW") == ["zh-TW", "zh-Hant", "zh"]
    assert catalog_names("zh-Hant-HK") == ["zh-Hant-HK", "zh-Hant", "zh"]


@pytest.mark.parametrize("tag", ["sw", "am", "so", "km"])
def test_a_language_without_a_catalog_prints_english_and_says_which_labels(tag):
    assert not catalog_path(LOCALES, tag).exists()
    assert labels(tag) == ENGLISH
    assert missing_labels(tag) == list(ENGLISH)


def test_english_needs_no_catalog():
    assert labels("en") == labels("en-US") == ENGLISH
    assert missing_labels("en-GB") == []


def test_a_guides_own_labels_and_a_themes_catalog_come_before_ours(tmp_path):
    theme = catalog_path(tmp_path, "ko")
    theme.parent.mkdir(parents=True)
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="key-points", msgid=ENGLISH["key-points"], msgstr="핵심 내용"))
    po.save(str(theme))
    assert labels("ko", (tmp_path,))["key-points"] == "핵심 내용"
    assert labels("ko", (tmp_path,))["warning"] == "주의"
    assert labels("ko", (tmp_path,), own={"key-points": "요점"})["key-points"] == "요점"


@pytest.mark.parametrize("folder", ["zh_Hans", "zh_Hant", "ja"])
def test_chinese_and_japanese_labels_use_full_width_punctuation(folder):
    for entry in catalog(folder):
        assert not set(entry.msgstr) & set(":?!,;"), (entry.msgctxt, entry.msgstr)
    assert labels(folder.replace("_", "-"))["reviewed"].endswith("：{date}。")


@pytest.mark.parametrize("folder", ["ar", "fa"])
def test_arabic_script_labels_ask_with_the_arabic_question_mark(folder):
    text = "".join(e.msgstr for e in catalog(folder))
    assert "؟" in text and "?" not in text and "," not in text


def test_hindi_sentences_end_with_a_danda():
    assert fill(labels("hi")["questions"], phone="(408) 555-0123") == "कोई सवाल है? (408) 555-0123 पर कॉल करें।"
    assert labels("hi")["version"].endswith("।")


def test_french_puts_a_no_break_space_before_a_colon_or_question_mark():
    for entry in catalog("fr"):
        for mark in ":?":
            if mark in entry.msgstr:
                assert f"\u00a0{mark}" in entry.msgstr and f" {mark}" not in entry.msgstr, entry.msgctxt


def test_korean_and_japanese_footers_fill_the_numbers_in_their_own_order():
    assert fill(labels("ko")["page"], page="1", pages="3") == "3쪽 중 1쪽"
    assert fill(labels("ja")["page"], page="1", pages="3") == "1ページ（全3ページ）"
    assert fill(labels("zh-Hans")["page"], page="1", pages="3") == "第1页，共3页"


def test_the_template_offers_every_label_untranslated():
    pot = polib.pofile(str(LOCALES / "plainpress.pot"))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in pot] == [(k, v, "") for k, v in ENGLISH.items()]

