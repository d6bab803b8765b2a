"""Reading-level scores, against textstat's own figures on the same sentences."""
from __future__ import annotations

import pytest

from conftest import ALS
from plainpress.checks.readability import prose, reading_report, score, sentences, textstat
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
    path.write_text("---\ntitle: T\nlang: en\ndate: 2026-01-01\n---\n\n## A\n\n- one item\n- another item\n",
                    encoding="utf-8")
    assert prose(read_guide(path).blocks) == ["one item", "another item"]


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
    assert score(hard, "es").too_hard(8)
