"""What a build tells people: a one-screen summary in the terminal and report.json beside the outputs."""
from __future__ import annotations

import json
from pathlib import Path

from .checks.readability import ReadingReport, Scores
from .files import write_atomic
from .pipeline import GuideResult
from .validate import ToolResult

NAME_WIDTH = 38


def summary(results: list[GuideResult], root: Path) -> str:
    return "\n\n".join(guide_summary(r, root) for r in results)


def guide_summary(result: GuideResult, root: Path) -> str:
    meta = result.guide.meta
    lines = [f"{result.guide.slug} ({meta.lang}): {meta.title}"]
    for fmt, path in result.outputs.items():
        lines.append(f"  {fmt:<5} {_relative(path, root)}  {describe_output(path)}")
        lines += [f"        {validator_line(v)}" for v in result.validation.get(fmt, [])]
    lines += reading_table(result.reading)
    problems = [f for f in result.findings if f.severity != "info" and f.rule != "reading.grade"]
    lines += [f"  {f}" for f in problems]
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


def reading_table(reading: ReadingReport) -> list[str]:
    if not reading.scored:
        return [f"  Reading level: not scored (no formula here for language `{reading.lang}`)"]
    rows = [f"  Reading grade, target {reading.target:g} or lower".ljust(NAME_WIDTH + 2) + "  SMOG   F-K"]
    for section in reading.sections:
        label = section.title + (" (reference)" if section.reference else "")
        rows.append(_grade_row(label, section.scores, reading.target))
    rows.append(_grade_row("Whole guide", reading.whole, reading.target))
    return rows


def _grade_row(label: str, scores: Scores, target: float) -> str:
    if not scores.sentences:
        return f"    {label[:NAME_WIDTH]:<{NAME_WIDTH}}     -     -  no prose"
    verdict = "ABOVE TARGET" if scores.grade > target else "ok"
    return (f"    {label[:NAME_WIDTH]:<{NAME_WIDTH}} {scores.smog:5.1f} {scores.flesch_kincaid:5.1f}  {verdict}")


def describe_output(path: Path) -> str:
    size = path.stat().st_size
    text = f"{size / 1024:.0f} KB"
    if path.suffix == ".pdf":
        import pikepdf
        with pikepdf.open(path) as pdf:
            text = f"{len(pdf.pages)} pages, {text}"
    return text


def report_data(result: GuideResult, root: Path) -> dict:
    reading = result.reading
    return {
        "guide": result.guide.slug,
        "lang": result.guide.meta.lang,
        "title": result.guide.meta.title,
        "source": _relative(result.guide.path, root),
        "outputs": {fmt: {"path": path.name, "bytes": path.stat().st_size} for fmt, path in result.outputs.items()},
        "reading": {
            "target_grade": reading.target,
            "scored": reading.scored,
            "sections": [{"id": s.id, "title": s.title, "location": s.location, "reference": s.reference,
                          **_scores(s.scores)} for s in reading.sections],
            "whole": _scores(reading.whole),
        },
        "findings": [f.to_json() for f in result.findings],
    }


def _scores(scores: Scores) -> dict:
    return {"sentences": scores.sentences, "words": scores.words, "smog": round(scores.smog, 1),
            "flesch_kincaid": round(scores.flesch_kincaid, 1), "reading_ease": round(scores.reading_ease, 1)}


def write_json(result: GuideResult, folder: Path, root: Path) -> Path:
    path = folder / "report.json"
    text = json.dumps(report_data(result, root), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
    return path


def accessibility_data(result: GuideResult) -> dict:
    outputs = {}
    for fmt, tools in result.validation.items():
        status = ("fail" if any(t.checked and not t.passed for t in tools)
                  else "not checked" if any(not t.checked for t in tools) else "pass")
        outputs[fmt] = {"file": result.outputs[fmt].name, "status": status, "validators": [t.to_json() for t in tools]}
    return {"guide": result.guide.slug, "lang": result.guide.meta.lang, "outputs": outputs}


def write_accessibility_json(result: GuideResult, folder: Path) -> Path:
    path = folder / "accessibility.json"
    text = json.dumps(accessibility_data(result), indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode("utf-8"))
    return path


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)
