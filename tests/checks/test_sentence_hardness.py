"""One sentence against the guide's target, as the writer's preview marks it."""
from __future__ import annotations

from plainpress import model as m
from plainpress.checks.plain_language import sentence_length
from plainpress.checks.readability import Sentence, sentence_too_hard

HERE = m.Location("en.md", 7)


def test_an_english_sentence_above_the_target_grade_names_its_hard_words():
    found = sentence_too_hard(Sentence("Pulmonary rehabilitation combines supervised exercise with education.", HERE),
                              "en", 6)
    assert (found.rule, found.location) == ("reading.sentence", "en.md:7")
    assert found.message == "Flesch-Kincaid grade 25.9 on its own, above the target of grade 6"
    assert found.hint == ("use everyday words for “Pulmonary”, “rehabilitation”, “supervised”, "
                          "or split it into shorter sentences")


def test_a_plain_sentence_a_label_and_an_unscored_language_are_not_marked():
    assert sentence_too_hard(Sentence("Take one pill in the morning.", HERE), "en", 6) is None
    assert sentence_too_hard(Sentence("Rehabilitation", HERE), "en", 6) is None   # a table cell's label
    assert sentence_too_hard(Sentence("Pulmonary rehabilitation combines exercise.", HERE), "ja", 6) is None


def test_spanish_is_held_to_fernandez_huerta_60():
    hard = sentence_too_hard(Sentence("La rehabilitación pulmonar combina ejercicio supervisado con educación "
                                      "terapéutica individualizada.", HERE), "es", 8)
    assert hard.message.startswith("Fernandez-Huerta ") and hard.message.endswith("on its own, below the floor of 60")
    assert sentence_too_hard(Sentence("Lave sus pies cada día con agua tibia.", HERE), "es", 8) is None


def test_the_length_rule_on_one_sentence_is_the_checks_own_finding():
    long = Sentence(" ".join(["word"] * 21) + ".", HERE)
    assert sentence_length(long).hint == "split it into sentences of 20 words or fewer"
    assert sentence_length(Sentence(" ".join(["word"] * 20) + ".", HERE)) is None
