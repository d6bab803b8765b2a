"""The build, as a list of stages: find, read, check, render, write, validate, report, index.

Around render and validate sits the cache (`cache.py`, keys in `inputs.py`): what has not changed is
neither rendered, validated nor written again, and a guide whose source has not changed is not even read
again: its model and its checks' findings come from the cache. Before anything is rendered, a guide's
`::: contact` is checked against the theme (`check.check_theme_use`) and a translation's source and
record are read (`check.read_origins`); after the validators, a failure is traced to the theme's files
(`explained`); last, the library's index is written from every report in the output folder.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..files import exclusive
from ..lifetime import Stopped, signal_name
from ..render import RenderError, RenderOptions
from ..source import SourceError
from . import inputs
from .cache import Cache
from .check import add_language_findings, check_all, check_theme_use, ignore
from .find import find_sources, in_shard
from .progress import Progress
from .read import CHUNK, read_all
from .render import Renders, plan, prepare_renderers
from .result import BuildInputError, GuideResult
from .shard import Shard
from .workers import Workers
from .write import write_current_reports, write_outputs


@dataclass(frozen=True)
class Run:
    """How to build: everything but what to build and where."""
    cache: Cache = field(default_factory=lambda: Cache(None))
    jobs: int = 1
    shard: Shard | None = None
    progress: Progress = field(default_factory=Progress)


def build(paths: list[Path], formats: tuple[str, ...], langs: tuple[str, ...], out: Path,
          options: RenderOptions, render: bool = True, validate: bool = False,
          report_root: Path = Path("."), run: Run = Run()) -> list[GuideResult]:
    """Find, read and check every source; render every output in memory (or take it from the cache),
    validating each as it comes; then, holding the output folder, write and report. Bad input or a
    failed render leaves the folder as it was."""
    sources = in_shard(find_sources(paths, langs), run.shard)
    keys = {path: inputs.source_key(path) for path in sources}  # from bytes alone, before any parsing
    with Workers(run.jobs) as workers:
        if not render:
            return check_only(sources, keys, options, workers, run)
        prepare_renderers(sources, keys, formats, options, run.cache, workers)
        known = read_all(sources, keys, run.cache)
        check_theme_use(known, options)
        outputs, renders, validation = start_outputs(known, formats, options, out, validate, workers, run)
        results = check_all(known, run.cache, run.progress, between=workers.poll)
        add_language_findings(results, options.theme)
        workers.drain()
        renders.raise_errors()
        write_and_report(results, outputs, validation, options, report_root, out, run)
    run.progress.clear()
    return results


def check_only(sources, keys, options: RenderOptions, workers, run: Run) -> list[GuideResult]:
    """`plainpress check`: with more than one job and more than a task's worth of sources, each worker
    reads and checks sources of its own (for a few, starting a worker costs more than it saves)."""
    parallel = run.jobs > 1 and len(sources) > CHUNK
    known = read_all(sources, keys, run.cache, workers if parallel else None)
    check_theme_use(known, options)
    run.progress.start(k.guide for k in known)
    results = check_all(known, run.cache, run.progress)
    add_language_findings(results, options.theme)
    run.progress.clear()
    return results


def start_outputs(known, formats, options: RenderOptions, out: Path, validate: bool, workers, run: Run):
    """What each output needs (`plan`), and the renders and validators that it takes, started."""
    run.progress.start(k.guide for k in known)
    outputs = {k.guide.path: plan(k, formats, options, out, run.cache) for k in known}
    validation = None
    if validate:
        from .validate import Validation
        validation = Validation(workers, run.cache, {fmt: len(known) for fmt in formats}, run.progress)
    renders = Renders(known, outputs, run.cache, validation.ready if validation else ignore, run.progress)
    renders.start(workers, options, longest_first=not validate)
    return outputs, renders, validation


def write_and_report(results, outputs, validation, options: RenderOptions, report_root: Path, out: Path,
                     run: Run) -> None:
    """Holding the output folder: every output written, then each guide's validators awaited and its
    reports written, then the library's index of every guide in the folder (also when every output
    came from the cache: another build may have added or removed a guide since). Stopped on the way,
    the stop says which files were written whole (each file is replaced in one step)."""
    to_write = [o for result in results for o in outputs[result.guide.path].values() if o.stale]
    reported = []
    try:
        with exclusive(out):
            for result in results:
                write_outputs(result, outputs[result.guide.path], run.cache)
            for result in results:
                run.progress.step(result.guide, "validating" if validation else "reporting")
                checked = validation.finish(result, outputs[result.guide.path]) if validation else []
                result.validation = explained(result.validation, options.theme)
                write_current_reports(result, report_root, run.cache, outputs[result.guide.path], checked, options)
                reported.append(result.out_dir / "report.*")
            from .index import write_library_index   # here: a command that builds nothing never loads it
            write_library_index(out, validation is not None, run.cache)
    except (KeyboardInterrupt, Stopped) as stop:
        stop.complete = [o.path for o in to_write if not o.stale] + reported
        raise
    finally:
        if validation:
            validation.close()


def stopped_line(stop: BaseException, out: Path | None) -> str:
    """The one line a stopped build ends with: what it left in the output folder."""
    how = signal_name(stop)
    complete = getattr(stop, "complete", [])
    if out is None:
        return f"plainpress: stopped by {how}; nothing was written"
    if not complete:
        return f"plainpress: stopped by {how}; nothing in {out}/ changed"
    return (f"plainpress: stopped by {how}; written whole: {', '.join(map(str, complete))}; "
            f"every other file in {out}/ is as it was; build again to finish")


def explained(validation: dict, theme) -> dict:
    """Under a theme, each validator failure's advice names the theme's files that may cause it
    (`theme.overrides`, loaded only when there is a theme)."""
    if theme is None:
        return validation
    from ..theme.overrides import explain_failures
    return explain_failures(validation, theme)


__all__ = ["build", "BuildInputError", "RenderError", "SourceError", "GuideResult"]
