"""The documents a clinic can import: one row per kind, read by every step of the import (the guards,
what the package itself tells, pandoc's reader, how the text is prepared)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..ooxml.package import Package
from ..untrusted import read_text
from . import docx_parts, odt_parts
from .facts import Facts, file_date

# Pandoc's own Markdown, without curly quotes, raw HTML (shown as text, as our reader does) or a YAML
# block (the front matter is read by us, with safe YAML)
PANDOC_MARKDOWN = "markdown-smart-raw_html-yaml_metadata_block"


@dataclass(frozen=True)
class ImportFormat:
    suffixes: tuple[str, ...]
    pandoc: str                                        # pandoc's reader, with the extensions chosen
    parts: Callable[[Package], Facts] | None = None    # a package: what its own parts tell
    front_matter: bool = False                         # our Markdown: its front matter is read by us


FORMATS = (ImportFormat((".docx",), "docx+styles", docx_parts.facts),
           ImportFormat((".odt",), "odt", odt_parts.facts),
           ImportFormat((".html", ".htm"), "html"),
           ImportFormat((".md", ".markdown"), PANDOC_MARKDOWN, front_matter=True))
FIRST_SUFFIXES = [f.suffixes[0] for f in FORMATS]
KNOWN = ", ".join(FIRST_SUFFIXES[:-1]) + " and " + FIRST_SUFFIXES[-1]   # ".docx, .odt, .html and .md"


def format_of(path: Path) -> ImportFormat | None:
    return next((f for f in FORMATS if Path(path).suffix.lower() in f.suffixes), None)


def read_facts(path: Path, kind: ImportFormat) -> Facts:
    """The facts of a document, after the guards: a package must be sound; any file must be within the
    size limit (and a text file UTF-8)."""
    if kind.parts is not None:
        with Package.open(path) as package:
            found = kind.parts(package)
    else:
        found = Facts(text=read_text(path, "text document", "save it again as .docx, .odt, .html or .md"))
    if found.modified is None:
        found.modified, found.modified_from = file_date(path), "the file"
    return found

