"""`plainpress translate export|import`: the command line of the translation round trip (its arguments are
`arguments.py`'s, read by every run of plainpress, so without this module's imports)."""
from __future__ import annotations

from ..render import RenderOptions
from .arguments import EXTENSIONS
from .workflow import WorkflowError, export, import_file

EXIT_OK = 0


def run(args) -> int:
    """A refusal (a PlainpressError) is said by the command line."""
    return run_export(args) if args.step == "export" else run_import(args)


def run_export(args) -> int:
    targets = [t.strip() for t in args.to.split(",") if t.strip()]
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    unknown = [f for f in formats if f not in EXTENSIONS]
    if unknown or not formats or not targets:
        raise WorkflowError(f"--format {', '.join(unknown) or '(none)'}: choose from {', '.join(EXTENSIONS)}"
                            if unknown or not formats else "--to: give at least one language, e.g. --to es")
    for path in export(args.guide, targets, formats, args.out, args.from_lang, RenderOptions(paper=args.paper)):
        print(f"wrote {path}")
    return EXIT_OK


def run_import(args) -> int:
    done = import_file(args.file, args.source_dir)
    print(f"wrote {done.target} and its record {done.target.with_name(done.target.stem + '.translation.json').name}")
    for line in done.replaced:
        print(f"  replaced {line}")
    for note in done.notes:
        print(f"  {args.file}: {note}")
    print(f"next: `plainpress check {done.target}` lists what is not translated yet, then `plainpress build`")
    return EXIT_OK
