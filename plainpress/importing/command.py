"""`plainpress import FILE`: a clinic's own handout -> source/<guide>/<lang>.md and its pictures, what
still needs a person (`file:line: what; how to fix`), then the same checks as `plainpress check`.

Exit status: 0 imported, and the source reads cleanly; 1 imported, but the source does not build until
the problems listed last are mended (a picture without alt text); 2 nothing written (refused, or bad input).
Its arguments are `arguments.py`'s (read by every run of plainpress, so without this module's imports).
"""
from __future__ import annotations

from pathlib import Path

from .. import build as pipeline
from ..build import report
from ..render import RenderOptions
from ..source import SourceError
from .findings import line_text
from .importer import import_document, write_imported

EXIT_OK, EXIT_TO_MEND = 0, 1


def run(args) -> int:
    imported = import_document(args.file, args.source_dir, args.guide, args.lang)   # a refusal is the
    written = write_imported(imported, args.force)                                    # command line's to say
    target = written[0]
    pictures = len(imported.pictures)
    print(f"wrote {target}" + (f" and {pictures} picture{'s' if pictures > 1 else ''} beside it" if pictures else ""))
    if imported.findings:
        print(f"\n{len(imported.findings)} thing{'s' if len(imported.findings) > 1 else ''} to look at:")
        for finding in imported.findings:
            print(line_text(finding))
    print(f"\n`plainpress check {target}`:")
    return check(target)


def check(target: Path) -> int:
    """The checks of `plainpress check`, on the written source."""
    try:
        results = pipeline.build([target], (), (), Path("output"), RenderOptions(), render=False)
    except SourceError as err:
        print(err)
        print(f"\nnext: mend the lines above, then `plainpress build {target.parent}`")
        return EXIT_TO_MEND
    print(report.summary(results, Path.cwd(), every_finding=True))
    print(f"\nnext: `plainpress build {target.parent}`")
    return EXIT_OK
