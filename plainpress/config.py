"""Defaults from `[tool.plainpress]` in pyproject.toml, which the command line can override."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    source: Path = ROOT / "source"
    out: Path = ROOT / "output"
    paper: str = "letter"
    formats: tuple[str, ...] = ("pdf", "docx", "epub")


def load_settings(pyproject: Path = ROOT / "pyproject.toml") -> Settings:
    try:
        table = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}).get("plainpress", {})
    except FileNotFoundError:
        table = {}
    defaults = Settings()
    return Settings(
        source=_short(ROOT / table.get("source", defaults.source)),
        out=_short(ROOT / table.get("out", defaults.out)),
        paper=table.get("paper", defaults.paper),
        formats=tuple(table.get("formats", defaults.formats)),
    )


def _short(path: Path) -> Path:
    """Relative to where the command runs when it can be, so that messages read `source/x/en.md:12`."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
