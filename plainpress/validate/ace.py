"""DAISY Ace: EPUB Accessibility 1.1 and axe-core in a real browser (Debian's chromium).

Ace exits 0 even when it finds violations, so the verdict is read from its report.json. Every EPUB of a
build is checked by one Node.js process with one browser (`ace_batch.js`).
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
from ..lifetime import die_with_this_thread
from .result import ToolResult

CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
BATCH = Path(__file__).with_name("ace_batch.js")
IMPACTS = ("critical", "serious", "moderate", "minor")


def ace_command() -> str | None:
    local = ROOT / "node_modules" / ".bin" / "ace-cli"
    return str(local) if local.exists() else shutil.which("ace-cli") or shutil.which("ace")


def chromium() -> str | None:
    return next((c for c in CHROMIUM if Path(c).exists()), None) or shutil.which("chromium")


def run_ace(path: Path, timeout: int = 300) -> ToolResult:
    return run_ace_batch([path], timeout)[0]


def run_ace_batch(paths: list[Path], timeout: int = 300) -> list[ToolResult]:
    """Ace on every EPUB with one Chromium (`ace_batch.js`); Ace alone starts one per EPUB."""
    paths = [Path(p) for p in paths]
    command, browser, node = ace_command(), chromium(), shutil.which("node")
    if not command or not browser or not node:
        missing = ("DAISY Ace (npm @daisy/ace-cli)" if not command else "Chromium" if not browser else "Node.js")
        return [ToolResult("ace", p.name, False, note=f"{missing} is not installed") for p in paths]
    modules = Path(os.path.realpath(command)).parents[3]  # node_modules/@daisy/ace-cli/bin/ace.js
    with tempfile.TemporaryDirectory(prefix="plainpress-ace-") as tmp:
        outdirs = [Path(tmp) / str(i) for i in range(len(paths))]
        env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1",
               "NODE_PATH": str(modules)}
        pairs = [str(x) for path, out in zip(paths, outdirs) for x in (path.resolve(), out)]
        try:
            proc = subprocess.run([node, str(BATCH), *pairs], capture_output=True, text=True, env=env,
                                  cwd=tmp, timeout=timeout + 120 * (len(paths) - 1), preexec_fn=die_with_this_thread)
            said = (proc.stderr or proc.stdout).strip()[-500:]
        except subprocess.TimeoutExpired:
            said = f"Ace did not finish within {timeout} s"
        return [report_of(path, out / "report.json", said) for path, out in zip(paths, outdirs)]


def report_of(path: Path, report_path: Path, said: str) -> ToolResult:
    if not report_path.exists():
        finding = Finding("error", "ace.failed", path.name, "Ace wrote no report", said)
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
