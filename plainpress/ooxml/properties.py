"""A package's properties: the core (title, author, last change, language), the extended (company) and
the custom properties (File > Properties > Custom), each found through the package's relationships."""
from __future__ import annotations

from dataclasses import dataclass

from .names import CUSTOM, NS
from .package import ROOT, Package


@dataclass(frozen=True)
class Properties:
    title: str = ""
    creator: str = ""
    modified: str = ""      # as written: an ISO 8601 date and time
    language: str = ""
    company: str = ""


def properties(package: Package) -> Properties:
    core, app = package.part("core-properties", ROOT), package.part("extended-properties", ROOT)
    found = {}
    if core is not None:
        found = {"title": core.findtext("dc:title", "", NS), "creator": core.findtext("dc:creator", "", NS),
                 "modified": core.findtext("dcterms:modified", "", NS),
                 "language": core.findtext("dc:language", "", NS).strip()}
    if app is not None:
        found["company"] = app.findtext("ep:Company", "", NS)
    return Properties(**found)


def custom_properties(package: Package) -> dict[str, str]:
    root = package.part("custom-properties", ROOT)
    if root is None:
        return {}
    return {p.get("name"): "".join(p.itertext()) for p in root.iter(f"{CUSTOM}property")}
