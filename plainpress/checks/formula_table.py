"""Every readability formula plainpress applies, one record each: how it is computed from the counts
(`counts.py`), which way is easier, the target it is held to and who sets that target. A language
names its formulas in its record (`languages/table.py`); nothing here knows a language by its tag.

The Flesch-type constants are textstat 0.7.13's (`textstat.backend.utils.constants.LANG_CONFIGS`,
compared in the tests), written out so that figures read back from the cache need no textstat.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

SMOG_SENTENCES = 30   # SMOG was made from samples of 30 sentences (McLaughlin 1969)
FLESCH_STANDARD = ("Flesch's scale, on which 60 to 70 is “standard”, plain language (Flesch 1949); "
                   "{who} fitted the formula to {language} and kept the scale")


@dataclass(frozen=True)
class Formula:
    key: str
    name: str                           # as the reports name it
    header: str                         # its column in the terminal and report.html (7 characters at most)
    value: Callable                     # Scores -> float, unrounded
    target: float | None                # None: the guide's own `reading_grade` (a US school grade)
    higher_is_easier: bool
    source: str = ""                    # who sets the target, in words
    judged: bool = True                 # False: shown beside the others, never a verdict of its own
    least_sentences: int = 0            # below this many sentences it is not valid (and not shown)
    counts: str = "syllables"           # "syllables" or "arabic": how words are counted (counts.py)
    measure: str = ""                   # its name when it ranks single sentences, if not `name`
    primary: bool = False               # the language's main scale: named first, drawn in the chart
    bands: tuple[tuple[float, str], ...] = ()   # its published scale in words, easiest band first
    scale: str = ""                     # the scale's name in the verdict ("the INFLESZ scale")
    short: str = ""                     # its name beside a target, if not `name`

    def beyond(self, value: float, target_grade: float) -> bool:
        """Whether a figure (as shown) misses this formula's target."""
        target = self.target_for(target_grade)
        return value < target if self.higher_is_easier else value > target

    def target_for(self, target_grade: float) -> float:
        return target_grade if self.target is None else self.target

    def target_words(self, target_grade: float) -> str:
        way = "or more" if self.higher_is_easier else "or less"
        return f"{self.short or self.name} {self.target_for(target_grade):g} {way}"

    def band(self, value: float) -> str:
        return next((words for floor, words in self.bands if value >= floor), self.bands[-1][1] if self.bands else "")


def flesch(base: float, per_word: float, per_syllable: float):
    def value(s) -> float:
        return base - per_word * s.words / s.sentences - per_syllable * s.syllables / s.words if s.words else 0.0
    return value


def smog(s) -> float:
    return 1.0430 * math.sqrt(s.polysyllables * 30 / s.sentences) + 3.1291 if s.sentences else 0.0


def flesch_kincaid(s) -> float:
    return 0.39 * s.words / s.sentences + 11.8 * s.syllables / s.words - 15.59 if s.words else 0.0


def szigriszt_pazos(s) -> float:
    return 206.835 - 62.3 * s.syllables / s.words - s.words / s.sentences if s.words else 0.0


def wiener_sachtextformel(s) -> float:
    """The first Wiener Sachtextformel (for prose), as textstat's variant 1: a school year, 4 to 15."""
    if not s.words:
        return 0.0
    share = 100 / s.words
    return (0.1935 * s.polysyllables * share + 0.1672 * s.words / s.sentences + 0.1297 * s.long_words * share
            - 0.0327 * s.monosyllables * share - 0.875)


def gulpease(s) -> float:
    """Lucisano and Piemontese's index on letters (textstat counts punctuation as letters too)."""
    return 89 + (300 * s.sentences - 10 * s.letters) / s.words if s.words else 0.0


def osman(s) -> float:
    if not s.words:
        return 0.0
    per_word = (s.complex_words + s.syllables + s.faseeh + s.arabic_long_words) / s.words
    return 200.791 - 1.015 * s.words / s.sentences - 24.181 * per_word


def _flesch_type(key: str, name: str, header: str, constants, who: str, language: str) -> Formula:
    return Formula(key, name, header, flesch(*constants), 60.0, True, FLESCH_STANDARD.format(who=who, language=language))


GULPEASE_BANDS = ((80, "easy for readers with an elementary-school education"),
                  (60, "easy for readers with a middle-school education"),
                  (40, "easy for readers with a high-school education"),
                  (-math.inf, "hard even for readers with a high-school education"))
INFLESZ_BANDS = ((80, "very easy"), (65, "quite easy"), (55, "normal"), (40, "somewhat hard"),
                 (-math.inf, "very hard"))

FORMULAS: dict[str, Formula] = {f.key: f for f in (
    Formula("smog", "SMOG", "SMOG", smog, None, False, "the guide's `reading_grade` (AMA: grade 6 or lower)",
            least_sentences=SMOG_SENTENCES),
    Formula("flesch_kincaid", "Flesch-Kincaid", "F-K", flesch_kincaid, None, False,
            "the guide's `reading_grade` (AMA: grade 6 or lower)", measure="Flesch-Kincaid grade"),
    Formula("reading_ease", "Flesch reading ease", "Ease", flesch(206.835, 1.015, 84.6), 60.0, True,
            "Flesch 1949", judged=False),
    Formula("fernandez_huerta", "Fernandez-Huerta", "F-H", flesch(206.84, 1.02, 60.0), 60.0, True,
            "Fernández Huerta's scale (1959), on which 60 to 70 is “normal”"),
    Formula("szigriszt_pazos", "INFLESZ (Szigriszt-Pazos)", "INFLESZ", szigriszt_pazos, 55.0, True,
            "the INFLESZ scale for health material (Barrio-Cantalejo et al. 2008): 55 to 65 is “normal”",
            primary=True, bands=INFLESZ_BANDS, scale="the INFLESZ scale", short="INFLESZ"),
    _flesch_type("amstad", "Flesch reading ease (Amstad)", "Amstad", (180, 1, 58.5), "Amstad (1978)", "German"),
    _flesch_type("kandel_moles", "Flesch reading ease (Kandel-Moles)", "K-M", (207, 1.015, 73.6),
                 "Kandel and Moles (1958)", "French"),
    _flesch_type("flesch_vacca", "Flesch reading ease (Flesch-Vacca)", "F-V", (217, 1.3, 60.0),
                 "Franchina and Vacca (1986)", "Italian"),
    _flesch_type("douma", "Flesch reading ease (Douma)", "Douma", (206.835, 0.93, 77), "Douma (1960)", "Dutch"),
    _flesch_type("oborneva", "Flesch reading ease (Oborneva)", "Obor.", (206.835, 1.3, 60.1),
                 "Oborneva (2006)", "Russian"),
    Formula("wiener_sachtextformel", "Wiener Sachtextformel", "WSTF", wiener_sachtextformel, 7.0, False,
            "a school year (Bamberger and Vanecek 1984, 4 to 15); 7 is NIH MedlinePlus's 7th grade for "
            "patient material, carried to the school year the formula predicts"),
    Formula("gulpease", "Gulpease", "Gulp.", gulpease, 60.0, True,
            "Lucisano and Piemontese (1988): 60 or more is easy for readers with a middle-school education",
            primary=True, bands=GULPEASE_BANDS, scale="the Gulpease scale"),
    Formula("osman", "OSMAN", "OSMAN", osman, 60.0, True,
            "Flesch's 60 (“standard”): OSMAN is Flesch's formula refitted to Arabic and checked against it on "
            "73,000 parallel sentences (El-Haj and Rayson 2016), which publish no scale of their own",
            counts="arabic"),
)}


def formulas_of(names: tuple[str, ...]) -> tuple[Formula, ...]:
    return tuple(FORMULAS[name] for name in names)


def judged_of(names: tuple[str, ...]) -> tuple[Formula, ...]:
    """The formulas that give a verdict, the primary scale first."""
    found = [f for f in formulas_of(names) if f.judged]
    return tuple(sorted(found, key=lambda f: not f.primary))


def sentence_formula(names: tuple[str, ...]) -> Formula | None:
    """The formula that ranks single sentences: the first judged one that is valid on one sentence."""
    return next((f for f in formulas_of(names) if f.judged and not f.least_sentences), None)


def by_grade(names: tuple[str, ...]) -> bool:
    """Whether the language is judged by the guide's own US school grade (English formulas)."""
    return any(f.target is None for f in formulas_of(names))
