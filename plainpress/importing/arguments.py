"""`plainpress import`'s arguments, apart from its work (`command`): every run of plainpress builds the
whole parser, and a build has no need of the importer, the source writer and the DOCX reader."""
from __future__ import annotations

from pathlib import Path


def add_parser(sub, settings) -> None:
    text = "bring in a handout you already have (.docx, .odt, .html or .md) as a guide's source"
    i = sub.add_parser("import", help=text, description=text + f": writes {settings.source}/<guide>/<lang>.md and "
                       "its pictures, lists what still needs a person, and checks the result.",
                       epilog="Exit status: 0 imported; 1 imported, but it does not build until the problems "
                              "listed last are mended; 2 nothing written.")
    i.add_argument("file", type=Path, help="the document: .docx, .odt, .html or .md")
    i.add_argument("--guide", default="", help="the guide's folder name (default: made from the title)")
    i.add_argument("--lang", default="", help="its language, a BCP 47 tag (default: what the document says)")
    i.add_argument("--source-dir", type=Path, default=settings.source, help=f"(default: {settings.source}/)")
    i.add_argument("--force", action="store_true", help="replace a source that is already there")
