"""`plainpress translate export|import`: the command line of the translation round trip."""
from __future__ import annotations

from pathlib import Path

from ..render import RenderOptions
from .workflow import EXTENSIONS, WorkflowError, export, import_file

EXIT_OK = 0


def add_parser(sub, settings) -> None:
    text = "send a guide to translators (export) and bring their work back into the source (import)"
    t = sub.add_parser("translate", help=text, description=text)
    steps = t.add_subparsers(dest="step", title="steps", metavar="STEP", required=True)
    e = steps.add_parser("export", help="write a file for translators: DOCX (default), XLIFF 1.2 or PO",
                         description="Write OUT/<guide>/translation/<guide>-<from>-<to>.<ext> for each language.")
    e.add_argument("guide", type=Path, help="the guide's folder, e.g. source/als-basics")
    e.add_argument("--to", required=True, help="target languages, comma-separated BCP 47 tags: --to es,fr")
    e.add_argument("--format", default="docx", help=f"comma-separated from {','.join(EXTENSIONS)} (default: docx)")
    e.add_argument("--from", dest="from_lang", default="",
                   help="the source language (default: the guide's one source that is not a translation, else en)")
    e.add_argument("--out", type=Path, default=settings.out, help=f"(default: {settings.out}/)")
    e.add_argument("--paper", type=str.lower, default=settings.paper, help="page size of the DOCX")
    i = steps.add_parser("import", help="bring a translated .docx, .xlf or .po back into source/<guide>/<lang>.md",
                         description="Write <source-dir>/<guide>/<lang>.md and its record; nothing is written "
                                     "unless every part of the file maps onto the source.")
    i.add_argument("file", type=Path, help="the translated file, as the translator sent it back")
    i.add_argument("--source-dir", type=Path, default=settings.source, help=f"(default: {settings.source}/)")


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
