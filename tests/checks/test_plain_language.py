"""Each plain-language rule: a text that trips it, and one that does not."""
from __future__ import annotations

import pytest

from plainpress.checks.plain_language import acronyms, not_run_note, key_points_first, long_lists, long_paragraphs, long_sentences, passive_voice, text_without_heading, undefined_terms
from plainpress.source import read_guide

FRONT = "---\ntitle: T\nlang: en\ndate: 2026-01-01\n{extra}---\n\n"
KEY_POINTS = "::: key-points\n- One thing.\n:::\n\n"


def guide(tmp_path, body: str, extra: str = "", key_points: bool = True):
    path = tmp_path / "en.md"
    path.write_text(FRONT.format(extra=extra) + (KEY_POINTS if key_points else "") + body, encoding="utf-8")
    return read_guide(path)


def rules(findings):
    return [f.rule for f in findings]


CASES = [
    (long_sentences, "## A\n\n" + " ".join(["word"] * 21) + ".\n", "## A\n\n" + " ".join(["word"] * 20) + ".\n",
     "plain.sentence-length"),
    (long_paragraphs, "## A\n\n" + "Go now. " * 6 + "\n", "## A\n\n" + "Go now. " * 5 + "\n", "plain.paragraph-length"),
    (long_lists, "## A\n\n" + "".join(f"- item {i}\n" for i in range(8)),
     "## A\n\n" + "".join(f"- item {i}\n" for i in range(7)), "plain.list-length"),
    (undefined_terms, "## A\n\nYour spinal cord is hurt.\n",
     "## A\n\nYour spinal cord is hurt.\n\n## Glossary\n\nSpinal cord\n: The nerves in your back.\n",
     "plain.undefined-term"),
    (acronyms, "## A\n\nALS is rare. Amyotrophic lateral sclerosis (ALS) hurts.\n",
     "## A\n\nAmyotrophic lateral sclerosis (ALS) is rare. ALS hurts.\n", "plain.acronym"),
    (passive_voice, "## A\n\nThe pill is taken at night.\n", "## A\n\nYou take the pill at night.\n", "plain.passive"),
]


@pytest.mark.parametrize("rule, tripping, clean, rule_id", CASES, ids=[c[3] for c in CASES])
def test_rule_trips_on_one_text_and_not_the_other(tmp_path, rule, tripping, clean, rule_id):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert rules(rule(guide(tmp_path / "a", tripping))) == [rule_id]
    assert rules(rule(guide(tmp_path / "b", clean))) == []


def test_the_finding_names_the_words_and_the_place(tmp_path):
    [finding] = undefined_terms(guide(tmp_path, "## A\n\nYour spinal cord is hurt. The spinal cord is long.\n"))
    assert finding.location.endswith("en.md:13")
    assert finding.message == "the medical term “spinal cord” is not in the glossary (used 2 times)"
    assert "Glossary" in finding.hint


def test_long_unusual_words_count_as_terms_but_everyday_ones_do_not(tmp_path):
    found = undefined_terms(guide(tmp_path, "## A\n\nThe multifaceted information is important.\n"))
    assert [f.message for f in found] == ["the long word “multifaceted” is not in the glossary"]


def test_a_guide_can_add_its_own_terms(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    body = "## A\n\nAsk about the walker.\n"
    assert undefined_terms(guide(tmp_path / "a", body)) == []
    assert rules(undefined_terms(guide(tmp_path / "b", body, extra="terms: [walker]\n"))) == ["plain.undefined-term"]


def test_key_points_must_come_first(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert rules(key_points_first(guide(tmp_path / "a", "## A\n\nHi.\n", key_points=False))) == ["plain.key-points"]
    assert key_points_first(guide(tmp_path / "b", "## A\n\nHi.\n")) == []


def test_text_before_the_first_heading_is_a_section_without_a_heading(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert rules(text_without_heading(guide(tmp_path / "a", "Loose words.\n\n## A\n\nHi.\n"))) == ["plain.no-heading"]
    assert text_without_heading(guide(tmp_path / "b", "## A\n\nHi.\n")) == []


def test_the_english_term_list_is_not_applied_to_spanish_but_the_guide_terms_are(tmp_path):
    def spanish(folder, extra=""):
        folder.mkdir()
        path = folder / "es.md"
        path.write_text(f"---\ntitle: T\nlang: es\ndate: 2026-01-01\n{extra}---\n\n## A\n\nPuede tener edema.\n",
                        encoding="utf-8")
        return read_guide(path)
    assert undefined_terms(spanish(tmp_path / "a")) == []
    [found] = undefined_terms(spanish(tmp_path / "b", "terms: [edema]\n"))
    assert found.message == "the medical term “edema” is not in the glossary"
    assert not_run_note("es") == ("Not run for Spanish: medical terms from plainpress's list and long unusual "
                                       "words (plainpress has no list of medical terms in Spanish); passive voice "
                                       "(the rule knows English grammar only).")
    assert not_run_note("en-GB") == ""
