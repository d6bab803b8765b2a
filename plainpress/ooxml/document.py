"""The parts of a DOCX that came back from a translator: the body, the style names (LibreOffice changes
ids, never names), the document's language, the links, the comments and the custom properties that say
what the file was exported from."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .package import Package
from .properties import custom_properties
from .styles import default_language, style_names


@dataclass
class DocxParts:
    document: etree._Element            # the main document (word/document.xml)
    styles: dict[str, str]              # style id -> style name
    default_lang: str                   # the document's language (styles' w:lang), "" when none
    links: dict[str, str]               # relationship id -> outside address, for w:hyperlink
    comments: etree._Element | None     # the comments part, when there is one
    properties: dict[str, str]          # custom properties (File > Properties > Custom), by name


def read_parts(path: Path) -> DocxParts:
    with Package.open(path) as package:
        styles = package.part("styles")
        return DocxParts(package.document, style_names(styles), default_language(styles), package.links(),
                         package.part("comments"), custom_properties(package))
