"""The build's read stage: every source into the model, the problems of all of them at once; a source
whose bytes the cache has seen is not parsed again, and with --jobs `plainpress check` reads and checks
sources in the worker processes."""
from __future__ import annotations

from pathlib import Path

from . import inputs
from ..source import SourceError, read_guide
from .cache import Cache
from .result import BuildInputError, Known


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
    from ..checks import run_checks
    from ..translate.memory import read_origin
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
