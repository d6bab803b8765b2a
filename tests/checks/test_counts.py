"""Syllables counted without textstat are textstat's, word for word, in every scored language; a guide's
reading figures are the ones textstat's counts give; a check loads textstat never, Pyphen only for a
word the pronouncing dictionary lacks."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ALS, FIXTURES, ROOT
from plainpress.checks import counts
from plainpress.checks.readability import reading_report
from plainpress.languages import language
from plainpress.source import read_guide
from plainpress.translate.units import units

TRICKY = ["", "  ", "don't", "it's", "'quoted'", "O’Brien", "Gehrig’s", "star-shaped", "TDP-43", "e.g.", "x2",
          "ALS", "naïve", "café", "rock'n'roll", "they'll", "we've", "we're", "you'd", "Ma'am", "l'hôpital", "foo--bar", "a b  c"]


def sources() -> list:
    paths = [*ROOT.glob("source/*/*.md"), *FIXTURES.glob("good/**/*.md")]
    return [g for g in map(read_guide, sorted(paths)) if language(g.meta.lang).formulas]


def textstats(word: str, lang: str):
    """textstat's own count (its CMU look-up through plainpress's table), or the error it raises."""
    from textstat.backend.counts import count_syllables
    counts.textstat()
    try:
        return count_syllables(word, counts.textstat_language(lang))
    except KeyError as err:
        return err


def ours(word: str, lang: str):
    try:
        return counts.syllables(word, lang)
    except KeyError as err:
        return err


def test_every_word_counts_as_textstat_counts_it():
    cases = {(w, g.meta.lang) for g in sources() for u in units(g) for w in [*counts.words(u.text), u.text]}
    cases |= {(w, lang) for w in TRICKY for lang in ("en", "en-GB", "de", "es", "it", "fr", "nl", "ru")}
    assert len(cases) > 2500 and {lang for _, lang in cases} >= {"en", "de", "es", "ru", "ar"}
    differ = [(w, lang, ours(w, lang), textstats(w, lang)) for w, lang in sorted(cases)
              if repr(ours(w, lang)) != repr(textstats(w, lang))]
    assert differ == []


def test_the_words_are_textstats():
    from textstat.backend.selections import list_words
    counts.textstat()
    for text in [*TRICKY, "Call us: 555-0100, or write (to) “the clinic”!", "Wait... what's   that?"]:
        assert counts.textstat_words(text) == list_words(text, lowercase=True), text


def test_a_guides_reading_figures_are_those_of_textstats_counts(monkeypatch):
    guides = sources()
    mine = [reading_report(g) for g in guides]
    monkeypatch.setattr(counts, "syllables", textstats)   # readability.py took the name from counts
    monkeypatch.setattr("plainpress.checks.readability.syllables", textstats)
    monkeypatch.setattr(counts, "word_counts", counts.word_counts.__wrapped__)   # not the counts kept above
    assert [reading_report(g) for g in guides] == mine


LOADED = """
import json, sys
from pathlib import Path
from plainpress.checks import run_checks
from plainpress.source import read_guide
run_checks(read_guide(Path(sys.argv[1])))
print(json.dumps([name in sys.modules for name in ("textstat", "pyphen")]))
"""


PLAIN = ("---\ntitle: Your pills\nlang: en\ndate: 2026-01-31\n---\n\n## Every day\n\n"
         "Take one pill every morning. Drink a glass of water with it. Call us if you feel sick.\n")


@pytest.mark.slow
@pytest.mark.parametrize("guide, loaded", [(None, [False, False]),   # every word in the CMU dictionary
                                           (ALS, [False, True])])    # "pathophysiology" is not
def test_a_check_loads_pyphen_only_for_words_the_dictionary_lacks_and_never_textstat(guide, loaded, tmp_path):
    if guide is None:
        guide = tmp_path / "en.md"
        guide.write_text(PLAIN, encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", LOADED, str(guide)], cwd=ROOT, capture_output=True, text=True,
                         check=True, timeout=300)
    assert json.loads(run.stdout) == loaded
