"""The build's render stage, around the cache: an output whose inputs have not changed is neither
rendered nor written again (`write`), as long as the file on disk still holds the bytes recorded for it.

Every output is rendered (in the workers) or taken from the cache before anything is written: a failed
render leaves the output folder as it was.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import inputs
from .cache import Cache, file_sha256
from ..render import FORMATS, RenderError, RenderOptions, prepare, render_output


@dataclass
class Output:
    """One file a build makes: its format, name, render key and, once known, the hash of its bytes."""
    fmt: str
    path: Path
    key: str
    digest: str | None = None
    stale: bool = True                 # the file on disk is not these bytes: to be written
    from_cache: bool = False           # made by an earlier build from the same inputs
    data: bytes | None = None          # its bytes, while they are not kept in the cache
    facts: dict = field(default_factory=dict)

    def bytes(self, cache: Cache) -> bytes:
        data = self.data if self.data is not None else cache.get_bytes(self.digest)
        if data is None:  # the cache's copy went missing during the build (another build cleared it)
            raise RenderError(f"{self.path.name}: its bytes are gone from the cache; build again")
        return data


def plan(item, formats: tuple[str, ...], options: RenderOptions, out: Path, cache: Cache) -> dict[str, Output]:
    """What each format of a guide read (`result.Known`) needs: nothing (the file on disk is current),
    a copy from the cache, or a render."""
    folder = out / item.guide.slug / item.guide.meta.lang
    planned = {}
    for fmt in formats:
        output = Output(fmt, folder / f"{item.guide.slug}-{item.guide.meta.lang}.{fmt}",
                        inputs.render_key(item.source_key, fmt, options))
        known = cache.get(output.key)
        if known is not None:
            output.facts = known["facts"]
            if file_sha256(output.path) == known["digest"]:
                output.digest, output.stale, output.from_cache = known["digest"], False, True
            elif cache.get_bytes(known["digest"]) is not None:  # deleted or edited by hand: from the cache
                output.digest, output.from_cache = known["digest"], True
        planned[fmt] = output
    return planned


def prepare_renderers(sources, keys: dict, formats, options: RenderOptions, cache: Cache, workers) -> None:
    """Have a worker load WeasyPrint now, while the guides are read and checked, when some PDF is
    not in the cache (known from the sources' bytes alone, before they are parsed)."""
    for fmt in (f.name for f in FORMATS.values() if f.needs):
        if workers.jobs > 1 and fmt in formats and any(
                cache.get(inputs.render_key(keys[path], fmt, options)) is None for path in sources):
            workers.before_fork(lambda: load_shared(sources))
            workers.add(prepare, fmt, done=ignore_result, needs=FORMATS[fmt].needs)


def load_shared(sources) -> None:
    """What this process and a worker rendering PDFs both load, loaded once before the worker is
    forked, which then has it too (loaded after, each process would pay for it): Jinja, the modules
    of the fonts and labels, the parts of WeasyPrint's libraries the checks use too, and each
    language's record (Babel's locale data)."""
    import jinja2.sandbox  # noqa: F401 - the report here, the PDF's template there
    import pyphen  # noqa: F401 - the checks' syllables here, WeasyPrint's hyphens there
    from fontTools import ttLib  # noqa: F401 - the font checks' cmaps here, WeasyPrint's fonts there
    from ..languages import language
    from ..render import scripts  # noqa: F401 - the PDF's fonts there, the index's and web page's here
    from ..theme import wear  # noqa: F401 - a guide's labels, in both
    for tag in sorted({path.stem for path in sources}):   # <lang>.md: the tag (any text: `language`
        language(tag)                                     # refuses none; a bad one is refused later)


def render_order(longest_first: bool) -> list[str]:
    """The formats in the order they take to render, or those slowest to validate first."""
    names = list(FORMATS)
    return names if longest_first else sorted(names, key=lambda name: not FORMATS[name].slow_to_validate)


def ignore_result(result) -> None:
    if isinstance(result, BaseException):
        raise result


class Renders:
    """Every render a build still needs, in the workers; each output handed to `on_ready` as soon as
    its bytes are known. Failures are kept, and raised together once all have ended."""

    def __init__(self, known, outputs: dict, cache: Cache, on_ready, progress):
        self.known, self.outputs, self.cache = known, outputs, cache
        self.on_ready, self.progress = on_ready, progress
        self.errors: list[str] = []

    def start(self, workers, options: RenderOptions, longest_first: bool) -> None:
        """PDFs first (they take longest), or, when validating, the EPUBs and DOCX files first, so that
        their validators (the slowest) start early."""
        order = render_order(longest_first)
        todo = []
        for item in self.known:
            for output in self.outputs[item.guide.path].values():
                if output.digest is None:
                    todo.append((item, output))
                else:
                    self.on_ready(item, output)
        for item, output in sorted(todo, key=lambda t: order.index(t[1].fmt) if t[1].fmt in order else len(order)):
            workers.add(render_output, output.fmt, item.guide, options, done=self.done_with(item, output),
                        needs=FORMATS[output.fmt].needs if output.fmt in FORMATS else None)

    def done_with(self, item, output: Output):
        def done(result) -> None:
            if isinstance(result, RenderError):
                self.errors.append(str(result))
                return
            if isinstance(result, BaseException):
                raise result
            output.data, output.facts = result
            output.digest = self.cache.put_bytes(output.data)
            self.cache.put(output.key, {"digest": output.digest, "facts": output.facts})
            self.progress.step(item.guide, f"rendered {output.fmt}")
            self.on_ready(item, output)
            if self.cache.has_bytes(output.digest):
                output.data = None  # kept in the cache until it is written: a batch's memory stays flat
        return done

    def raise_errors(self) -> None:
        if self.errors:
            raise RenderError("\n".join(sorted(self.errors)))
