"""The build's check stage: every guide's checks (readability, plain language, translation), from the
cache when its source is known there; a `::: contact` against the theme; labels and fonts per language."""
from __future__ import annotations

from pathlib import Path

from .. import model as m
from ..source import SourceError, read_guide
from . import inputs
from .cache import Cache
from .progress import Progress
from .result import BuildInputError, GuideResult, Known


def check_theme_use(known: list[Known], options) -> None:
    """A `::: contact` call-out needs a theme with a contact block: bad input, before anything is
    written (also for a guide whose checks came from the cache: the theme is not in their key)."""
    from ..theme.wear import contact_problems
    problems = contact_problems([k.guide for k in known], options.theme)
    if problems:
        raise SourceError(problems)


def add_language_findings(results: list[GuideResult], theme) -> None:
    """What depends on this machine and the theme rather than on a source's bytes (so it is never
    cached with the source's checks): labels that would print in English, and letters no installed
    font draws."""
    from ..checks.fonts import font_findings
    from ..checks.labels import label_findings
    folders = theme.locales if theme else ()
    contact = theme is not None and theme.contact is not None
    for result in results:
        result.findings = [*result.findings, *label_findings(result.guide, folders, contact), *font_findings(result.guide, folders)]


def ignore(*_) -> None:
    pass


def check_all(known: list[Known], cache: Cache, progress: Progress, between=ignore) -> list[GuideResult]:
    """Reading level and plain language, and a translation's staleness against its source;
    `between()` after each guide (the workers are handed their next task there)."""
    origins = read_origins([k.guide for k in known if k.checked is None])
    results = []
    for item in known:
        if item.checked is None:
            from ..checks import run_checks
            progress.step(item.guide, "checking")
            origin = origins.get(item.guide.path)
            item.checked = (*run_checks(item.guide, origin), origin)
            cache.put(inputs.check_key(item.source_key), (item.guide, *item.checked))
            between()
        reading, findings, origin = item.checked
        results.append(GuideResult(item.guide, reading, findings, origin=origin, source_key=item.source_key))
    return results


def read_origins(guides: list[m.Guide]) -> dict[Path, object]:
    """Each translated guide's source and record, read before anything is written."""
    from ..translate.memory import read_origin
    known = {g.path: g for g in guides}
    origins, problems = {}, []
    for guide in guides:
        try:
            origin = read_origin(guide, read_guide, known)
        except ValueError as err:
            problems.append(str(err))
            continue
        if origin is not None:
            origins[guide.path] = origin
    if problems:
        raise BuildInputError("\n".join(problems))
    return origins
