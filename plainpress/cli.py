"""The command line: `plainpress build` and `plainpress check` (also `python build.py`)."""
from __future__ import annotations

import argparse
import gc
import logging
import sys
from importlib import import_module
from pathlib import Path

from . import build as pipeline
from .build.cache import Cache
from .build.progress import Progress
from .build.shard import Shard
from .build.verdict import EXIT_OK, finish
from .build.workers import default_jobs
from .config import load_settings, render_options
from .errors import PlainpressError
from .languages import is_language_tag
from .lifetime import Stopped, exit_status, stopping
from .render import FORMATS, PAPERS

EXIT_INPUT = 2


COMMANDS = ("build", "check", "translate", "new", "import", "serve", "cache")


def parser(settings) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="plainpress", description=(
        "Build patient guides from one Markdown source into a large-print PDF, an editable DOCX, an EPUB 3 "
        "and a web page, checking their reading level on the way, with an index of them all."), epilog=(
        "Without a command, build is meant: `plainpress source/my-guide` builds one guide. "
        "`plainpress build --help` lists the options. Settings come from [tool.plainpress] in the nearest "
        "pyproject.toml from the current folder upwards; paths in it are relative to that folder."))
    p.add_argument("--version", action=VersionAction)
    sub = p.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for name, text in (("build", "check and render guides into the output folder (the default)"),
                       ("check", "only read and check guides; write nothing")):
        c = sub.add_parser(name, help=text, description=text, epilog=(
            "Commands: `plainpress build` (the default) and `plainpress check`. Exit status: 0 done, "
            "1 a check made strict failed, 2 bad input (every problem is listed as file:line). "
            "Language tags, formats and paper sizes may be written in any case."))
        c.add_argument("paths", nargs="*", type=Path,
                       help=f"guide folders or <lang>.md files, anywhere on disk (default: every guide in {settings.source}/)")
        c.add_argument("--lang", default="", help="only these languages, comma-separated BCP 47 tags: --lang en,es")
        c.add_argument("--strict", action="store_true",
                       help="fail (exit 1) when a check finds a problem, e.g. a section above its reading grade")
        c.add_argument("-q", "--quiet", action="store_true", help="print only problems")
        c.add_argument("-v", "--verbose", action="store_true",
                       help="also print each validator's counts (structure tags, rules, characters checked)")
        c.add_argument("--theme", type=Path, default=settings.theme, metavar="DIR",
                       help="a clinic's theme: a folder holding theme.yaml (logo, contact block, accent colour, "
                            "paper) and template overrides" + (f" (default: {settings.theme})" if settings.theme else ""))
        c.add_argument("--jobs", "-j", type=jobs_count, default=default_jobs(),
                       help=f"processes that work at once, this one among them (default: the cores here, {default_jobs()})")
        if name == "build":
            add_build_options(c, settings)
    from .importing import arguments as import_arguments   # the arguments alone: a build never loads
    from .translate import arguments as translate_arguments  # the importer nor the translation
    for add_parser in (translate_arguments.add_parser, add_new_parser, import_arguments.add_parser,
                       other_command("serve").add_parser, other_command("cache").add_parser):
        add_parser(sub, settings)
    return p


def parse(p: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """As `parse_args`, but an argument no parser knows is refused under the usage of the command it
    was given to (`plainpress serve: error: ...`), not under the general one."""
    args, unknown = p.parse_known_args(argv)
    if unknown:
        chosen_parser(p, args).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def chosen_parser(p: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The innermost command's parser (`translate export`'s, say) that `args` were read with."""
    while True:
        commands = next((a for a in p._actions if isinstance(a, argparse._SubParsersAction)), None)
        name = getattr(args, commands.dest, None) if commands else None
        if name not in (commands.choices if commands else {}):
            return p
        p = commands.choices[name]


# Commands of modules of their own, imported when the command runs (the parser reads their packages'
# `arguments`; serve's and cache's modules are light enough to hold their own)
OTHER_COMMANDS = {"translate": "translate.command", "import": "importing.command", "serve": "serve.command",
                  "cache": "build.cache_command"}


def other_command(name: str):
    return import_module(f".{OTHER_COMMANDS[name]}", __package__)


class VersionAction(argparse.Action):
    """--version, looked up only when asked for (reading package metadata costs every run time)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="show plainpress's version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"plainpress {version()}")
        parser.exit()


def add_new_parser(sub, settings) -> None:
    text = "start a guide from a template that shows every feature and builds cleanly"
    n = sub.add_parser("new", help=text, description=text + f": writes {settings.source}/GUIDE/<lang>.md")
    n.add_argument("guide", help="the guide's folder name, e.g. foot-care")
    n.add_argument("--lang", default="en", help="its language (default: en; en and es have their own template)")
    n.add_argument("--title", default="", help="its title (default: from the folder name)")


def run_new(args, settings) -> int:
    from .new import new_guide
    path = new_guide(settings.source, args.guide, args.lang, args.title)
    print(f"wrote {path}\nnext: edit it, then `plainpress build {path.parent} --strict`")
    return EXIT_OK


def add_build_options(c: argparse.ArgumentParser, settings) -> None:
    c.add_argument("--format", default=",".join(settings.formats),
                   help=f"formats to write, comma-separated from {','.join(FORMATS)} "
                        f"(default: {','.join(settings.formats)})")
    c.add_argument("--paper", type=str.lower, choices=PAPERS, default=None,
                   help=f"PDF page size, {' or '.join(PAPERS)} (default: the theme's, else {settings.paper})")
    c.add_argument("--out", type=Path, default=settings.out,
                   help=f"folder to write into; each guide goes to OUT/<guide>/<lang>/ (default: {settings.out}/)")
    c.add_argument("--no-validate", action="store_true",
                   help="skip re-opening the outputs with the validators (PDF/UA, EPUBCheck, Ace, "
                        "LibreOffice, axe-core); accessibility.json is then not written")
    c.add_argument("--cache", type=Path, default=settings.cache,
                   help=f"the build cache: outputs and results kept between runs (default: {settings.cache}/)")
    c.add_argument("--force", action="store_true",
                   help="rebuild and validate everything, whatever the cache holds (it is refilled)")
    c.add_argument("--shard", default=None, metavar="I/N",
                   help="build only the I-th of N stable parts of the guides (for N machines sharing a build)")


def jobs_count(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a number of processes; give 1 or more, e.g. --jobs 2")
    return int(text)


def version() -> str:
    from importlib import metadata
    try:
        return metadata.version("plainpress")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def with_command(argv: list[str], build_by_default: bool) -> list[str]:
    """The command may be left out: `plainpress source/my-guide` builds. Bare, `plainpress` shows its
    help; `python build.py`, the repository's front door that `make` runs, builds every guide."""
    if not argv:
        return ["build"] if build_by_default else []
    top_level = ("--version",) if build_by_default else ("--version", "-h", "--help")
    return argv if argv[0] in COMMANDS + top_level else ["build", *argv]


def main(argv: list[str] | None = None, *, build_by_default: bool = False) -> int:
    status = command_line(argv, build_by_default)
    if argv is None:  # the program itself (`plainpress`, `python build.py`), which ends now: spared the
        gc.freeze()   # collector's last walk over every object at exit, a tenth of a second for nothing
    return status


def command_line(argv: list[str] | None, build_by_default: bool) -> int:
    argv = with_command(list(sys.argv[1:] if argv is None else argv), build_by_default)
    try:
        settings = load_settings()
    except PlainpressError as err:
        return refused(err, "build")
    if not argv:
        parser(settings).print_help()
        return EXIT_OK
    args = parse(parser(settings), argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    try:
        return run_command(args, settings)
    except PlainpressError as err:   # every refusal, of every command, said here once
        return refused(err, doing(args), one_line=args.command in ONE_LINE)


# A document refused by `import` or a guide by `new` is said in one line (a script can grep it)
ONE_LINE = ("import", "new")


def doing(args) -> str:
    """What the command was asked to do, for the line that says it cannot."""
    return {"new": "start the guide", "translate": f"{getattr(args, 'step', '')} the translation",
            "import": f"import {getattr(args, 'file', '')}"}.get(args.command, args.command)


def refused(err: Exception, what: str, one_line: bool = False) -> int:
    separator = " " if one_line else "\n"
    print(f"plainpress: cannot {what}:{separator}{err}", file=sys.stderr)
    return EXIT_INPUT


def run_command(args, settings) -> int:
    if args.command == "new":
        return run_new(args, settings)
    if args.command in ("translate", "import"):
        return other_command(args.command).run(args)
    if args.command in ("serve", "cache"):
        return other_command(args.command).run(args, settings)
    try:
        with stopping():
            results = pipeline.build(args.paths or default_paths(settings), chosen_formats(args),
                                     chosen_languages(args.lang), getattr(args, "out", settings.out),
                                     render_options(args, settings),
                                     render=args.command == "build",
                                     validate=args.command == "build" and not args.no_validate,
                                     report_root=settings.project,  # report.json names files from the project
                                     run=how_to_run(args, settings))
    except (KeyboardInterrupt, Stopped) as stop:  # SIGTERM (CI cancels a job), Ctrl-C
        print(pipeline.stopped_line(stop, getattr(args, "out", None)), file=sys.stderr, flush=True)
        return exit_status(stop)
    from .build import report
    if args.quiet:
        shown = report.problems(results)
        if shown:
            print(shown)
    else:
        print(report.summary(results, Path.cwd(), every_finding=args.command == "check", verbose=args.verbose))
        if args.command == "build":
            print(f"\nEvery guide in {args.out}, with its checks: {args.out / 'index.html'}")
            used = report.cache_line(results, args.cache)
            if used:
                print(used)
    return finish(results, strict=args.strict)


# What to build ------------------------------------------------------------------------------------

def how_to_run(args, settings) -> pipeline.Run:
    """The cache, the workers, the shard and the progress line; `check` reads findings from the same
    cache (they are kept by source) but writes nothing."""
    building = args.command == "build"
    try:
        shard = Shard.parse(args.shard, settings.source) if building and args.shard else None
    except ValueError as err:
        raise pipeline.BuildInputError(str(err)) from None
    return pipeline.Run(cache=Cache(getattr(args, "cache", settings.cache), force=getattr(args, "force", False),
                                    writable=building, max_size=settings.cache_size),
                        jobs=args.jobs, shard=shard,
                        progress=Progress.on_terminal(args.quiet))


def default_paths(settings) -> list[Path]:
    if not settings.source.is_dir():
        raise pipeline.BuildInputError(
            f"{settings.source}: no such folder; run plainpress in a folder holding source/<guide>/<lang>.md "
            "(or set `source` in [tool.plainpress] of its pyproject.toml), or name a guide's folder")
    return [settings.source]


def chosen_formats(args) -> tuple[str, ...]:
    """--format, in any case; check writes nothing, so it has none."""
    if args.command != "build":
        return ()
    formats = tuple(dict.fromkeys(f.strip().lower() for f in args.format.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise pipeline.BuildInputError(f"--format: unknown format {', '.join(unknown) or '(none)'}; "
                                       f"choose from {', '.join(FORMATS)}")
    return formats


def chosen_languages(text: str) -> tuple[str, ...]:
    """--lang: BCP 47 tags, matched against the file names whatever their case."""
    langs = tuple(dict.fromkeys(x.strip() for x in text.split(",") if x.strip()))
    wrong = [lang for lang in langs if not is_language_tag(lang)]
    if wrong:
        raise pipeline.BuildInputError(f"--lang: {', '.join(wrong)} is not a language tag; "
                                       "use BCP 47 tags such as en, es, pt-BR")
    return langs
