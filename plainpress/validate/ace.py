"""DAISY Ace: EPUB Accessibility 1.1 and axe-core in a real browser (Debian's chromium).

Ace exits 0 even when it finds violations, so the verdict is read from its report.json.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..config import ROOT
from ..findings import Finding
from . import ToolResult

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
IMPACTS = ("critical", "serious", "moderate", "minor")


def ace_command() -> str | None:
    local = ROOT / "node_modules" / ".bin" / "ace-cli"
    return str(local) if local.exists() else shutil.which("ace-cli") or shutil.which("ace")


def chromium() -> str | None:
    return next((c for c in CHROMIUM if Path(c).exists()), None) or shutil.which("chromium")


def run_ace(path: Path, timeout: int = 300) -> ToolResult:
    command, browser = ace_command(), chromium()
    if not command or not browser:
        missing = "DAISY Ace (npm @daisy/ace-cli)" if not command else "Chromium"
        return ToolResult("ace", path.name, False, note=f"{missing} is not installed")
    with tempfile.TemporaryDirectory(prefix="plainpress-ace-") as tmp:
        env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1"}
        proc = subprocess.run([command, "--force", "--silent", "--outdir", tmp, str(path)],
                              capture_output=True, text=True, env=env, timeout=timeout)
        report_path = Path(tmp) / "report.json"
        if not report_path.exists():
            finding = Finding("error", "ace.failed", path.name, "Ace wrote no report",
                              (proc.stderr or proc.stdout).strip()[-500:])
            return ToolResult("ace", path.name, True, {"violations": 1}, (finding,))
        return read_report(json.loads(report_path.read_text(encoding="utf-8")), path.name)


def read_report(report: dict, name: str) -> ToolResult:
    findings = []
    counts = {impact: 0 for impact in IMPACTS}
    for document in report.get("assertions", []):
        where = document.get("earl:testSubject", {}).get("url", name)
        for item in document.get("assertions", []):
            test, result = item.get("earl:test", {}), item.get("earl:result", {})
            impact = test.get("earl:impact", "minor")
            counts[impact] = counts.get(impact, 0) + 1
            findings.append(Finding("error", f"ace.{test.get('dct:title', 'unknown')}", f"{name}{where}",
                                    f"{impact}: {result.get('dct:description') or test.get('dct:description', '')}",
                                    test.get("help", {}).get("url", "") if isinstance(test.get("help"), dict) else ""))
    outcome = report.get("earl:result", {}).get("earl:outcome", "unknown")
    counts["violations"] = len(findings)
    counts["outcome"] = outcome
    if outcome != "pass" and not findings:
        findings.append(Finding("error", "ace.outcome", name, f"Ace's outcome is {outcome}"))
    missing = report.get("a11y-metadata", {}).get("missing", [])
    return ToolResult("ace", name, True, counts, tuple(findings),
                      note="metadata not given: " + ", ".join(missing) if missing else "")
