"""Defaults from `[tool.plainpress]` in the project's pyproject.toml, which the command line can override.

The project is the folder plainpress runs in: the nearest folder, from the current one upwards, whose
pyproject.toml has a `[tool.plainpress]` table (as pytest and ruff find theirs), or else the current
folder itself. Relative settings resolve against that folder, never against where plainpress is installed.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .sizes import DEFAULT_SIZE, parse_size
from .render import FORMATS, PAPERS, RenderOptions
from .source.problems import Problems

# Where plainpress itself is installed from: only for tools installed beside it (node_modules/).
ROOT = Path(__file__).resolve().parent.parent

TABLE = "[tool.plainpress]"
DEFAULT_CACHE = ".plainpress-cache"  # in the project folder


@dataclass(frozen=True)
class Settings:
    project: Path = Path(".")
    source: Path = Path("source")
    out: Path = Path("output")
    paper: str = "letter"
    formats: tuple[str, ...] = tuple(FORMATS)
    theme: Path | None = None   # a clinic's theme folder (theme.yaml, templates/), used when set
    cache: Path = Path(DEFAULT_CACHE)
    cache_size: int = DEFAULT_SIZE   # bytes: the cache's bound (least recently used out first)


def find_project(start: Path | None = None) -> tuple[Path, Path | None]:
    """The project folder and its pyproject.toml (None when no folder upwards has a [tool.plainpress])."""
    start = (start or Path.cwd()).absolute()
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _plainpress_table(pyproject) is not None:
            return folder, pyproject
    return start, None


def load_settings(start: Path | None = None) -> Settings:
    """The settings of the project around `start` (the current folder); bad values raise SourceError."""
    project, pyproject = find_project(start)
    table = {}
    if pyproject is not None:
        table = _plainpress_table(pyproject)
        _check_table(table, pyproject)
    defaults = Settings()
    return Settings(
        project=_short(project),
        source=_short(project / table.get("source", defaults.source)),
        out=_short(project / table.get("out", defaults.out)),
        paper=table.get("paper", defaults.paper).lower(),
        formats=tuple(f.lower() for f in table.get("formats", defaults.formats)),
        theme=_short(project / table["theme"]) if table.get("theme") else None,
        cache=_short(project / table.get("cache", DEFAULT_CACHE)),
        cache_size=parse_size(table.get("cache_size", DEFAULT_SIZE)),
    )


def _plainpress_table(pyproject: Path) -> dict | None:
    """The [tool.plainpress] table, or None; a file that is not TOML raises SourceError naming its line."""
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        problems = Problems(str(_short(pyproject)))
        at = re.search(r"at line (\d+)", str(err))
        problems.add(int(at.group(1)) if at else 1, f"not valid TOML ({err})", "correct the syntax")
        problems.raise_if_any()
    tool = data.get("tool", {})
    return tool.get("plainpress") if isinstance(tool, dict) else None


def _check_table(table: dict, pyproject: Path) -> None:
    """Every wrong setting at once, each with its line in pyproject.toml (choices ignore case)."""
    text = pyproject.read_text(encoding="utf-8")
    problems = Problems(str(_short(pyproject)))
    for key, value in table.items():
        wrong = _wrong_setting(key, value)
        if wrong:
            problems.add(_line_of(text, key), *wrong)
    problems.raise_if_any()


def _wrong_setting(key: str, value) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for one setting, or None when it is right."""
    if key in ("source", "out", "theme", "cache"):
        return None if isinstance(value, str) else (f"`{key}` must be a folder name in quotes",
                                                     f'write {key} = "{getattr(Settings(), key) or key}"')
    if key == "paper":
        return None if isinstance(value, str) and value.lower() in PAPERS else (
            f"`paper = {value}` is not a page size", f"choose from {', '.join(PAPERS)}")
    if key == "formats":
        return _wrong_formats(value)
    if key == "cache_size":
        try:
            parse_size(value)
        except ValueError:
            return (f"`cache_size = {value!r}` is not a size",
                    'write a number with a unit, such as cache_size = "500MB" (the default is "1GB")')
        return None
    return (f"unknown setting `{key}` in {TABLE}",
            "the settings are source, out, cache, cache_size, paper, formats and theme")


def _wrong_formats(value) -> tuple[str, str] | None:
    how = f"list some of {', '.join(FORMATS)}, e.g. formats = [\"pdf\", \"epub\"]"
    if not isinstance(value, list) or not value:
        return "`formats` must be a list of formats in square brackets", how
    unknown = [str(f) for f in value if not isinstance(f, str) or f.lower() not in FORMATS]
    return (f"unknown format {', '.join(unknown)} in `formats`", how) if unknown else None


def _line_of(text: str, key: str) -> int:
    """The line of `key = ...` inside [tool.plainpress] (the table's own line when not found there)."""
    table_line, inside = 1, False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.replace(" ", "") == TABLE
            table_line = number if inside else table_line
        elif inside and re.match(rf"{re.escape(key)}\s*=", stripped):
            return number
    return table_line


def _short(path: Path) -> Path:
    """Relative to where the command runs when it can be, so that messages read `source/x/en.md:12`."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def render_options(args, settings) -> RenderOptions:
    """The theme (--theme, or `theme` in [tool.plainpress]), read and checked before any source; the
    paper: --paper, else the theme's, else the project's."""
    from .theme import load_theme   # here: reading the settings needs no theme
    theme = load_theme(args.theme) if args.theme else None
    paper = getattr(args, "paper", None) or (theme.paper if theme else "") or settings.paper
    return RenderOptions(paper=paper, theme=theme)
