"""The numbers behind report.html's bar chart: one bar per section against the target, every bar
by the same formula, which the chart names."""
from __future__ import annotations

from dataclasses import dataclass

from ..checks.formula_table import Formula, by_grade, judged_of, sentence_formula
from ..checks.readability import ReadingReport
from ..languages import language

WIDTH, LABEL_WIDTH, BAR_HEIGHT, GAP = 720, 300, 26, 12


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: float
    too_hard: bool


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    bars: tuple[Bar, ...]
    target_x: float
    target_label: str
    height: int
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def chart_formula(reading: ReadingReport, rows) -> Formula:
    """The one formula every bar is drawn with, so that the bars compare like with like: the language's
    first judged formula that is valid on every row (SMOG only where each section has 30 sentences;
    else Flesch-Kincaid, the measure that is valid on any text)."""
    judged = judged_of(language(reading.lang).formulas)
    return next((f for f in judged if all(scores.valid(f) for _, scores in rows)),
                sentence_formula(language(reading.lang).formulas) or judged[-1])


def metric(formula: Formula, target_grade: float) -> tuple[str, float, float]:
    """(the formula's label, its target, the scale's maximum)."""
    way = "higher is easier" if formula.higher_is_easier else "lower is easier"
    name = formula.measure if formula.target is None and formula.measure else formula.short or formula.name
    top = 100.0 if formula.higher_is_easier else 20.0
    return f"{name} ({way})", formula.target_for(target_grade), top


def whole_note(reading: ReadingReport, formula: Formula) -> str:
    """Where the whole guide's verdict weighs a formula the chart does not draw, say so (its figure is
    in the table), so that no one reads the chart's whole-guide bar as the verdict's grade."""
    others = [f for f in reading.whole.formulas
              if f.judged and f is not formula and f.least_sentences and reading.whole.valid(f)]
    if not others or not by_grade(language(reading.lang).formulas):
        return ""
    names = " and ".join(f.name for f in others)
    return (f" The whole guide's verdict also weighs {names}, which a section of fewer than "
            f"{others[0].least_sentences} sentences cannot be scored by; its figure is in the table below.")


def bar_chart(reading: ReadingReport) -> Chart | None:
    """One bar per section that is judged, with the value shown and judged (rounded once, by Scores)."""
    if not reading.scored:
        return None
    span = WIDTH - LABEL_WIDTH - 150  # room for the value and "too hard" after the longest bar
    rows = [(s.title, s.scores) for s in reading.sections] + [("Whole guide", reading.whole)]
    judged = [(title, scores) for title, scores in rows if scores.judged()]
    formula = chart_formula(reading, judged)
    label, target, top = metric(formula, reading.target)
    bars = []
    for i, (title, scores) in enumerate(judged):
        value = scores.figures()[formula.key]
        shown = max(0.0, min(value, top))
        bars.append(Bar(title, value, 30 + i * (BAR_HEIGHT + GAP), span * shown / top,
                        formula.beyond(value, reading.target)))
    hard = [b.label for b in bars if b.too_hard]
    short = [title for title, scores in rows if scores.too_short]
    description = (f"{label} of each section. Target: {target:g}. "
                   + (f"Too hard: {', '.join(hard)}." if hard else "Every section shown meets the target.")
                   + (f" Too short to score, not shown: {', '.join(short)}." if short else "")
                   + whole_note(reading, formula))
    return Chart(f"Reading level by section: {label}", description, tuple(bars),
                 LABEL_WIDTH + span * target / top, f"target {target:g}", 40 + len(bars) * (BAR_HEIGHT + GAP))
