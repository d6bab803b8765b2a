"""Read and check every source: from the cache when its bytes are known there, else here or, for
`plainpress check` with --jobs, in the worker processes (each reads and checks a source of its own)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import inputs
from . import model as m
from .cache import Cache
from .errors import PlainpressError
from .findings import Finding
from .progress import Progress
from .source import SourceError, read_guide
from .validate import ToolResult

if TYPE_CHECKING:
    from .checks.readability import ReadingReport


class BuildInputError(PlainpressError):
    """Bad input: every problem in every source, or a path that is not a guide."""


@dataclass
class GuideResult:
    guide: m.Guide
    reading: ReadingReport
    findings: list[Finding]
    outputs: dict[str, Path] = field(default_factory=dict)
    validation: dict[str, list[ToolResult]] = field(default_factory=dict)
    out_dir: Path | None = None   # where its outputs and reports were written
    origin: object | None = None  # a translation's source and record (translate.memory.Origin)
    source_key: str = ""          # the hash of its inputs (inputs.source_key)
    pdf_pages: int | None = None
    from_cache: list[str] = field(default_factory=list)  # the formats an earlier build made

    def translation_current(self) -> float | None:
        """The share of a translation that translates the present source; None for a source guide."""
        from .checks.translation import current_share
        return current_share(self.guide, self.origin.source, self.origin.record) if self.origin else None

    def failed_validators(self) -> list[ToolResult]:
        return [r for results in self.validation.values() for r in results if r.checked and not r.passed]


@dataclass
class Known:
    """A source before its checks: its guide, and its findings when the cache has them."""
    guide: m.Guide
    source_key: str
    checked: tuple | None = None   # (reading, findings, origin) from the cache


def read_all(sources: list[Path], keys: dict[Path, str], cache: Cache, workers=None) -> list[Known]:
    """Every source, before anything is written; the problems of all of them at once. A source the
    cache has seen, byte for byte, is not parsed again. With `workers`, each source is read and
    checked in a worker."""
    found: dict[Path, Known] = {}
    problems: dict[Path, list] = {}
    uncached = []
    for path in sources:
        cached = cache.get(inputs.check_key(keys[path]))
        if cached is not None:
            found[path] = Known(cached[0], keys[path], cached[1:])
        elif workers is not None:
            uncached.append(path)
        else:
            try:
                found[path] = Known(read_guide(path), keys[path])
            except SourceError as err:
                problems[path] = err.problems
    if workers is not None:
        for start in range(0, len(uncached), CHUNK):
            chunk = uncached[start:start + CHUNK]
            workers.add(read_and_check_each, chunk, done=keep(chunk, keys, found, problems))
        workers.drain()
    if problems:
        raise SourceError([p for path in sources for p in problems.get(path, [])])
    return [found[path] for path in sources]


# Sources per task: a task long enough (a tenth of a second) that handing it to a worker, which waits
# for this process's turn at the interpreter, is a small part of it.
CHUNK = 8


def read_and_check_each(paths: list[Path]) -> list:
    """Each source read and checked, in a worker: its result, or the error it raised."""
    outcomes = []
    for path in paths:
        try:
            outcomes.append(read_and_check(path))
        except (SourceError, BuildInputError) as err:
            outcomes.append(err)
    return outcomes


def read_and_check(path: Path) -> tuple:
    """One source read and checked, in a worker: (guide, reading, findings, origin)."""
    from .checks import run_checks
    from .translate.memory import read_origin
    guide = read_guide(path)
    try:
        origin = read_origin(guide, read_guide, {})
    except ValueError as err:
        raise BuildInputError(str(err)) from None
    return (guide, *run_checks(guide, origin), origin)


def keep(paths: list[Path], keys: dict, found: dict, problems: dict):
    def done(outcomes) -> None:
        if isinstance(outcomes, BaseException):
            raise outcomes
        for path, outcome in zip(paths, outcomes):
            if isinstance(outcome, SourceError):
                problems[path] = outcome.problems
            elif isinstance(outcome, BaseException):
                raise outcome
            else:
                found[path] = Known(outcome[0], keys[path], outcome[1:])
    return done


def check_theme_use(known: list[Known], options) -> None:
    """A `::: contact` call-out needs a theme with a contact block: bad input, before anything is
    written (also for a guide whose checks came from the cache: the theme is not in their key)."""
    from .theme.wear import contact_problems
    problems = contact_problems([k.guide for k in known], options.theme)
    if problems:
        raise SourceError(problems)


def add_language_findings(results: list[GuideResult], theme) -> None:
    """What depends on this machine and the theme rather than on a source's bytes (so it is never
    cached with the source's checks): labels that would print in English, and letters no installed
    font draws."""
    from .checks.fonts import font_findings
    from .checks.labels import label_findings
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
            from .checks import run_checks
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
    from .translate.memory import read_origin
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


