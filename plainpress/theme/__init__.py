"""A clinic's theme: a folder holding theme.yaml (organisation, logo, contact block, accent colour,
paper) and, optionally, `templates/` with files named like ours that replace them.

`load_theme` reads and checks all of it before anything is rendered, every problem at once; `wear`
(in .wear) puts it on one guide for the renderers; `explain_failures` (in .overrides) points a
validator's failure back at the theme.
"""
from __future__ import annotations

import difflib
import hashlib
from pathlib import Path

from ..errors import PlainpressError
from ..source.problems import Problems, SourceError
from .record import Contact, Texts, Theme

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
