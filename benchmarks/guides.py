"""Guides made for the benchmarks from the shipped ones: many copies, or one guide made long."""
from __future__ import annotations

import re
import shutil
from pathlib import Path


def copies(source: Path, target: Path, count: int) -> Path:
    """`count` guides, each a copy of a shipped guide with a title of its own."""
    shipped = sorted(p.parent for p in source.glob("*/en.md"))
    for n in range(count):
        original = shipped[n % len(shipped)]
        folder = target / f"{original.name}-{n:03}"
        shutil.copytree(original, folder)
        text = (folder / "en.md").read_text(encoding="utf-8")
        # "12. The title", inside the quotes if it has them, and short enough for the page footer
        text = re.sub(r"^title: ([\"']?)", rf"title: \g<1>{n}. ", text, count=1, flags=re.M)
        (folder / "en.md").write_text(text, encoding="utf-8")
    return target


def longer(guide: Path, target: Path, times: int) -> Path:
    """The guide with its `##` sections repeated `times` times over, each copy's headings made unique."""
    shutil.copytree(guide, target)
    text = (guide / "en.md").read_text(encoding="utf-8")
    start = text.index("\n## ")
    end = text.find("\n## Glossary")
    end = len(text) if end < 0 else end
    head, body, tail = text[:start], text[start:end], text[end:]
    parts = [re.sub(r"^(##+ .*)$", rf"\1 (part {n + 1})", body, flags=re.M) if n else body for n in range(times)]
    (target / "en.md").write_text(head + "".join(parts) + tail, encoding="utf-8")
    return target
