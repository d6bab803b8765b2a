"""The build, as a list of stages: find, read, check, render, write, report."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .checks import run_checks
from .checks.readability import ReadingReport
from .files import exclusive, remove_stale_temporaries, write_atomic
from .findings import Finding
from .render import RenderError, RenderOptions, renderers
from .report import write_reports
from .source import SourceError, read_guide
from .languages import is_language_tag
from .validate import ToolResult, validate_outputs

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

    def failed_validators(self) -> list[ToolResult]:
        return [r for results in self.validation.values() for r in results if r.checked and not r.passed]


def build(paths: list[Path], formats: tuple[str, ...], langs: tuple[str, ...], out: Path,
          options: RenderOptions, render: bool = True, validate: bool = False,
          report_root: Path = Path(".")) -> list[GuideResult]:
    """Find, read and check every source; render every guide in memory; then, holding the output
    folder, write, validate and report. Bad input or a failed render leaves the folder as it was."""
    guides = read_all(find_sources(paths, langs))
    results = [GuideResult(guide, *run_checks(guide)) for guide in guides]
    if not render:
        return results
    rendered = [render_all(result.guide, formats, options) for result in results]
    with exclusive(out):
        for result, files in zip(results, rendered):
            result.out_dir = output_dir(out, result.guide)
            result.outputs = write_all(files, result.out_dir, result.guide)
        for result in results:
            if validate:
                result.validation = validate_outputs(result.outputs, result.guide)
            write_reports(result, report_root)
    return results


def find_sources(paths: list[Path], langs: tuple[str, ...]) -> list[Path]:
    """Each path is a guide's folder, one `<lang>.md`, or a folder of guide folders."""
    found, missing = [], []
    for path in paths:
        if path.is_file() and path.suffix == ".md":
            found.append(path)
        elif path.is_dir():  # a guide's folder, or a folder of guides; README.md and the like are not sources
            found += ([p for p in sorted(path.glob("*.md")) if is_language_tag(p.stem)]
                      or [p for p in sorted(path.glob("*/*.md")) if is_language_tag(p.stem)])
        else:
            missing.append(f"{path}: not a guide folder or a .md source; give a folder such as source/my-guide "
                           "or a file such as source/my-guide/en.md")
    if missing:
        raise BuildInputError("\n".join(missing))
    found = [p for p in found if not langs or p.stem in langs]
    if not found:
        raise BuildInputError("no sources to build: " + ", ".join(map(str, paths))
                              + (f" (languages {', '.join(langs)})" if langs else "")
                              + "; a guide is a folder holding <lang>.md files")
    return found


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



__all__ = ["build", "BuildInputError", "RenderError", "SourceError", "GuideResult"]
