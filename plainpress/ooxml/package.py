"""A DOCX opened once behind the guards: each part parsed when first asked for, and found through the
package's relationships (Word, LibreOffice and Google Docs name parts differently), never by fixed names."""
from __future__ import annotations

import contextlib
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..untrusted import UntrustedFileError, open_package, parse_xml, read_member
from .names import REL

ROOT = ""   # the package itself, as the source of relationships: `_rels/.rels`


@dataclass(frozen=True)
class Relationship:
    type: str      # the last word of its type: "officeDocument", "styles", "hyperlink", "header"...
    target: str    # a part's name in the ZIP, or an outside address
    external: bool


class Package:
    def __init__(self, path: Path, archive: zipfile.ZipFile):
        self.path, self.archive, self._xml = Path(path), archive, {}

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: Path):
        with open_package(Path(path)) as archive:
            yield cls(path, archive)

    def has(self, name: str) -> bool:
        return name in self.archive.namelist()

    def bytes(self, name: str, limit: int | None = None) -> bytes:
        return read_member(self.path, self.archive, name, *(() if limit is None else (limit,)))

    def xml(self, name: str) -> etree._Element | None:
        """A part's XML, parsed once; None when the package has no such part."""
        if name not in self._xml:
            self._xml[name] = parse_xml(self.bytes(name), self.path, name) if self.has(name) else None
        return self._xml[name]

    @property
    def main(self) -> str:
        """The main document's part name (`word/document.xml` as Word writes it)."""
        name = self._main()
        if not name or not self.has(name):
            raise UntrustedFileError(self.path, "not a DOCX file (it has no main document)",
                                     "open it in Word or LibreOffice and save it as .docx")
        return name

    def _main(self) -> str:
        return next((r.target for r in self.relationships(ROOT).values() if r.type == "officeDocument"), "")

    @property
    def document(self) -> etree._Element:
        return self.xml(self.main)

    def relationships(self, part: str | None = None) -> dict[str, Relationship]:
        """Relationship id -> relationship of a part (the main document when None; ROOT: the package's)."""
        part = self.main if part is None else part
        return relationships(self.xml(rels_name(part)), posixpath.dirname(part))

    def related(self, kind: str, part: str | None = None) -> list[str]:
        """The names of the parts inside the package that `part` relates to as `kind`, sorted."""
        return sorted(r.target for r in self.relationships(part).values()
                      if r.type == kind and not r.external and self.has(r.target))

    def part(self, kind: str, part: str | None = None) -> etree._Element | None:
        """The first part of a kind (`styles`, `settings`, `core-properties` of ROOT...), or None."""
        names = self.related(kind, part)
        return self.xml(names[0]) if names else None

    def parts(self, kind: str, part: str | None = None) -> list[etree._Element]:
        return [self.xml(name) for name in self.related(kind, part)]

    def links(self, part: str | None = None) -> dict[str, str]:
        """Relationship id -> outside address, for the `w:hyperlink` of a part."""
        return {rid: r.target for rid, r in self.relationships(part).items() if r.type == "hyperlink" and r.external}

    def member(self, name: str) -> str | None:
        """A member named as given, or as the main document names it (pandoc's `media/image1.png` is
        `word/media/image1.png` in Word's package); None when the package has neither."""
        if self.has(name):
            return name
        main = self._main()
        inside = posixpath.normpath(posixpath.join(posixpath.dirname(main), name))
        return inside if main and self.has(inside) else None


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
