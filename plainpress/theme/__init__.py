"""A clinic's theme: a folder holding theme.yaml (organisation, logo, contact block, accent colour,
paper) and, optionally, `templates/` with files named like ours that replace them.

`load_theme` reads and checks all of it before anything is rendered, every problem at once; `wear`
(in .wear) puts it on one guide for the renderers; `explain_failures` (in .overrides) points a
validator's failure back at the theme.
"""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlainpressError
from ..source.problems import Problems, SourceError

Texts = tuple[tuple[str, str], ...]   # (language tag, text): one text, or one per language


@dataclass(frozen=True)
class Contact:
    phone: str = ""
    questions: Texts = ()   # the "Questions? Call ..." line; made from `phone` in each language when not given
    address: Texts = ()
    hours: Texts = ()
    web: str = ""


@dataclass(frozen=True)
class Theme:
    folder: Path
    organisation: Texts
    lang: str = "en"                  # the language of texts given once rather than per language
    logo: bytes = field(default=b"", repr=False)
    logo_file: str = ""               # its name in the theme's folder
    logo_alt: Texts = ()
    accent: str = "#000"              # rules and call-out borders; 3:1 or more against white
    paper: str = ""                   # the clinic's paper, the default for --paper
    contact: Contact | None = None
    overrides: tuple[str, ...] = ()   # the names of our templates that the theme replaces
    digest: str = ""                  # of every file of the theme: a cache keyed on the options sees any edit

    @property
    def locales(self) -> tuple[Path, ...]:
        """The theme's own label catalogs (`locales/<lang>/LC_MESSAGES/plainpress.po`), read before ours."""
        folder = self.folder / "locales"
        return (folder,) if folder.is_dir() else ()

    @property
    def yaml_path(self) -> Path:
        return self.folder / "theme.yaml"

    @property
    def templates(self) -> Path | None:
        """The folder of template overrides, when there are any."""
        return self.folder / "templates" if self.overrides else None


class ThemeError(PlainpressError):
    """The theme folder or its theme.yaml is not there."""


def load_theme(folder: Path) -> Theme:
    """The theme in `folder`, read and checked; SourceError lists every problem of theme.yaml and
    of the template overrides, each as `file:line: what is wrong; how to fix it`."""
    from .overrides import check_overrides
    from .settings import read_theme_yaml

    folder = Path(folder)
    if not (folder / "theme.yaml").is_file():
        raise ThemeError(no_theme_here(folder))
    problems = Problems(str(folder / "theme.yaml"))
    values = read_theme_yaml(folder, problems)
    found, overrides = check_overrides(folder / "templates")
    every = sorted(problems.found, key=lambda p: p.loc.line) + found
    if every:
        raise SourceError(every)
    return Theme(folder=folder, **values, overrides=overrides,
                 digest=digest(folder, values.get("logo_file", ""), overrides))


def no_theme_here(folder: Path) -> str:
    if folder.is_dir():
        return (f"{folder}: no theme.yaml in this folder; a theme is a folder holding theme.yaml "
                "(examples/clinic-theme shows one)")
    parent = folder.parent if folder.parent.is_dir() else None
    close = difflib.get_close_matches(folder.name, [p.name for p in parent.iterdir() if p.is_dir()], n=1) if parent else []
    hint = f"did you mean {folder.parent / close[0]}?" if close else "give the folder that holds theme.yaml"
    return f"{folder}: no such theme folder; {hint}"


def digest(folder: Path, logo_file: str, overrides: tuple[str, ...]) -> str:
    files = ["theme.yaml", *([logo_file] if logo_file else []), *(f"templates/{name}" for name in overrides)]
    sha = hashlib.sha256()
    for name in files:
        sha.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return sha.hexdigest()


__all__ = ["Contact", "Texts", "Theme", "ThemeError", "load_theme"]
