"""The build, as a list of stages: find, read, check, render, write, validate, report, index."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .checks import run_checks
from .checks.readability import ReadingReport
from .checks.translation import current_share
from .files import exclusive, remove_stale_temporaries, write_atomic
from .findings import Finding
from .render import RenderError, RenderOptions, renderers
from .report import write_reports
from .source import SourceError, read_guide
from .theme.overrides import explain_failures
from .theme.wear import contact_problems
from .translate.memory import Origin, read_origin
from .languages import is_language_tag
from . import validate as validation
from .index import record_checks, write_index
from .validate import ToolResult, run_safely, validate_outputs

log = logging.getLogger("plainpress")


class BuildInputError(Exception):
    """Bad input: every problem in every source, or a path that is not a guide."""


@dataclass
class GuideResult:
    guide: m.Guide
    reading: ReadingReport
    findings: list[Finding]
    outputs: dict[str, Path] = field(default_factory=dict)
    validation: dict[str, list[ToolResult]] = field(default_factory=dict)
    out_dir: Path | None = None   # where its outputs and reports were written
    origin: Origin | None = None  # a translation's source and record

    def translation_current(self) -> float | None:
        """The share of a translation that translates the present source; None for a source guide."""
        return current_share(self.guide, self.origin.source, self.origin.record) if self.origin else None

    def failed_validators(self) -> list[ToolResult]:
        return [r for results in self.validation.values() for r in results if r.checked and not r.passed]


def build(paths: list[Path], formats: tuple[str, ...], langs: tuple[str, ...], out: Path,
          options: RenderOptions, render: bool = True, validate: bool = False,
          report_root: Path = Path(".")) -> list[GuideResult]:
    """Find, read and check every source; render every guide in memory; then, holding the output
    folder, write, validate and report. Bad input or a failed render leaves the folder as it was."""
    guides = read_all(find_sources(paths, langs))
    check_theme_use(guides, options)
    origins = read_origins(guides)
    results = [GuideResult(guide, *run_checks(guide, origins.get(guide.path)), origin=origins.get(guide.path))
               for guide in guides]
    if not render:
        return results
    rendered = [render_all(result.guide, formats, options) for result in results]
    with exclusive(out):
        for result, files in zip(results, rendered):
            result.out_dir = output_dir(out, result.guide)
            result.outputs = write_all(files, result.out_dir, result.guide)
        for result in results:
            if validate:
                result.validation = explain_failures(validate_outputs(result.outputs, result.guide), options.theme)
            write_reports(result, report_root)
        write_library_index(out, validate)
    return results


def find_sources(paths: list[Path], langs: tuple[str, ...]) -> list[Path]:
    """Each path is a guide's folder, one `<lang>.md`, or a folder of guide folders; every path that
    gives nothing is reported at once. Language tags match whatever their case (`pt-br` is `pt-BR.md`)."""
    found, problems = [], []
    for path in paths:
        try:
            found += in_languages(sources_at(path), langs, path)
        except BuildInputError as err:
            problems.append(str(err))
    if problems:
        raise BuildInputError("\n".join(problems))
    return found


def sources_at(path: Path) -> list[Path]:
    if path.is_dir():  # a guide's folder, or a folder of guides
        sources = language_files(path) or [p for folder in sorted(path.iterdir()) if folder.is_dir()
                                           for p in language_files(folder)]
        if not sources:
            raise BuildInputError(f"{path}: no <lang>.md source in this folder or the folders in it; a guide is "
                                  "a folder holding files named after their language, such as en.md and es.md")
        return sources
    if path.is_file():
        if path.suffix.lower() != ".md":
            raise BuildInputError(f"{path}: not a Markdown source; give a <lang>.md file such as "
                                  f"{path.with_name('en.md')}, or the guide's folder {path.parent}")
        return [path]
    raise BuildInputError(no_such_path(path))


def language_files(folder: Path) -> list[Path]:
    """The sources in a guide's folder: README.md and the like are not."""
    return [p for p in sorted(folder.glob("*.md")) if is_language_tag(p.stem)]


def no_such_path(path: Path) -> str:
    """Say what is there instead, so that a typo or a letter in the wrong case is easy to see."""
    spelled = spelled_otherwise(path)
    if spelled is not None:
        return f"{path}: no such file or folder; did you mean {spelled}? (letter case matters)"
    if path.suffix.lower() == ".md" and path.parent.is_dir() and language_files(path.parent):
        return (f"{path}: no such file; {path.parent} has: "
                + ", ".join(p.stem for p in language_files(path.parent)))
    return (f"{path}: no such file or folder; give a guide's folder such as source/my-guide "
            "or a file such as source/my-guide/en.md")


def spelled_otherwise(path: Path) -> Path | None:
    """The existing path that differs from `path` only in letter case, if exactly one does."""
    found = Path(path.anchor)
    for part in path.parts[1 if path.anchor else 0:]:
        if part in (".", "..") or (found / part).exists():
            found /= part
            continue
        try:
            same = [c for c in found.iterdir() if c.name.lower() == part.lower()]
        except OSError:
            return None
        if len(same) != 1:
            return None
        found = same[0]
    return found if found != path else None


def in_languages(sources: list[Path], langs: tuple[str, ...], path: Path) -> list[Path]:
    """The sources in the languages asked for; none of them is bad input naming the languages there are."""
    wanted = {lang.lower() for lang in langs}
    chosen = [p for p in sources if not wanted or p.stem.lower() in wanted]
    if not chosen:
        there = sorted({p.stem for p in sources}, key=str.lower)
        asked = " or ".join(f"`{lang}`" for lang in langs)
        raise BuildInputError(f"no {asked} source in {path}; it has: {', '.join(there)}")
    return chosen


def read_all(sources: list[Path]) -> list[m.Guide]:
    """Read every source before writing anything; report the problems of all of them at once."""
    guides, problems = [], []
    for path in sources:
        try:
            guides.append(read_guide(path))
        except SourceError as err:
            problems += err.problems
    if problems:
        raise SourceError(problems)
    return guides


def check_theme_use(guides: list[m.Guide], options: RenderOptions) -> None:
    """A `::: contact` call-out needs a theme with a contact block: bad input, before anything is written."""
    problems = contact_problems(guides, options.theme)
    if problems:
        raise SourceError(problems)


def read_origins(guides: list[m.Guide]) -> dict[Path, Origin]:
    """Each translated guide's source and record, read before anything is written."""
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


def render_all(guide: m.Guide, formats: tuple[str, ...], options: RenderOptions) -> dict[str, bytes]:
    """Every format in memory first: a failure in one leaves the files on disk as they were."""
    table = renderers()
    files = {}
    for fmt in formats:
        log.info("rendering %s %s (%s)", guide.slug, guide.meta.lang, fmt)
        files[fmt] = table[fmt](guide, options)
    return files


def write_all(files: dict[str, bytes], folder: Path, guide: m.Guide) -> dict[str, Path]:
    remove_stale_temporaries(folder)
    written = {}
    for fmt, data in files.items():
        path = folder / f"{guide.slug}-{guide.meta.lang}.{fmt}"
        write_atomic(path, data)
        written[fmt] = path
    return written


def output_dir(out: Path, guide: m.Guide) -> Path:
    return out / guide.slug / guide.meta.lang


def write_library_index(out: Path, validate: bool) -> None:
    """The index of every guide in the output folder (this build's and earlier ones'), checked like
    a guide's web page when the build validates."""
    page = write_index(out)
    if validate:
        checks = validation.validators("html")
        record_checks(out, [run_safely(tool, check, page, None) for tool, check in checks])


__all__ = ["build", "BuildInputError", "RenderError", "SourceError", "GuideResult"]
