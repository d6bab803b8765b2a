"""The same handout in each script against the English one: build time, and the sizes of what it makes.

    .venv/bin/python benchmarks/bench_scripts.py [--runs 5] [--langs zh-Hans,ar,vi]

Each run builds one language of tests/fixtures/good/scripts/blood-pressure as a whole process,
`plainpress build FILE --no-validate`, cold: a fresh output folder, an empty build cache and an empty
font-subset cache (XDG_CACHE_HOME of its own), so that cutting a CJK face is paid every time. Runs
alternate between English and each other language, so that a shared machine's load falls on both;
the figures are medians, and the ratios are what to read (the goal: Chinese at most 1.5x English).
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from pathlib import Path

from measure import cores_free, median, run_measured

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HANDOUT = ROOT / "tests" / "fixtures" / "good" / "scripts" / "blood-pressure"


RUNS = itertools.count()


def build(lang: str, tmp: Path, n: int) -> tuple[float, Path]:
    """One cold build: its own output folder, build cache and user cache, never a previous run's."""
    n = next(RUNS)
    out, home = tmp / f"out-{lang}-{n}", tmp / f"home-{lang}-{n}"
    env = {**os.environ, "XDG_CACHE_HOME": str(home)}
    command = [str(BIN / "plainpress"), "build", str(HANDOUT / f"{lang}.md"), "--no-validate", "-q",
               "--out", str(out), "--cache", str(tmp / f"cache-{lang}-{n}")]
    wall = run_measured(command, cwd=ROOT, env=env)[0]
    return wall, out


def sizes(out: Path) -> dict[str, int]:
    """Bytes of each format's file in a build's output folder."""
    return {f.suffix[1:]: f.stat().st_size for f in out.rglob("*") if f.suffix in (".pdf", ".docx", ".epub", ".html")
            and f.name != "index.html" and f.name != "report.html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--langs", default="zh-Hans,zh-Hant,ja,ko,ar,fa,hi,ru,vi")
    args = parser.parse_args()
    langs = args.langs.split(",")
    with tempfile.TemporaryDirectory(prefix="plainpress-scripts-") as name:
        tmp = Path(name)
        build("en", tmp, -1)   # warm the disk cache and Python's bytecode
        english: list[float] = []
        others: dict[str, list[float]] = {lang: [] for lang in langs}
        made: dict[str, Path] = {}
        for n in range(args.runs):
            for lang in langs:
                english.append(build("en", tmp, n)[0])
                wall, made[lang] = build(lang, tmp, n)
                others[lang].append(wall)
        made["en"] = build("en", tmp, 99)[1]
        report(args.runs, english, others, made, cores_free())


def report(runs: int, english: list[float], others: dict[str, list[float]], made: dict[str, Path], free: float) -> None:
    base = median(english)
    print(f"blood-pressure handout, {runs} runs each, cold (no build or font cache), {os.cpu_count()} cores "
          f"({free:.2f} free), medians")
    print(f"  {'language':10} {'build':>7} {'/ en':>6}   {'PDF':>8} {'DOCX':>8} {'EPUB':>8} {'web page':>9}")
    for lang in ("en", *others):
        wall = base if lang == "en" else median(others[lang])
        size = sizes(made[lang])
        print(f"  {lang:10} {wall:6.2f}s {wall / base:5.2f}x   " + " ".join(
            f"{size.get(fmt, 0) / 1024:7.0f}K" for fmt in ("pdf", "docx", "epub")) + f" {size.get('html', 0) / 1024:8.0f}K")


if __name__ == "__main__":
    main()
