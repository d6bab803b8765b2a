"""Readability scores of counted text: each language by the formulas its record names
(`formula_table.py`), applied here so that they run on the guide's own sentences.

Every figure is rounded once, to the one decimal the reports show, and that rounded value is what is
compared with a target and put into words: what people read is what was judged.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

from ..languages import language
from .formula_table import FORMULAS, SMOG_SENTENCES, Formula, by_grade, formulas_of, judged_of, sentence_formula

# Kept by name for the writer's preview (serve/overlay.py).
INFLESZ_FLOOR = FORMULAS["szigriszt_pazos"].target
FERNANDEZ_HUERTA_FLOOR = FORMULAS["fernandez_huerta"].target
PRECISION = 1  # decimals shown in every report
# Below this many words no formula says anything reliable: a section that short is not judged
# (it still counts towards the whole guide).
MIN_WORDS = 30


def base_language(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def scored(lang: str) -> bool:
    return language(lang).scored


def shown(value: float) -> float:
    """A figure as the reports show it, and as it is judged."""
    return round(value, PRECISION)


def target_text(lang: str, target_grade: float) -> str:
    """The target a language's text is judged against, in words."""
    if by_grade(language(lang).formulas):
        return f"the target is grade {target_grade:g} or lower"
    return f"the target is {ease_targets(lang)}"


def ease_targets(lang: str) -> str:
    """The targets a language judged by its own scales (no US grade) is held to."""
    return " and ".join(f.target_words(0) for f in judged_of(language(lang).formulas))


def not_scored_text(lang: str) -> str:
    """Why a language has no reading-level figure, and what was checked all the same."""
    return (f"{language(lang).name} has no readability formula plainpress can use; sentence length and "
            "the plain-language checks that apply still ran")


@dataclass(frozen=True)
class Scores:
    lang: str
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    polysyllables: int = 0
    monosyllables: int = 0
    long_words: int = 0          # more than six letters (Wiener Sachtextformel)
    letters: int = 0
    complex_words: int = 0       # OSMAN's counts (Arabic)
    arabic_long_words: int = 0
    faseeh: int = 0

    def __add__(self, other: Scores) -> Scores:
        counts = {f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self) if f.name != "lang"}
        return Scores(self.lang, **counts)

    @property
    def formulas(self) -> tuple[Formula, ...]:
        return formulas_of(language(self.lang).formulas)

    def value(self, key: str) -> float:
        """A formula on these counts, unrounded, as textstat computes it."""
        return FORMULAS[key].value(self)

    @property
    def smog(self) -> float:
        return self.value("smog")

    @property
    def flesch_kincaid(self) -> float:
        return self.value("flesch_kincaid")

    @property
    def reading_ease(self) -> float:
        return self.value("reading_ease")

    @property
    def szigriszt_pazos(self) -> float:
        return self.value("szigriszt_pazos")

    # What is shown and judged: rounded once, and only where the formula is valid.

    @property
    def smog_valid(self) -> bool:
        return self.sentences >= SMOG_SENTENCES

    @property
    def too_short(self) -> bool:
        return 0 < self.words < MIN_WORDS

    def valid(self, formula: Formula) -> bool:
        return self.sentences >= formula.least_sentences

    @property
    def grade(self) -> float:
        """The US school grade an English text is judged by: the higher of its valid grade formulas
        (SMOG and Flesch-Kincaid, or Flesch-Kincaid alone where SMOG is not valid)."""
        grades = [shown(f.value(self)) for f in self.formulas if f.target is None and self.valid(f)]
        return max(grades, default=0.0)

    def figures(self) -> dict[str, float]:
        """The formulas reported for this language, by name, rounded as shown."""
        return {f.key: shown(f.value(self)) for f in self.formulas if self.valid(f)}

    def judged(self) -> bool:
        return bool(self.sentences) and not self.too_short and bool(self.formulas)

    def missed(self, target_grade: float) -> list[Formula]:
        """The judged formulas whose figure misses its target."""
        figures = self.figures()
        return [f for f in judged_of(language(self.lang).formulas)
                if f.key in figures and f.beyond(figures[f.key], target_grade)]

    def too_hard(self, target_grade: float) -> bool:
        return self.judged() and bool(self.missed(target_grade))

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
        invalid = [f for f in self.formulas if not self.valid(f)]
        if self.sentences and invalid:
            by = " and ".join(f.name for f in judged_of(language(self.lang).formulas) if self.valid(f))
            return f"{invalid[0].name} needs {invalid[0].least_sentences} sentences; judged by {by}"
        return ""

    def describe(self) -> str:
        names = {f.key: f.name for f in self.formulas}
        return ", ".join(f"{names[k]} {v:.{PRECISION}f}" for k, v in self.figures().items())

    def badge(self, target_grade: float) -> str:
        """The figures and their targets, as the writer's preview shows them by a section's heading."""
        targets = ", ".join(f.target_words(target_grade) for f in judged_of(language(self.lang).formulas))
        return f"{self.describe()} — target {targets}: {self.state(target_grade)}"

    def sentence_measure(self) -> tuple[str, float]:
        """(name, value) of the one formula that ranks single sentences of this language: a grade for
        English (higher is harder), the language's own reading ease otherwise (lower is harder)."""
        formula = sentence_formula(language(self.lang).formulas)
        return formula.measure or formula.name, shown(formula.value(self))


def harder_when_higher(lang: str) -> bool:
    """Whether a higher sentence measure means a harder sentence (grades) or an easier one (ease)."""
    formula = sentence_formula(language(lang).formulas)
    return formula is not None and not formula.higher_is_easier


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

