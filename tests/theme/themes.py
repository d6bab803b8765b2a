"""Themes for the tests: the shipped example, and copies of it with one thing changed."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "clinic-theme"


def copy_theme(folder: Path, yaml_text: str | None = None, overrides: dict[str, str] | None = None,
               keep_overrides: bool = True) -> Path:
    """The example theme copied to `folder`, with theme.yaml replaced by `yaml_text` and the given
    template overrides (name -> text) added."""
    shutil.copytree(EXAMPLE, folder)
    if not keep_overrides:
        shutil.rmtree(folder / "templates")
    if yaml_text is not None:
        (folder / "theme.yaml").write_text(yaml_text, encoding="utf-8")
    for name, text in (overrides or {}).items():
        (folder / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "templates" / name).write_text(text, encoding="utf-8")
    return folder


PLAIN_YAML = """organisation: Hillside Clinic
accent: "#1f5fa8"
contact:
  phone: 0161 496 0000
"""
