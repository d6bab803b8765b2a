"""The parts of a DOCX that came back from a translator, each read through the guards of `untrusted`.

One small reader per part, in mammoth's manner: the relationships say where each part is (LibreOffice and
Word may name them differently), the styles give each style id its name (LibreOffice changes ids, never
names), the custom properties say what the file was exported from.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..untrusted import UntrustedFileError, open_package, parse_xml, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


@dataclass(frozen=True)
class Relationship:
    type: str      # the last word of its type: "styles", "hyperlink", "comments"...
    target: str    # a part's name in the ZIP, or an outside address
    external: bool


@dataclass
class DocxParts:
    document: etree._Element            # word/document.xml
    styles: dict[str, str]              # style id -> style name
    default_lang: str                   # the document's language (styles' w:lang), "" when none
    links: dict[str, str]               # relationship id -> outside address, for w:hyperlink
    comments: etree._Element | None     # word/comments.xml, when there is one
    properties: dict[str, str]          # custom properties (File > Properties > Custom), by name


def read_parts(path: Path) -> DocxParts:
    path = Path(path)
    with open_package(path) as package:
        def xml(name: str) -> etree._Element:
            return parse_xml(read_member(path, package, name), path, name)

        def member(name: str) -> etree._Element | None:
            return xml(name) if name in package.namelist() else None

        top = relationships(member("_rels/.rels"), "")
        main = next((r.target for r in top.values() if r.type == "officeDocument"), None)
        if main is None or main not in package.namelist():
            raise UntrustedFileError(path, "not a DOCX file (it has no main document)",
                                     "open it in Word or LibreOffice and save it as .docx")
        rels = relationships(member(rels_name(main)), posixpath.dirname(main))
        styles = part_of(rels, "styles", member)
        comments = part_of(rels, "comments", member)
        custom = next((member(r.target) for r in top.values() if r.type == "custom-properties"), None)
        return DocxParts(xml(main), style_names(styles), default_language(styles),
                         {rid: r.target for rid, r in rels.items() if r.type == "hyperlink" and r.external},
                         comments, custom_properties(custom))


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relationships(root: etree._Element | None, folder: str) -> dict[str, Relationship]:
    """Relationship id -> relationship; a target inside the package is made a ZIP member name."""
    found = {}
    for rel in (root.iter(f"{REL}Relationship") if root is not None else ()):
        target, external = rel.get("Target", ""), rel.get("TargetMode") == "External"
        if not external:  # relative to the part's folder, or to the package's root when it starts with "/"
            target = posixpath.normpath(target[1:] if target.startswith("/") else posixpath.join(folder, target))
        found[rel.get("Id")] = Relationship(rel.get("Type", "").rsplit("/", 1)[-1], target, external)
    return found


def part_of(rels: dict[str, Relationship], kind: str, member) -> etree._Element | None:
    return next((member(r.target) for r in rels.values() if r.type == kind and not r.external), None)


def style_names(styles: etree._Element | None) -> dict[str, str]:
    if styles is None:
        return {}
    return {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
            for s in styles.iter(f"{W}style") if s.find(f"{W}name") is not None}


def default_language(styles: etree._Element | None) -> str:
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang") if styles is not None else None
    return lang.get(f"{W}val", "") if lang is not None else ""


def custom_properties(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}
    return {p.get("name"): "".join(p.itertext()) for p in root.iter(f"{CUSTOM}property")}
