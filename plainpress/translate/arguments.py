"""`plainpress translate`'s arguments, apart from its work (`command`, `workflow`): every run of
plainpress builds the whole parser, and a build has no need of the translation's modules."""
from __future__ import annotations

from pathlib import Path

# The formats of the exchange file, each with its file's suffix
EXTENSIONS = {"docx": "docx", "xliff": "xlf", "po": "po"}


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
