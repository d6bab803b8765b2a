"""What a build tells people: a one-screen summary in the terminal, and report.json, report.html and
accessibility.json beside the outputs."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .checks.formulas import Scores, base_language
from .checks.readability import ReadingReport
from .files import write_atomic
from typing import TYPE_CHECKING

from .templating import render
from .validate import ToolResult

if TYPE_CHECKING:
    from .pipeline import GuideResult

NAME_WIDTH = 36
COLUMNS = {"en": ("smog", "flesch_kincaid"), "es": ("fernandez_huerta", "szigriszt_pazos")}
HEADERS = {"smog": "SMOG", "flesch_kincaid": "F-K", "fernandez_huerta": "F-H", "szigriszt_pazos": "INFLESZ",
           "reading_ease": "Ease"}


# The terminal ------------------------------------------------------------------------------------

def summary(results: list[GuideResult], root: Path, every_finding: bool = False) -> str:
    return "\n\n".join(guide_summary(r, root, every_finding) for r in results)


def problems(results: list[GuideResult]) -> str:
    """Only what needs fixing: failing validators and every warning or error, one per line."""
    lines = []
    for result in results:
        for tools in result.validation.values():
            lines += [validator_line(t) for t in tools if t.checked and not t.passed]
        lines += [str(f) for f in result.findings if f.severity in ("error", "warning")]
    return "\n".join(lines)


def guide_summary(result: GuideResult, root: Path, every_finding: bool = False) -> str:
    meta = result.guide.meta
    lines = [f"{result.guide.slug} ({meta.lang}): {meta.title}"]
    for fmt, path in result.outputs.items():
        lines.append(f"  {fmt:<5} {_relative(path, root)}  {describe_output(path)}")
        lines += [f"        {validator_line(v)}" for v in result.validation.get(fmt, [])]
    lines += reading_table(result.reading)
    lines.append("  " + result.reading.verdict())
    advice = [f for f in result.findings if f.severity != "info" and f.rule != "reading.grade"]
    if every_finding:
        lines += [f"  {f}" for f in advice]
    elif advice:
        counts = Counter(f.rule for f in advice)
        lines.append("  Plain language: " + ", ".join(f"{n} {rule}" for rule, n in sorted(counts.items()))
                     + ("; details in report.html" if result.outputs else "; `plainpress check` lists them"))
    return "\n".join(lines)


def validator_line(result: ToolResult) -> str:
    if not result.checked:
        return f"{result.tool}: NOT CHECKED ({result.note})"
    if result.passed:
        return f"{result.tool}: pass {_counts(result.counts)}"
    shown = [f"{result.tool}: FAIL {_counts(result.counts)}"]
    shown += [f"  {f}" for f in result.findings[:5] if f.severity != "info"]
    if len(result.findings) > 5:
        shown.append(f"  ... and {len(result.findings) - 5} more in accessibility.json")
    return "\n        ".join(shown)


def _counts(counts: dict) -> str:
    return "(" + ", ".join(f"{k} {v}" for k, v in counts.items()) + ")" if counts else ""


def columns(lang: str) -> tuple[str, ...]:
    return COLUMNS.get(base_language(lang), ("reading_ease",))


def reading_table(reading: ReadingReport) -> list[str]:
    if not reading.scored:
        return [f"  Reading level: not scored (no formula here for language `{reading.lang}`)"]
    keys = columns(reading.lang)
    rows = [f"  Reading level ({reading.target_text()})"]
    rows.append("    " + "".ljust(NAME_WIDTH) + "".join(f"{HEADERS[k]:>8}" for k in keys))
    for section in reading.sections:
        label = section.title + (" (glossary)" if section.reference and "glossary" not in section.title.lower() else "")
        rows.append(_row(label, section.scores, reading.target, keys))
    rows.append(_row("Whole guide", reading.whole, reading.target, keys))
    return rows


def _row(label: str, scores: Scores, target: float, keys) -> str:
    name = f"    {label[:NAME_WIDTH]:<{NAME_WIDTH}}"
    if not scores.sentences:
        return name + "".join(f"{'-':>8}" for _ in keys) + "  no prose"
    figures = scores.figures()
    verdict = "TOO HARD" if scores.too_hard(target) else "ok"
    return name + "".join(f"{figures[k]:8.1f}" for k in keys) + f"  {verdict}"


def describe_output(path: Path) -> str:
    text = f"{path.stat().st_size / 1024:.0f} KB"
    if path.suffix == ".pdf":
        import pikepdf
        with pikepdf.open(path) as pdf:
            text = f"{len(pdf.pages)} pages, {text}"
    return text


# The files beside the outputs ---------------------------------------------------------------------

def report_data(result: GuideResult, root: Path) -> dict:
    reading = result.reading
    return {
        "guide": result.guide.slug,
        "lang": result.guide.meta.lang,
        "title": result.guide.meta.title,
        "source": _relative(result.guide.path, root),
        "outputs": {fmt: {"file": path.name, "bytes": path.stat().st_size} for fmt, path in result.outputs.items()},
        "reading": {
            "target_grade": reading.target,
            "scored": reading.scored,
            "verdict": reading.verdict(),
            "sections": [{"id": s.id, "title": s.title, "location": s.location, "glossary": s.reference,
                          "too_hard": s.scores.too_hard(reading.target), **_scores(s.scores)}
                         for s in reading.sections],
            "whole": {"too_hard": reading.whole.too_hard(reading.target), **_scores(reading.whole)},
            "hardest_sentences": [{"text": h.text, "location": h.location, "grade": round(h.grade, 1),
                                   "hard_words": list(h.hard_words)} for h in reading.hardest],
        },
        "rule_counts": dict(sorted(Counter(f.rule for f in result.findings).items())),
        "findings": [f.to_json() for f in result.findings],
        "accessibility": accessibility_data(result)["outputs"],
    }


def _scores(scores: Scores) -> dict:
    return {"sentences": scores.sentences, "words": scores.words,
            **{k: round(v, 1) for k, v in scores.figures().items()}}


def accessibility_data(result: GuideResult) -> dict:
    outputs = {}
    for fmt, tools in result.validation.items():
        status = ("fail" if any(t.checked and not t.passed for t in tools)
                  else "not checked" if any(not t.checked for t in tools) else "pass")
        outputs[fmt] = {"file": result.outputs[fmt].name, "status": status, "validators": [t.to_json() for t in tools]}
    return {"guide": result.guide.slug, "lang": result.guide.meta.lang, "outputs": outputs}


def write_reports(result: GuideResult, root: Path) -> list[Path]:
    folder = result.out_dir
    data = report_data(result, root)
    files = {"report.json": _json(data), "report.html": render_html(result, data).encode("utf-8")}
    if result.validation:
        files["accessibility.json"] = _json(accessibility_data(result))
    else:  # an earlier build's results would speak of files this build has replaced
        (folder / "accessibility.json").unlink(missing_ok=True)
    for name, content in files.items():
        write_atomic(folder / name, content)
    return [folder / name for name in files]


def render_html(result: GuideResult, data: dict) -> str:
    from .report_chart import bar_chart
    reading = result.reading
    return render("report/report.html", data=data, meta=result.guide.meta, reading=reading,
                  chart=bar_chart(reading), columns=columns(reading.lang), headers=HEADERS,
                  undefined=[f for f in result.findings if f.rule == "plain.undefined-term"],
                  advice=[f for f in result.findings if f.rule.startswith("plain.") and f.rule != "plain.undefined-term"],
                  validation=result.validation)


def _json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
