"""What a build tells people: a one-screen summary in the terminal, and report.json, report.html and
accessibility.json beside the outputs."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typing import TYPE_CHECKING

from ..checks.formula_table import FORMULAS
from ..checks.formulas import Scores
from ..checks.readability import ReadingReport
from ..files import write_atomic
from ..validate import VALIDATORS, ToolResult

if TYPE_CHECKING:
    from .result import GuideResult

NAME_WIDTH = 36
# What each validator checks, in words a clinic manager knows (its counts stay in the JSON files).
VALIDATOR_WORDS = {v.name: v.words for v in VALIDATORS}
HEADERS = {key: formula.header for key, formula in FORMULAS.items()}


# The terminal ------------------------------------------------------------------------------------

def summary(results: list[GuideResult], root: Path, every_finding: bool = False, verbose: bool = False) -> str:
    return "\n\n".join(guide_summary(r, root, every_finding, verbose) for r in results)


def problems(results: list[GuideResult]) -> str:
    """Only what needs fixing: failing validators and every warning or error, one per line."""
    lines = []
    for result in results:
        for tools in result.validation.values():
            lines += [validator_line(t) for t in tools if t.checked and not t.passed]
        lines += [str(f) for f in result.findings if f.severity in ("error", "warning")]
    return "\n".join(lines)


def guide_summary(result: GuideResult, root: Path, every_finding: bool = False, verbose: bool = False) -> str:
    meta = result.guide.meta
    lines = [f"{result.guide.slug} ({meta.lang}): {meta.title}"]
    for fmt, path in result.outputs.items():
        lines.append(f"  {fmt:<5} {_relative(path, root)}  {describe_output(path, result.pdf_pages)}")
        lines += [f"        {validator_line(v, verbose)}" for v in result.validation.get(fmt, [])]
    lines += reading_table(result.reading)
    lines.append("  " + result.reading.verdict())
    lines += [f"  {line}" for line in coverage_lines(meta.lang)]
    listed = "listed below" if every_finding else "listed in report.html" if result.outputs else \
        "`plainpress check` lists them"
    if result.origin is not None:
        lines.append("  " + translation_sentence(translation_data(result), listed))
    advice = [f for f in result.findings if f.severity != "info" and f.rule != "reading.grade"]
    counted = [f for f in advice if result.origin is None or not f.rule.startswith("translation.")]
    if every_finding:   # `check` also names each place of a plain-language note (italics shown in bold)
        notes = [f for f in result.findings if f.severity == "info" and f.rule.startswith("plain.")]
        lines += [f"  {f}" for f in sorted(advice + notes, key=_place)]
    elif counted:   # a translation's parts are counted in its own sentence above
        lines.append("  " + advice_sentence(counted, listed, verbose))
    return "\n".join(lines)


def advice_sentence(advice, listed: str, verbose: bool = False) -> str:
    """`To look at: 5 parts not translated yet, 1 long sentence (listed in report.html).`; the
    rule ids only with `--verbose`."""
    from .report_words import kind_count
    counts = Counter(f.rule for f in advice)
    kinds = ", ".join(kind_count(rule, n) + (f" [{rule}]" if verbose else "") for rule, n in sorted(counts.items()))
    return f"To look at: {kinds} ({listed})."


def _place(finding) -> tuple[str, int]:
    file, _, line = finding.location.rpartition(":")
    return (file, int(line)) if line.isdigit() else (finding.location, 0)


def validator_line(result: ToolResult, verbose: bool = False) -> str:
    """The validator's verdict in words, then its first problems; its structure counts (headings,
    tags, characters) only when asked for with `--verbose`."""
    counts = f" [{_counts(result.counts)}]" if verbose and result.counts else ""
    found = [f for f in result.findings if f.severity != "info"] if result.checked else []
    shown = [f"{result.tool}: {validator_verdict(result)}{counts}"] + [f"  {f}" for f in found[:5]]
    if len(found) > 5:
        shown.append(f"  ... and {len(found) - 5} more in report.html")
    return "\n        ".join(shown)


def validator_verdict(result: ToolResult) -> str:
    """'passes: <what it checks>', 'FAILS, N problems: <what it checks>' or 'NOT CHECKED (why)'."""
    if not result.checked:
        return f"NOT CHECKED ({result.note})"
    what = VALIDATOR_WORDS.get(result.tool, result.tool)
    if "rules" in result.counts:
        what += f", {result.counts['rules']} rules"
    if result.passed:
        return f"passes: {what}"
    n = sum(f.severity != "info" for f in result.findings)
    return f"FAILS, {n} problem{'s' if n != 1 else ''}: {what}"


def _counts(counts: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def columns(lang: str) -> tuple[str, ...]:
    """The figures a language's table shows: the formulas that judge it, in its record's order."""
    from ..languages import language
    return tuple(key for key in language(lang).formulas if FORMULAS[key].judged)


def coverage_lines(lang: str) -> list[str]:
    """Which checks ran for the guide's language and which did not, where some did not."""
    from ..checks.coverage import runs
    found = runs(lang)
    return [found.ran_sentence(), found.skipped_sentence()] if found.skipped else []


def reading_table(reading: ReadingReport) -> list[str]:
    if not reading.scored:
        return []   # the verdict says why, in words
    keys = columns(reading.lang)
    rows = [f"  Reading level ({reading.target_text()})"]
    rows.append("    " + "".ljust(NAME_WIDTH) + "".join(f" {HEADERS[k]:>7}" for k in keys))
    for section in reading.sections:
        label = section.title + (" (glossary)" if section.reference and "glossary" not in section.title.lower() else "")
        rows.append(_row(label, section.scores, reading.target, keys))
    rows.append(_row("Whole guide", reading.whole, reading.target, keys))
    return rows + [f"    {note}" for note in reading.notes()] + [f"  {f}" for f in reading.setting_findings]


def _row(label: str, scores: Scores, target: float, keys) -> str:
    name = f"    {label[:NAME_WIDTH]:<{NAME_WIDTH}}"
    figures = scores.figures() if scores.judged() else {}
    state = scores.state(target)
    return (name + "".join(f"{figures[k]:8.1f}" if k in figures else f"{'-':>8}" for k in keys)
            + f"  {state.upper() if state == 'too hard' else state}")


def describe_output(path: Path, pages: int | None = None) -> str:
    """Its size, and a PDF's pages (counted when it was rendered, or here when not known)."""
    text = f"{path.stat().st_size / 1024:.0f} KB"
    if path.suffix == ".pdf":
        if pages is None:
            import pikepdf
            with pikepdf.open(path) as pdf:
                pages = len(pdf.pages)
        text = f"{pages} pages, {text}"
    return text


# The files beside the outputs ---------------------------------------------------------------------

def report_data(result: GuideResult, root: Path) -> dict:
    reading = result.reading
    return {
        "guide": result.guide.slug,
        "lang": result.guide.meta.lang,
        "title": result.guide.meta.title,
        "version": result.guide.meta.version,
        "date": result.guide.meta.date.isoformat(),
        "source": _relative(result.guide.path, root),
        "outputs": {fmt: {"file": path.name, "bytes": path.stat().st_size} for fmt, path in result.outputs.items()},
        "reading": {
            "target_grade": reading.target,
            "scored": reading.scored,
            "verdict": reading.verdict(),
            "notes": reading.notes(),
            "sections": [{"id": s.id, "title": s.title, "location": s.location, "glossary": s.reference,
                          **_scores(s.scores, reading.target)} for s in reading.sections],
            "whole": _scores(reading.whole, reading.target),
            "hard_words_rule": reading.hard_word_rule(),
            "hardest_sentences": [{"text": h.text, "location": h.location, "measure": h.measure, "score": h.score,
                                   "hard_words": list(h.hard_words)} for h in reading.hardest],
        },
        "rule_counts": dict(sorted(Counter(f.rule for f in result.findings).items())),
        "findings": [f.to_json() for f in result.findings],
        "accessibility": accessibility_data(result)["outputs"],
        "translation": translation_data(result),
    }


def translation_data(result: GuideResult) -> dict | None:
    """How current a translation is: the share of the source's parts it translates as they now read."""
    if result.origin is None:
        return None
    counts = Counter(f.rule.removeprefix("translation.") for f in result.findings if f.rule.startswith("translation."))
    return {"from": result.origin.source.path.name, "from_lang": result.origin.source.meta.lang,
            "current": round(result.translation_current(), 3),
            "stale": counts["stale"], "missing": counts["missing"], "orphan": counts["orphan"],
            "moved": counts["moved"]}


def translation_sentence(data: dict, listed: str = "listed in report.html") -> str:
    """`Translated from English: 90 % current; 5 parts not translated yet (listed in report.html).`"""
    from ..languages import language_name
    from .report_words import kind_count
    parts = [kind_count(f"translation.{what}", data.get(what, 0)) for what in ("missing", "stale", "moved", "orphan")
             if data.get(what)]
    share = f"{data['current'] * 100:.0f} %"
    tail = "; " + ", ".join(parts) + f" ({listed})." if parts else "."
    return f"Translated from {language_name(data['from_lang'])}: {share} current" + tail


def _scores(scores: Scores, target: float) -> dict:
    """The figures as shown (rounded once, by Scores) and the verdict drawn from them."""
    return {"sentences": scores.sentences, "words": scores.words, **scores.figures(),
            "too_hard": scores.too_hard(target), "verdict": scores.state(target), "note": scores.note()}


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
    from ..checks.coverage import runs
    from ..checks.formulas import not_scored_text
    from ..checks.words import has_term_list
    from .report_chart import bar_chart
    from ..templating import render
    from . import report_page as page
    from ..languages import language_name
    reading = result.reading
    sections = page.section_lines(reading)
    advice = [f for f in result.findings if f.rule.startswith("plain.") and f.rule != "plain.undefined-term"]
    return render("report/report.html", data=data, meta=result.guide.meta, reading=reading,
                  language=language_name(reading.lang), failures=page.failures(result, VALIDATOR_WORDS),
                  translation_rows=page.translation_rows(result, sections),
                  other_rows=page.other_rows(result, sections), advice_rows=page.advice_rows(advice, sections),
                  place=lambda loc: page.source_place(loc, sections),
                  chart=bar_chart(reading), columns=columns(reading.lang), headers=HEADERS,
                  validator_words=VALIDATOR_WORDS, coverage=runs(reading.lang),
                  term_list=has_term_list(reading.lang), not_scored=not_scored_text(reading.lang),
                  undefined=[f for f in result.findings if f.rule == "plain.undefined-term"],
                  validation=result.validation, format_words=page.FORMAT_WORDS,
                  translation=translation_sentence(data["translation"], "listed below") if data["translation"] else "")


def _json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _relative(path: Path, root: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def cache_line(results, cache: Path) -> str | None:
    """How much of a build came from the cache, when some did: why it took so little time."""
    made = sum(len(r.outputs) for r in results)
    cached = sum(len(r.from_cache) for r in results)
    if not cached:
        return None
    rest = "nothing changed" if cached == made else f"{made - cached} rendered anew"
    return f"{cached} of {made} outputs came from the cache in {cache}/, with their checks ({rest})"
