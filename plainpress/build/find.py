"""The build's first stage: the sources to build, from the paths given (a guide's folder, a <lang>.md
file, a folder of guides), in the languages asked for and the shard this run owns; a path that is none
of these is a BuildInputError that says what there is instead."""
from __future__ import annotations

from pathlib import Path

from ..languages import is_language_tag
from .result import BuildInputError
from .shard import Shard


def in_shard(sources: list[Path], shard: Shard | None) -> list[Path]:
    return [p for p in sources if shard is None or shard.owns(p)]


def find_sources(paths: list[Path], langs: tuple[str, ...]) -> list[Path]:
    """Each path is a guide's folder, one `<lang>.md`, or a folder of guide folders; every path that
    gives nothing is reported at once. Language tags match whatever their case (`pt-br` is `pt-BR.md`)."""
    found, problems = [], []
    for path in paths:
        try:
            found += in_languages(sources_at(path), langs, path)
        except BuildInputError as err:
            problems.append(str(err))
    if problems:
        raise BuildInputError("\n".join(problems))
    return found


def sources_at(path: Path) -> list[Path]:
    if path.is_dir():  # a guide's folder, or a folder of guides
        sources = language_files(path) or [p for folder in sorted(path.iterdir()) if folder.is_dir()
                                           for p in language_files(folder)]
        if not sources:
            raise BuildInputError(f"{path}: no <lang>.md source in this folder or the folders in it; a guide is "
                                  "a folder holding files named after their language, such as en.md and es.md")
        return sources
    if path.is_file():
        if path.suffix.lower() != ".md":
            raise BuildInputError(f"{path}: not a Markdown source; give a <lang>.md file such as "
                                  f"{path.with_name('en.md')}, or the guide's folder {path.parent}")
        return [path]
    raise BuildInputError(no_such_path(path))


def language_files(folder: Path) -> list[Path]:
    """The sources in a guide's folder: README.md and the like are not."""
    return [p for p in sorted(folder.glob("*.md")) if is_language_tag(p.stem)]


def no_such_path(path: Path) -> str:
    """Say what is there instead, so that a typo or a letter in the wrong case is easy to see."""
    spelled = spelled_otherwise(path)
    if spelled is not None:
        return f"{path}: no such file or folder; did you mean {spelled}? (letter case matters)"
    if path.suffix.lower() == ".md" and path.parent.is_dir() and language_files(path.parent):
        return (f"{path}: no such file; {path.parent} has: "
                + ", ".join(p.stem for p in language_files(path.parent)))
    return (f"{path}: no such file or folder; give a guide's folder such as source/my-guide "
            "or a file such as source/my-guide/en.md")


def spelled_otherwise(path: Path) -> Path | None:
    """The existing path that differs from `path` only in letter case, if exactly one does."""
    found = Path(path.anchor)
    for part in path.parts[1 if path.anchor else 0:]:
        if part in (".", "..") or (found / part).exists():
            found /= part
            continue
        try:
            same = [c for c in found.iterdir() if c.name.lower() == part.lower()]
        except OSError:
            return None
        if len(same) != 1:
            return None
        found = same[0]
    return found if found != path else None


def in_languages(sources: list[Path], langs: tuple[str, ...], path: Path) -> list[Path]:
    """The sources in the languages asked for; none of them is bad input naming the languages there are."""
    wanted = {lang.lower() for lang in langs}
    chosen = [p for p in sources if not wanted or p.stem.lower() in wanted]
    if not chosen:
        there = sorted({p.stem for p in sources}, key=str.lower)
        asked = " or ".join(f"`{lang}`" for lang in langs)
        raise BuildInputError(f"no {asked} source in {path}; it has: {', '.join(there)}")
    return chosen
