"""Checks that fit the language: sentences cut its way, length in its unit against its limit, each
language judged by its own formulas or said to be not scored, and which checks ran."""
from __future__ import annotations

import pytest

from plainpress import model as m
from plainpress.checks.counts import textstat
from plainpress.checks.coverage import runs
from plainpress.checks.formula_table import FORMULAS
from plainpress.checks.plain_language import acronyms, foreign_terms, sentence_length, undefined_terms
from plainpress.checks.readability import Sentence, reading_report, score, sentences
from plainpress.checks.words import hard_word_rule
from plainpress.cli import main
from plainpress.source import read_guide

HERE = m.Location("x.md", 3)


def guide(tmp_path, lang: str, body: str, key_point: str, extra: str = ""):
    path = tmp_path / f"{lang}.md"
    path.write_text(f"---\ntitle: T\nlang: {lang}\ndate: 2026-01-01\n{extra}---\n\n::: key-points\n- {key_point}\n:::\n\n"
                    f"## A\n\n{body}\n", encoding="utf-8")
    return path


# Sentences ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, text, expected", [
    ("zh-Hans", "高血压很常见。请按时吃药！您有问题吗？", ["高血压很常见。", "请按时吃药！", "您有问题吗？"]),
    ("ja", "血圧が高いです。毎日薬を飲んでください。", ["血圧が高いです。", "毎日薬を飲んでください。"]),
    ("ko", "혈압이 높습니다. 약을 매일 드십시오. 물을 많이 마십니다.",
     ["혈압이 높습니다.", "약을 매일 드십시오.", "물을 많이 마십니다."]),
    ("ar", "ضغط الدم مرتفع. هل تأخذ الدواء؟ اسأل طبيبك.", ["ضغط الدم مرتفع.", "هل تأخذ الدواء؟", "اسأل طبيبك."]),
    ("hi", "रक्तचाप ऊँचा है। दवा रोज़ लें।", ["रक्तचाप ऊँचा है।", "दवा रोज़ लें।"]),
    ("ru", "Давление высокое. Принимайте лекарство, т. е. таблетки.", ["Давление высокое.",
                                                                   "Принимайте лекарство, т. е. таблетки."]),
    ("de", "Der Blutdruck ist hoch. Nehmen Sie 2.5 mg am Tag.", ["Der Blutdruck ist hoch.",
                                                               "Nehmen Sie 2.5 mg am Tag."]),
    ("it", "La pressione è alta. Prenda le pillole.", ["La pressione è alta.", "Prenda le pillole."]),
    ("vi", "Huyết áp cao rất nguy hiểm. Hãy uống thuốc mỗi ngày.", ["Huyết áp cao rất nguy hiểm.",
                                                                   "Hãy uống thuốc mỗi ngày."]),
])
def test_sentences_end_the_languages_way(lang, text, expected):
    assert sentences(text, lang) == expected


def test_a_korean_paragraph_of_short_da_sentences_passes_strict(tmp_path, capsys):
    body = ("혈압이 높으면 위험합니다. 약을 매일 같은 시간에 드십시오. 소금을 적게 드십시오. "
            "매일 조금씩 걷습니다. 궁금한 것은 의사에게 물어봅니다.")
    path = guide(tmp_path, "ko", body, "약을 매일 드십시오.")
    assert main(["check", str(path), "--strict"]) == 0
    out = capsys.readouterr().out
    assert "sentence-length" not in out
    assert ("Reading level: not scored. Korean has no readability formula plainpress can use; sentence length "
            "and the plain-language checks that apply still ran.") in out


def test_a_long_chinese_sentence_is_counted_in_characters():
    text = "高血压的病人应该每天在同一个时间按照医生的要求吃药并且少吃盐多走路多喝水还要按时去医院检查身体和血压情况好吗。"
    assert len(text) == 55 and language_length(text, "zh-Hans") == 54
    found = sentence_length(Sentence(text * 1, HERE), "zh-Hans")
    assert found.message == ("a sentence of 54 characters, over the limit of 35 (CDC's 20 English words, at the "
                             "1.7 characters a word that translations into Chinese, Japanese or Thai usually "
                             f"take): “{text}”")
    assert found.hint == "split it into sentences of 35 characters or fewer"
    assert sentence_length(Sentence("高血压很常见。", HERE), "zh-Hans") is None


def test_a_sixty_character_chinese_sentence_is_flagged(tmp_path):
    text = "请" * 59 + "。"
    path = guide(tmp_path, "zh-Hans", text, "按时吃药。")
    [found] = [f for f in read_and_check(path) if f.rule == "plain.sentence-length"]
    assert found.message.startswith("a sentence of 59 characters, over the limit of 35 (")


def test_english_sentences_are_counted_in_words_against_the_cdc_limit():
    found = sentence_length(Sentence(" ".join(["word"] * 21) + ".", HERE))
    assert found.message.startswith("a sentence of 21 words, over the limit of 20 "
                                    "(CDC Clear Communication Index, item 3.2): “word word")


def language_length(text: str, lang: str) -> int:
    from plainpress.languages import language
    return language(lang).length(text)


def read_and_check(path):
    from plainpress.checks import run_checks
    return run_checks(read_guide(path))[1]


# Formulas ----------------------------------------------------------------------------------------

GERMAN = ["Hoher Blutdruck ist gefährlich für das Herz.", "Nehmen Sie die Tabletten jeden Tag zur gleichen Zeit.",
          "Essen Sie weniger Salz."]
RUSSIAN = ["Высокое давление опасно для сердца.", "Принимайте лекарство каждый день.", "Ешьте меньше соли."]
ITALIAN = ["La pressione alta è pericolosa per il cuore.", "Prenda le pillole ogni giorno alla stessa ora.",
           "Mangi meno sale."]
ARABIC = ["ضغط الدم مرض شائع.", "خذ الدواء كل يوم.", "اسأل طبيبك عن الملح.", "نم جيدا في الليل."]


def test_each_language_is_described_by_its_own_formulas():
    assert score(GERMAN, "de").describe() == "Flesch reading ease (Amstad) 76.8, Wiener Sachtextformel 4.7"
    assert score(RUSSIAN, "ru").describe() == "Flesch reading ease (Oborneva) 66.4"
    assert score(ITALIAN, "it").describe() == "Gulpease 90.6, Flesch reading ease (Flesch-Vacca) 95.1"
    assert score(ARABIC, "ar").describe() == "OSMAN 122.7"
    assert score(["Bore da."], "vi").describe() == ""


@pytest.mark.parametrize("lang, sample, ours, theirs", [
    ("de", GERMAN, "amstad", "flesch_reading_ease"), ("ru", RUSSIAN, "oborneva", "flesch_reading_ease"),
    ("it", ITALIAN, "flesch_vacca", "flesch_reading_ease")])
def test_flesch_type_figures_are_textstats_on_the_same_sentences(lang, sample, ours, theirs):
    ts = textstat()
    ts.set_lang(lang)  # textstat's language is global: set it back whatever happens
    try:
        expected = getattr(ts, theirs)(" ".join(sample))
    finally:
        ts.set_lang("en_US")
    assert score(sample, lang).value(ours) == pytest.approx(expected, abs=1e-9)


def test_the_wiener_sachtextformel_is_textstats_first_variant():
    from textstat.backend import metrics
    textstat()
    assert score(GERMAN, "de").value("wiener_sachtextformel") == pytest.approx(
        metrics.wiener_sachtextformel(" ".join(GERMAN), 1, "de"), abs=1e-9)


def test_gulpease_counts_letters_as_its_authors_define_it():
    found = score(ITALIAN, "it")
    assert (found.sentences, found.words, found.letters) == (3, 19, 87)
    assert found.value("gulpease") == pytest.approx(89 + (300 * 3 - 10 * 87) / 19)


def test_osman_on_unvowelled_arabic_is_textstats_but_for_its_whole_text_estimate():
    from textstat.backend import metrics
    textstat()
    found = score(ARABIC, "ar")
    # textstat estimates the syllables of a text without short vowels as its letters less two, for the
    # whole text at once; counted per word, so that sections add up, the two are not taken off.
    assert found.value("osman") == pytest.approx(metrics.osman(" ".join(ARABIC)) - 24.181 * 2 / found.words, abs=1e-9)


def test_vowelled_arabic_counts_short_long_and_stressed_syllables():
    from plainpress.checks.counts import arabic_syllables
    assert arabic_syllables("كَتَبَ") == 3          # ka-ta-ba
    assert arabic_syllables("كِتَاب") == 3          # ki (short) + taa (long, twice)
    assert arabic_syllables("كتب") == 3             # no marks: one a letter


def test_the_constants_are_textstats():
    textstat()
    from textstat.backend.utils.constants import LANG_CONFIGS
    for key, lang in (("reading_ease", "en"), ("fernandez_huerta", "es"), ("amstad", "de"), ("kandel_moles", "fr"),
                      ("flesch_vacca", "it"), ("douma", "nl"), ("oborneva", "ru")):
        cfg = LANG_CONFIGS[lang]
        counts = type("Counts", (), {"words": 10, "sentences": 2, "syllables": 15})()
        expected = cfg["fre_base"] - cfg["fre_sentence_length"] * 5 - cfg["fre_syll_per_word"] * 1.5
        assert FORMULAS[key].value(counts) == pytest.approx(expected), key


def test_arabic_gets_an_osman_figure_and_verdict(tmp_path):
    path = guide(tmp_path, "ar", " ".join(ARABIC * 3), "خذ الدواء كل يوم.")
    report = reading_report(read_guide(path))
    assert report.target_text() == "the target is OSMAN 60 or more"
    assert report.verdict() == "The whole guide is within the target: OSMAN 122.8."
    assert report.whole.figures() == {"osman": 122.8}
    assert list(report.findings()) == []


def test_a_hard_arabic_text_is_too_hard():
    hard = ["تتضمن الفيزيولوجيا المرضية للتصلب الجانبي الضموري آليات تنكسية عصبية متعددة العوامل بما في ذلك "
            "السمية الاستثارية الغلوتاماتية والخلل الوظيفي في الميتوكوندريا والإجهاد التأكسدي."]
    found = score(hard * 2, "ar")
    assert found.figures()["osman"] < 60 and found.too_hard(8)


def test_italian_is_said_on_the_gulpease_scale(tmp_path):
    path = guide(tmp_path, "it", " ".join(ITALIAN * 2), "Prenda le pillole.")
    assert reading_report(read_guide(path)).verdict() == (
        "The whole guide is within the target: Gulpease 94.1, Flesch reading ease (Flesch-Vacca) 95.2. "
        "On the Gulpease scale that is easy for readers with an elementary-school education.")


def test_german_is_held_to_amstad_60_and_a_seventh_school_year():
    assert reading_report_for("de").target_text() == (
        "the target is Flesch reading ease (Amstad) 60 or more and Wiener Sachtextformel 7 or less")
    assert score(GERMAN, "de").sentence_measure() == ("Flesch reading ease (Amstad)", 76.8)


def reading_report_for(lang: str):
    from plainpress.checks.readability import ReadingReport
    from plainpress.checks.formulas import Scores
    return ReadingReport(lang, 8, True, (), Scores(lang))


@pytest.mark.parametrize("lang, name", [("vi", "Vietnamese"), ("zh-Hans", "Chinese (Simplified)"), ("ja", "Japanese"),
                                        ("ko", "Korean"), ("pl", "Polish")])
def test_a_language_without_a_formula_says_not_scored_in_plain_words(tmp_path, lang, name):
    path = guide(tmp_path, lang, "Bore da.", "Bore da.")
    report = reading_report(read_guide(path))
    [finding] = report.findings()
    assert (finding.rule, finding.message) == ("reading.not-scored", f"{name} has no readability formula plainpress "
                                               "can use; sentence length and the plain-language checks that apply still ran")
    assert report.verdict() == f"Reading level: not scored. {finding.message}."
    assert "`" not in report.verdict() and f" {lang} " not in report.verdict()


# Which checks ran --------------------------------------------------------------------------------

def test_the_checks_that_did_not_run_are_named_once_in_plain_words(capsys, tmp_path):
    assert runs("en").skipped == ()
    assert runs("ar").skipped_sentence() == (
        "Not run for Arabic: medical terms from plainpress's list and long unusual words (plainpress has no list of "
        "medical terms in Arabic); hard words marked (plainpress has no list of everyday Arabic words, and a long word "
        "is not hard because it is long); passive voice (the rule knows English grammar only).")
    assert runs("zh-Hans").ran_sentence().startswith(
        "Checks that ran for Chinese (Simplified): sentence length (35 characters at most), paragraph length, ")
    assert hard_word_rule("ar") == ("Hard words are not marked in Arabic: plainpress has no list of its everyday words, "
                                    "and a long word is not hard because it is long.")
    path = guide(tmp_path, "ar", " ".join(ARABIC), "خذ الدواء كل يوم.")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert out.count("Not run for Arabic:") == 1 and "Checks that ran for Arabic: reading level by OSMAN," in out
    assert "                                         OSMAN" in out


def test_the_report_columns_come_from_the_record():
    from plainpress.build.report import columns
    assert columns("en") == ("smog", "flesch_kincaid")
    assert columns("es") == ("fernandez_huerta", "szigriszt_pazos")
    assert columns("de") == ("amstad", "wiener_sachtextformel")
    assert columns("ar") == ("osman",)
    assert columns("ko") == ()


# Terms and acronyms -------------------------------------------------------------------------------

def test_a_translation_does_not_look_for_its_sources_english_terms(tmp_path):
    path = guide(tmp_path, "zh-Hans", "请使用助行器。", "按时吃药。", extra="terms: [walker, 助行器]\n")
    found = read_guide(path)
    assert [f.message for f in undefined_terms(found)] == ["the medical term “助行器” is not in the glossary"]
    [foreign] = foreign_terms(found)
    assert foreign.message == ("the terms “walker” are not written in Chinese (Simplified), so they were not looked for")
    assert foreign.location.endswith("zh-Hans.md:5")


def test_the_english_list_never_applies_to_another_language(tmp_path):
    path = guide(tmp_path, "de", "Die Biopsie zeigt eine Neuropathie.", "Fragen Sie.")
    assert undefined_terms(read_guide(path)) == []


def test_an_acronym_inside_chinese_text_is_spelled_out_in_full_width_brackets(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    spelled = guide(tmp_path / "a", "zh-Hans", "肌萎缩侧索硬化症（ALS）是一种病。ALS很少见。", "按时吃药。")
    assert acronyms(read_guide(spelled)) == []
    bare = guide(tmp_path / "b", "zh-Hans", "ALS很少见。", "按时吃药。")
    assert [f.message for f in acronyms(read_guide(bare))] == ["“ALS” is not spelled out at its first use"]
