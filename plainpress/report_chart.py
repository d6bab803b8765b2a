"""The numbers behind report.html's bar chart: one bar per section against the target."""
from __future__ import annotations

from dataclasses import dataclass

from .checks.formulas import INFLESZ_FLOOR, EASE_FLOOR, base_language
from .checks.readability import ReadingReport

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
    """(figure name, its label, the target, the scale's maximum) for the guide's language."""
    lang = base_language(reading.lang)
    if lang == "en":
        return "grade", "US school grade (higher of SMOG and Flesch-Kincaid)", reading.target, 20.0
    if lang == "es":
        return "szigriszt_pazos", "INFLESZ (higher is easier)", INFLESZ_FLOOR, 100.0
    return "reading_ease", "Flesch reading ease (higher is easier)", EASE_FLOOR, 100.0


def bar_chart(reading: ReadingReport) -> Chart | None:
    if not reading.scored:
        return None
    name, label, target, top = metric(reading)
    span = WIDTH - LABEL_WIDTH - 150  # room for the value and "too hard" after the longest bar
    bars = []
    rows = [(s.title, s.scores) for s in reading.sections if s.scores.sentences]
    rows.append(("Whole guide", reading.whole))
    for i, (title, scores) in enumerate(rows):
        value = scores.grade if name == "grade" else scores.figures()[name]
        shown = max(0.0, min(value, top))
        bars.append(Bar(title, value, 30 + i * (BAR_HEIGHT + GAP), span * shown / top,
                        scores.too_hard(reading.target)))
    hard = [b.label for b in bars if b.too_hard]
    description = (f"{label} of each section. Target: {target:g}. "
                   + (f"Too hard: {', '.join(hard)}." if hard else "Every section meets the target."))
    return Chart(f"Reading level by section: {label}", description, tuple(bars),
                 LABEL_WIDTH + span * target / top, f"target {target:g}", 40 + len(bars) * (BAR_HEIGHT + GAP))
