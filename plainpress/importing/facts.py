"""What pandoc does not tell about a document, read from its own parts through the guards: its
properties (title, author, organisation, last change, language), tracked changes (refused), and what
a source cannot hold (boxes, text boxes, headers and footers, fields, coloured words, SmartArt,
comments in ODT), each with enough of its words to find its place."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

@dataclass
class Facts:
    title: str = ""
    author: str = ""
    organisation: str = ""
    modified: dt.date | None = None
    modified_from: str = "the document"
    lang: str = ""
    lang_from: str = ""                                 # where the language was found, for the findings
    tracked: int = 0                                    # tracked changes not yet accepted or rejected
    boxed: list[str] = field(default_factory=list)      # paragraphs in a border or shading
    text_boxes: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)    # the words of page headers and footers
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (field, what it showed, its paragraph)
    coloured: list[tuple[str, str]] = field(default_factory=list)     # (the words, their paragraph)
    diagrams: list[str] = field(default_factory=list)   # the words of each SmartArt graphic
    comments: list[tuple[str, str]] = field(default_factory=list)     # (author, words): ODT only; pandoc has DOCX's
    text: str = ""                                      # a Markdown or HTML file's text


def file_date(path: Path) -> dt.date:
    """The day the file was last changed: what a document that records no date of its own still tells."""
    return dt.date.fromtimestamp(path.stat().st_mtime)


def plain_date(text: str) -> dt.date | None:
    """The day of an ISO 8601 date and time (`2026-03-01T10:00:00Z`), or None."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def squeezed(text: str) -> str:
    return " ".join(text.split())
