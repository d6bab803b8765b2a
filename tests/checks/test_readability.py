"""Reading-level scores, against textstat's own figures on the same sentences."""
from __future__ import annotations

import pytest

from conftest import ALS, FIXTURES
from plainpress.checks.formulas import Scores, grade_words
from plainpress.checks.counts import textstat
from plainpress.checks.readability import ReadingReport, hard_words, prose, reading_report, score, sentences
from plainpress.checks.words import hard_word_rule
from plainpress.source import read_guide

EASY = ["The cat sat on the mat.", "We like to read books.", "It is a good day to play.",
        "Call us when you need help."]
HARD = ["Amyotrophic lateral sclerosis is a progressive neurodegenerative disorder.",
        "Microglia contribute to neuroinflammation through inflammatory cytokines.",
        "Multidisciplinary management can improve respiratory outcomes considerably."]


@pytest.mark.parametrize("text", [EASY, HARD])
def test_scores_match_textstat_on_the_same_sentences(text):
    ts = textstat()
    ours = score(text)
    joined = " ".join(text)
    assert ours.sentences == ts.sentence_count(joined) == len(text)
    assert ours.words == ts.lexicon_count(joined)
    assert ours.syllables == ts.syllable_count(joined)
    assert ours.flesch_kincaid == pytest.approx(ts.flesch_kincaid_grade(joined), abs=0.05)
    assert ours.reading_ease == pytest.approx(ts.flesch_reading_ease(joined), abs=0.05)
    assert ours.smog == pytest.approx(ts.smog_index(joined), abs=0.05)


def test_sentences_are_split_at_full_stops_but_not_inside_them():
    assert sentences("ALS is rare. It affects nerves! Does it hurt? Ask (your doctor).") == [
        "ALS is rare.", "It affects nerves!", "Does it hurt?", "Ask (your doctor)."]
    assert sentences("Take 2.5 mg daily.") == ["Take 2.5 mg daily."]


def test_list_items_are_sentences_even_without_a_full_stop(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\n## A\n\n- wash your feet\n- dry them well\n",
                    encoding="utf-8")
    assert prose(read_guide(path).blocks) == ["wash your feet", "dry them well"]


def test_the_als_guide_reads_at_college_graduate_level():
    report = reading_report(read_guide(ALS))
    assert 16 <= report.whole.smog <= 17.5 and 16 <= report.whole.flesch_kincaid <= 17.5
    body = [s for s in report.sections if not s.reference]
    assert len(body) == 6 and all(s.scores.grade > report.target for s in body)
    assert {f.rule for f in report.findings()} == {"reading.grade"}


def test_a_language_without_formulas_is_not_scored(tmp_path):
    path = tmp_path / "cy.md"
    path.write_text("---\ntitle: T\nlang: cy\ndate: 2026-01-01\n---\n\n## A\n\nBore da.\n", encoding="utf-8")
    report = reading_report(read_guide(path))
    assert not report.scored
    assert [f.rule for f in report.findings()] == ["reading.not-scored"]


SPANISH = ["La ELA es una enfermedad de los nervios.", "Hace que los músculos pierdan fuerza poco a poco.",
           "Hable con su equipo de salud."]


def test_spanish_is_scored_with_fernandez_huerta_and_inflesz_like_textstat():
    ts = textstat()
    ours = score(SPANISH, "es")
    joined = " ".join(SPANISH)
    ts.set_lang("es")  # textstat's language is global: set it back whatever happens
    try:
        fernandez_huerta, szigriszt_pazos = ts.fernandez_huerta(joined), ts.szigriszt_pazos(joined)
    finally:
        ts.set_lang("en_US")
    assert ours.figures().keys() == {"fernandez_huerta", "szigriszt_pazos"}
    assert ours.figures()["fernandez_huerta"] == pytest.approx(fernandez_huerta, abs=0.05)
    assert ours.szigriszt_pazos == pytest.approx(szigriszt_pazos, abs=0.05)
    assert not ours.too_hard(8)  # INFLESZ >= 55 and Fernandez-Huerta >= 60


def test_a_hard_spanish_text_is_too_hard():
    hard = ["La fisiopatología de la esclerosis lateral amiotrófica comprende mecanismos neurodegenerativos "
            "multifactoriales, incluyendo excitotoxicidad glutamatérgica y disfunción mitocondrial."]
    assert score(hard * 2, "es").too_hard(8)  # 34 words: long enough to judge


# Each language by its own rules ------------------------------------------------------------------

FOOT_CARE = FIXTURES / "good" / "foot-care"


def test_spanish_sentences_are_ranked_by_fernandez_huerta_with_spanish_hard_words():
    report = reading_report(read_guide(FOOT_CARE / "es.md"))
    assert {h.measure for h in report.hardest} == {"Fernandez-Huerta"}
    scores = [h.score for h in report.hardest]
    assert scores == sorted(scores)  # lowest ease, the hardest, first
    assert report.hardest[0].text == "Una herida pequeña puede crecer rápido."
    marked = {w.lower() for h in report.hardest for w in h.hard_words}
    assert not marked & {"zapatos", "calcetines", "pequeña", "herida", "cómodos"}


def test_spanish_hard_words_are_long_and_not_everyday():
    assert hard_words("La neuropatía periférica afecta a los calcetines y los zapatos.", "es") == (
        "neuropatía", "periférica")
    assert hard_words("Your medication affects the nerves.", "en") == ("medication",)


def test_a_language_without_everyday_words_gets_no_hard_words_marked():
    assert hard_words("Die Durchblutungsstörung ist gefährlich.", "de") == ()
    assert "not marked" in hard_word_rule("de")
    assert hard_word_rule("es") == ("Hard words (four or more syllables, and not on plainpress's list of "
                                    "everyday Spanish words) are marked.")


def test_reading_grade_in_a_spanish_guide_is_said_to_be_ignored():
    findings = list(reading_report(read_guide(FOOT_CARE / "es.md")).findings())
    [setting] = [f for f in findings if f.rule == "reading.setting-ignored"]
    assert setting.severity == "info" and setting.location.endswith("foot-care/es.md:9")
    assert setting.message == ("`reading_grade` is for English formulas; Spanish is judged by INFLESZ 55 or more "
                               "and Fernandez-Huerta 60 or more")
    assert setting.hint == "remove `reading_grade` from this guide's front matter"


def test_reading_grade_in_an_english_guide_is_no_finding():
    findings = reading_report(read_guide(FOOT_CARE / "en.md")).findings()
    assert "reading.setting-ignored" not in {f.rule for f in findings}


# One rounded value, judged and shown -------------------------------------------------------------

def test_a_smog_of_6_point_0_meets_a_target_of_6_everywhere():
    scores = Scores("en", sentences=31, words=310, syllables=400, polysyllables=8)
    assert 6.0 < scores.smog < 6.05
    assert scores.figures()["smog"] == scores.grade == 6.0
    assert not scores.too_hard(6) and scores.state(6) == "ok"
    report = ReadingReport("en", 6, True, (), scores)
    assert report.verdict() == "The whole guide reads at grade 6.0: easy to read (grade 6 or below)."
    assert list(report.findings()) == []


def test_the_grade_bands_end_where_the_target_is_compared():
    assert grade_words(6.0) == "easy to read (grade 6 or below)"
    assert grade_words(6.1) == "middle school (above grade 6, up to grade 8)"


# Short texts and labels ------------------------------------------------------------------------

def test_smog_is_not_used_under_30_sentences():
    scores = score(EASY * 2)  # 8 sentences, 48 words
    assert "smog" not in scores.figures()
    assert scores.grade == scores.figures()["flesch_kincaid"]
    assert scores.note() == "SMOG needs 30 sentences; judged by Flesch-Kincaid"


def test_a_short_key_points_box_is_not_judged_and_is_named_by_its_title():
    report = reading_report(read_guide(FOOT_CARE / "en.md"))
    first = report.sections[0]
    assert first.title == "Key points"
    assert first.scores.state(report.target) == "too short to score"
    assert first.scores.note() == "fewer than 30 words: too short for a readability formula, so not judged"


def test_text_before_the_first_heading_is_called_opening_text(tmp_path):
    path = tmp_path / "en.md"
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\nA word first.\n\n## A\n\nHi.\n",
                    encoding="utf-8")
    assert [s.title for s in reading_report(read_guide(path)).sections] == ["Opening text", "A"]


def test_one_and_two_word_table_cells_are_labels_not_sentences():
    report = reading_report(read_guide(FOOT_CARE / "en.md"))
    texts = {h.text for h in report.hardest}
    assert not texts & {"Moisturise", "Every day", "Always", "Wash"}
    table_section = report.sections[2]
    assert table_section.title == "Shoes and socks" and table_section.scores.sentences == 4


def test_the_plain_foot_care_guide_passes_its_strict_reading():
    from plainpress.cli import main
    assert main(["check", str(FOOT_CARE / "en.md"), "-q"]) == 0


def test_a_whole_guide_too_hard_is_a_finding_when_every_section_is_too_short(tmp_path):
    path = tmp_path / "en.md"
    hard = "Neurodegenerative pathophysiology necessitates multidisciplinary interdisciplinary management."
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\n"
                    + "".join(f"## Part {i}\n\n{hard}\n\n" for i in range(6)), encoding="utf-8")
    report = reading_report(read_guide(path))
    assert all(s.scores.too_short for s in report.sections)
    [finding] = report.findings()
    assert finding.rule == "reading.grade" and finding.message.startswith("the whole guide is too hard to read: ")


# Reading advice only where it helps ---------------------------------------------------------------

from plainpress import model as m  # noqa: E402
from plainpress.checks.readability import HardSentence, Sentence, hardest_sentences, sentence_too_hard, too_short_to_judge

HERE = m.Location("en.md", 12)


def test_a_sentence_of_fewer_than_five_words_is_never_too_hard():
    short = Sentence("Sign important papers", HERE)
    assert score([short.text]).sentence_measure()[1] > 6   # its syllables alone would call it grade 9
    assert too_short_to_judge(short.text, "en") and sentence_too_hard(short, "en", 6) is None
    assert sentence_too_hard(Sentence("Amyotrophic lateral sclerosis affects motor neurons.", HERE), "en", 6) \
        .message == "Flesch-Kincaid grade 20.2 on its own, above the target of grade 6"
    assert not too_short_to_judge("Ask who can help you", "en")


def test_a_language_counted_in_characters_needs_the_characters_of_five_words():
    assert too_short_to_judge("签署文件", "zh-Hans") and not too_short_to_judge("请您每天早上按时服用这种药物", "zh-Hans")


def test_short_sentences_are_not_among_the_hardest():
    found = [Sentence("Sign important papers", HERE), Sentence("Ask who can help you at home.", HERE)]
    assert [h.text for h in hardest_sentences(found, "en")] == ["Ask who can help you at home."]
    assert reading_report(read_guide(ALS)).hardest_rule() == (
        "Each sentence of 5 words or more is scored alone by Flesch-Kincaid grade (higher is harder); "
        "the hardest come first.")


def _reading_with_hardest(*grades: float) -> ReadingReport:
    hardest = tuple(HardSentence(f"Sentence {g}.", "en.md:3", "Flesch-Kincaid grade", g, ()) for g in grades)
    return ReadingReport("en", 6, True, (), Scores("en"), hardest)


def test_the_hardest_sentences_say_when_they_are_all_within_the_target():
    assert _reading_with_hardest(4.8, 3.1, 2.0).hardest_verdict() == (
        "All 3 are within the target on their own (Flesch-Kincaid grade 6 or lower): none needs changing. "
        "They are listed as the place to start if you want the guide easier still.")
    assert _reading_with_hardest(9.2, 6.0, 2.0).hardest_verdict() == (
        "1 of these 3 is above the target on its own (Flesch-Kincaid grade 6 or lower): it is the place to start.")
    spanish = ReadingReport("es", 6, True, (), Scores("es"),
                            (HardSentence("Uno.", "es.md:3", "Fernandez-Huerta", 72.0, ()),))
    assert spanish.hardest_verdict().startswith("It is within the target on its own (Fernandez-Huerta 60 or more)")
