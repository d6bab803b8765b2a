"""The library's index: `index.html` and `index.json` at the top of the output folder, one entry for
each guide and language found there.

The facts come from each guide's report.json, not from the build that is running: a build of one guide
keeps every other guide of the folder in the index. Review dates are judged against a date that is
never the clock's (the same outputs give the same index on any day): SOURCE_DATE_EPOCH when it is set,
else the newest review date among the guides.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

from ..files import write_atomic
from ..languages import long_date
from ..languages import language_name
from ..render import WEB_PAGE
from ..render.html import embedded_fonts
from .report import VALIDATOR_WORDS
from .report_words import FORMAT_WORDS
from ..templating import render
from . import inputs
from .cache import Cache, file_sha256

log = logging.getLogger("plainpress")

INDEX_HTML, INDEX_JSON = "index.html", "index.json"
REPORTS = ("report.html", "report.json", "accessibility.json")
READING_WORDS = {"ok": "within its target", "too hard": "ABOVE ITS TARGET",
                 "too short to score": "too short to score", "no prose": "not scored"}


def write_index(out: Path, environ=os.environ) -> Path:
    """Write index.json and index.html for every report.json under `out`; return the page's path."""
    reports = read_reports(out)
    data = index_data(reports, reference_date(reports, environ))
    write_atomic(out / INDEX_JSON, to_json(data))
    # The library's page, for the clinic's staff, wears no theme: page.css is given no accent colour.
    page = render("index/index.html", data=data, fonts=embedded_fonts(), theme=None, accent="#000")
    page = render("index/index.html", data=data, fonts=library_fonts(data, page), theme=None, accent="#000")
    write_atomic(out / INDEX_HTML, page.encode("utf-8"))
    return out / INDEX_HTML


def library_fonts(data: dict, page: str):
    """The faces of every language in the library (its titles are written in them), after Atkinson
    Hyperlegible for the page's own words, each cut to the characters of the page."""
    from lxml import html as lxml_html

    from ..languages import language
    from ..render.scripts import web_fonts
    chosen = dict.fromkeys(("Atkinson Hyperlegible", "Noto Sans"))
    for guide in data.get("guides", []):
        chosen.update(dict.fromkeys(language(guide["lang"]).faces))
    text = lxml_html.fromstring(page).text_content()
    return web_fonts(tuple(chosen), {"normal": text, "bold": text})


def record_checks(out: Path, results) -> None:
    """Add the index page's own validators' results (ToolResults) to index.json, and warn of a failure."""
    data = json.loads((out / INDEX_JSON).read_text(encoding="utf-8"))
    data["checks"] = [r.to_json() for r in results]
    write_atomic(out / INDEX_JSON, to_json(data))
    for result in results:
        if not result.passed:
            log.warning("%s: %s: %s", out / INDEX_HTML, result.tool, result.note or "; ".join(
                str(f) for f in result.findings[:5]))


def read_reports(out: Path) -> list[tuple[Path, dict]]:
    """(folder, report.json's data) of each guide and language in the output folder, in order; a report
    that cannot be read is left out, with a warning."""
    found = []
    for path in sorted(out.glob("*/*/report.json")):
        try:
            found.append((path.parent, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as err:
            log.warning("%s: left out of the index: %s", path, err)
    return found


def reference_date(reports: list[tuple[Path, dict]], environ=os.environ) -> dict:
    """The date review dates are judged against, and where it comes from."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
        return {"date": day.isoformat(), "from": "SOURCE_DATE_EPOCH"}
    dates = [d for _, report in reports if (d := review_date(report))]
    return {"date": max(dates).isoformat() if dates else None, "from": "newest review date"}


def review_date(report: dict) -> dt.date | None:
    try:
        return dt.date.fromisoformat(report.get("date", ""))
    except (TypeError, ValueError):  # a report.json written before it carried the date
        return None


def a_year_before(day: dt.date) -> dt.date:
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def index_data(reports: list[tuple[Path, dict]], reference: dict) -> dict:
    from .index_next import languages_sentence, library, next_steps
    guides = [entry(folder, report, reference) for folder, report in reports]
    counts = summary(guides)
    return {"reference": {**reference, "sentence": reference_sentence(reference)},
            "summary": {**counts, "sentence": languages_sentence(counts)}, "guides": guides,
            "library": library(guides), "next": next_steps(guides)}


def entry(folder: Path, report: dict, reference: dict) -> dict:
    """One guide in one language: what it is, how it reads, how it was checked, where its files are."""
    slug, lang = report.get("guide", folder.parent.name), report.get("lang", folder.name)
    reviewed = review_date(report)
    overdue = bool(reviewed and reference["date"]
                   and reviewed < a_year_before(dt.date.fromisoformat(reference["date"])))
    reading = report.get("reading", {})
    state = reading.get("whole", {}).get("verdict", "no prose") if reading.get("scored") else "no prose"
    translation = report.get("translation")
    here = f"{folder.parent.name}/{folder.name}"   # links follow the folders as they are on disk
    outputs = [output_entry(here, fmt, out, report.get("accessibility", {}).get(fmt))
               for fmt, out in report.get("outputs", {}).items() if (folder / out["file"]).exists()]
    return {
        "guide": slug, "lang": lang, "language": language_name(lang), "title": report.get("title", slug),
        "version": report.get("version", ""),
        "date": reviewed.isoformat() if reviewed else None,
        "date_words": long_date(reviewed, "en") if reviewed else "not recorded",
        "review_due": overdue,
        "reading": {"state": state, "words": READING_WORDS[state], "verdict": reading.get("verdict", "")},
        "translation": None if not translation else {
            "from_lang": translation["from_lang"], "from_language": language_name(translation["from_lang"]),
            "current": translation["current"],
            **{key: translation.get(key, 0) for key in ("missing", "stale", "moved", "orphan")}},
        "outputs": outputs,
        "failing": [{"format": o["format"], "format_words": o["words"], "file": o["file"], "check": v["words"]}
                    for o in outputs for v in o["validators"] if v["status"] == "fail"],
        "reports": [{"name": name, "href": f"{here}/{name}"} for name in REPORTS
                    if (folder / name).exists()],
    }


def output_entry(prefix: str, fmt: str, out: dict, checked: dict | None) -> dict:
    validators = [{"tool": v["tool"], "words": VALIDATOR_WORDS.get(v["tool"], v["tool"]),
                   "status": v["status"]} for v in (checked or {}).get("validators", [])]
    return {"format": fmt, "words": FORMAT_WORDS.get(fmt, fmt.upper()), "file": out["file"],
            "href": f"{prefix}/{out['file']}", "kilobytes": round(out.get("bytes", 0) / 1024),
            "status": checked["status"] if checked else "not checked", "validators": validators}


def summary(guides: list[dict]) -> dict:
    """The counts a clinic manager reads first."""
    return {"guides": len({g["guide"] for g in guides}), "entries": len(guides),
            "languages": sorted({g["language"] for g in guides}),
            "review_due": sum(g["review_due"] for g in guides),
            "too_hard": sum(g["reading"]["state"] == "too hard" for g in guides),
            "failing": sum(any(o["status"] == "fail" for o in g["outputs"]) for g in guides),
            "not_checked": sum(any(o["status"] == "not checked" for o in g["outputs"]) for g in guides)}


def reference_sentence(reference: dict) -> str:
    """Says in words which date review dates are judged against, and why it is not today's."""
    if reference["date"] is None:
        return "No guide here records its review date, so none is marked as due for review."
    day = long_date(dt.date.fromisoformat(reference["date"]), "en").replace("\u00a0", " ")
    if reference["from"] == "SOURCE_DATE_EPOCH":
        why = "the build's date, set by SOURCE_DATE_EPOCH"
    else:
        why = ("the newest review date among these guides; plainpress reads no clock, so this page "
               "is the same whenever it is built")
    return f"A guide is marked “review due” when it was last reviewed more than a year before {day}: {why}."


def to_json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


# Checked like a guide's web page -----------------------------------------------------------------

def write_library_index(out: Path, validate: bool, cache: Cache) -> None:
    """The index of every guide in the output folder (this build's and earlier ones'), checked like a
    guide's web page when the build validates. The page is made again every time (another build may
    have added a guide); its validators' results are kept in the cache by the page's bytes."""
    page = write_index(out)
    if validate:
        record_checks(out, [index_check(tool, check, page, cache) for tool, check in validators(WEB_PAGE)])


def index_check(tool: str, check, page: Path, cache: Cache):
    from ..validate import run_safely
    from .validate import passing_trouble
    key = inputs.validation_key(file_sha256(page), page.name, tool, "library index")
    found = cache.get(key) if key else None
    if found is None:
        found = run_safely(tool, check, page, None)
        if key and not passing_trouble(found):
            cache.put(key, found)
    return found


def validators(fmt: str):
    from .. import validate  # looked up when used: a test may put its own validators in
    return validate.validators(fmt)
