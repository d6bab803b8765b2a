"""The numbers behind report.html's bar chart: one bar per section against the target."""
from __future__ import annotations

from dataclasses import dataclass

from .checks.formula_table import SMOG_SENTENCES, by_grade, judged_of
from .checks.readability import ReadingReport
from .languages import language

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


def metric(reading: ReadingReport) -> tuple[str, str, float, float]:
    """(figure name, its label, the target, the scale's maximum) for the guide's language: the US grade
    where the guide's own grade judges it, else its main scale."""
    names = language(reading.lang).formulas
    if by_grade(names):
        return ("grade", "US school grade (higher of SMOG and Flesch-Kincaid; Flesch-Kincaid alone under "
                f"{SMOG_SENTENCES} sentences)", reading.target, 20.0)
    formula = judged_of(names)[0]
    way = "higher is easier" if formula.higher_is_easier else "lower is easier"
    label = formula.short or formula.name
    return formula.key, f"{label} ({way})", formula.target, 100.0 if formula.higher_is_easier else 20.0


def bar_chart(reading: ReadingReport) -> Chart | None:
    """One bar per section that is judged, with the value shown and judged (rounded once, by Scores)."""
    if not reading.scored:
        return None
    name, label, target, top = metric(reading)
    span = WIDTH - LABEL_WIDTH - 150  # room for the value and "too hard" after the longest bar
    rows = [(s.title, s.scores) for s in reading.sections] + [("Whole guide", reading.whole)]
    judged = [(title, scores) for title, scores in rows if scores.judged()]
    bars = []
    for i, (title, scores) in enumerate(judged):
        value = scores.grade if name == "grade" else scores.figures()[name]
        shown = max(0.0, min(value, top))
        bars.append(Bar(title, value, 30 + i * (BAR_HEIGHT + GAP), span * shown / top,
                        scores.too_hard(reading.target)))
    hard = [b.label for b in bars if b.too_hard]
    short = [title for title, scores in rows if scores.too_short]
    description = (f"{label} of each section. Target: {target:g}. "
                   + (f"Too hard: {', '.join(hard)}." if hard else "Every section shown meets the target.")
                   + (f" Too short to score, not shown: {', '.join(short)}." if short else ""))
    return Chart(f"Reading level by section: {label}", description, tuple(bars),
                 LABEL_WIDTH + span * target / top, f"target {target:g}", 40 + len(bars) * (BAR_HEIGHT + GAP))
