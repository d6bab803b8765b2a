"""The command line: `plainpress build` and `plainpress check` (also `python build.py`)."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import pipeline, report
from .config import load_settings
from .render import FORMATS, PAPERS, RenderError, RenderOptions
from .source import SourceError

EXIT_OK, EXIT_STRICT, EXIT_INPUT = 0, 1, 2


def parser(settings) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="plainpress", description=(
        "Build patient guides from one Markdown source into a large-print PDF, an editable DOCX and an EPUB 3, "
        "checking their reading level on the way."))
    sub = p.add_subparsers(dest="command")
    for name, text in (("build", "check and render guides into the output folder (the default)"),
                       ("check", "only read and check guides; write nothing")):
        c = sub.add_parser(name, help=text, description=text, epilog=(
            "Commands: `plainpress build` (the default) and `plainpress check`. Exit status: 0 done, "
            "1 a check made strict failed, 2 bad input (every problem is listed as file:line)."))
        c.add_argument("paths", nargs="*", type=Path,
                       help=f"guide folders or <lang>.md files, anywhere on disk (default: every guide in {settings.source})")
        c.add_argument("--lang", default="", help="only these languages, comma-separated BCP 47 tags: --lang en,es")
        c.add_argument("--strict", action="store_true",
                       help="fail (exit 1) when a check finds a problem, e.g. a section above its reading grade")
        c.add_argument("-q", "--quiet", action="store_true", help="print only problems")
        c.add_argument("-v", "--verbose", action="store_true",
                       help="also print each validator's counts (structure tags, rules, characters checked)")
        if name == "build":
            c.add_argument("--format", default=",".join(settings.formats),
                           help=f"formats to write, comma-separated from {','.join(FORMATS)} (default: all)")
            c.add_argument("--paper", choices=PAPERS, default=settings.paper,
                           help=f"PDF page size (default: {settings.paper})")
            c.add_argument("--out", type=Path, default=settings.out,
                           help="folder to write into; each guide goes to OUT/<guide>/<lang>/ (default: output/)")
            c.add_argument("--no-validate", action="store_true",
                           help="skip re-opening the outputs with the validators (PDF/UA, EPUBCheck, Ace, "
                                "LibreOffice); accessibility.json is then not written")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in ("build", "check"):
        argv.insert(0, "build")
    settings = load_settings()
    args = parser(settings).parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    formats = tuple(f.strip() for f in getattr(args, "format", "").split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or (args.command == "build" and not formats):
        print(f"plainpress: unknown format {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)}",
              file=sys.stderr)
        return EXIT_INPUT
    langs = tuple(x.strip() for x in args.lang.split(",") if x.strip())
    try:
        results = pipeline.build(args.paths or [settings.source], formats, langs,
                                 getattr(args, "out", settings.out),
                                 RenderOptions(paper=getattr(args, "paper", settings.paper)),
                                 render=args.command == "build",
                                 validate=args.command == "build" and not args.no_validate,
                                 report_root=Path.cwd())
    except (SourceError, pipeline.BuildInputError, RenderError) as err:
        print(f"plainpress: cannot build:\n{err}", file=sys.stderr)
        return EXIT_INPUT
    if args.quiet:
        shown = report.problems(results)
        if shown:
            print(shown)
    else:
        print(report.summary(results, Path.cwd(), every_finding=args.command == "check", verbose=args.verbose))
    return exit_code(results, strict=args.strict)


def exit_code(results, strict: bool) -> int:
    """1 when something the user made binding fails: with --strict every check and validator,
    otherwise the reading level of a guide that asks for it (`strict_reading: true`)."""
    for result in results:
        if strict and (result.failed_validators() or any(f.severity in ("error", "warning") for f in result.findings)):
            return EXIT_STRICT
        if any(_strict_rule(result, f) for f in result.findings if f.severity in ("error", "warning")):
            return EXIT_STRICT
    return EXIT_OK


def _strict_rule(result, finding) -> bool:
    """A guide can make its own reading level binding with `strict_reading: true`."""
    return result.guide.meta.strict_reading and finding.rule.startswith("reading.")
