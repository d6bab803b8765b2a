"""The same handout in each script against the English one: build time, and the sizes of what it makes.

    .venv/bin/python benchmarks/bench_scripts.py [--runs 5] [--langs zh-Hans,ar,vi] [--empty-user-cache]
                                                 [--warm-from GUIDES] [--against TREE]

Each run builds one language of tests/fixtures/good/scripts/blood-pressure as a whole process,
`plainpress build FILE --no-validate`, cold: a fresh output folder and an empty build cache. Its user
cache (XDG_CACHE_HOME) is a fresh copy of one warmed by building another guide (source/als-basics, in
English, Spanish, Arabic and Chinese): a machine that has built before, with the syllable table, compiled
templates, and the cmaps of the faces it used,
but none of this handout's font subsets, so that cutting a CJK face is paid every time, as for a new or
changed handout; `--warm-from tests/fixtures/good/scripts/blood-pressure` warms it with the handout
itself (a rebuild with an empty build cache: its subsets kept). `--empty-user-cache` gives each run an empty one instead (a machine's first build:
English then pays for the syllable table). Runs alternate between English and each other language, so
that a shared machine's load falls on both; the figures are medians of wall and CPU time (the process
and its children), and the ratios are what to read (the goal: Chinese at most 1.5x English), with
their spread over runs side by side. `--against TREE` measures another checkout's plainpress too.
"""
from __future__ import annotations

import argparse
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import checkout, cores_free, median, plainpress_env, run_measured, timed

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HANDOUT = ROOT / "tests" / "fixtures" / "good" / "scripts" / "blood-pressure"


RUNS = itertools.count()


def command(paths: Path, out: Path, cache: Path) -> list[str]:
    return [str(BIN / "plainpress"), "build", str(paths), "--no-validate", "-q", "--out", str(out), "--cache", str(cache)]


def warm_home(tmp: Path, tree: Path | None, warm_from: Path) -> Path:
    """A user cache filled by building another guide: what a machine that has built before holds."""
    home = tmp / f"warm-{tree.name if tree else 'now'}"
    subprocess.run(command(warm_from, tmp / f"warm-out-{home.name}", tmp / f"warm-cache-{home.name}"),
                   env=plainpress_env(home, tree), cwd=ROOT, check=True, capture_output=True)
    return home


def build(lang: str, tmp: Path, warm: Path | None, tree: Path | None = None) -> tuple[float, float, Path]:
    """(wall, CPU, output folder) of one cold build: its own output folder, build cache and user cache
    (a copy of `warm`, or empty), never a previous run's."""
    n = next(RUNS)
    out, home = tmp / f"out-{lang}-{n}", tmp / f"home-{lang}-{n}"
    if warm:
        shutil.copytree(warm, home)
    wall, cpu, _ = timed(run_measured, command(HANDOUT / f"{lang}.md", out, tmp / f"cache-{lang}-{n}"), ROOT,
                         False, plainpress_env(home, tree))
    return wall, cpu, out


def sizes(out: Path) -> dict[str, int]:
    """Bytes of each format's file in a build's output folder."""
    return {f.suffix[1:]: f.stat().st_size for f in out.rglob("*") if f.suffix in (".pdf", ".docx", ".epub", ".html")
            and f.name != "index.html" and f.name != "report.html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--langs", default="zh-Hans,zh-Hant,ja,ko,ar,fa,hi,ru,vi")
    parser.add_argument("--empty-user-cache", action="store_true", help="an empty user cache for every run")
    parser.add_argument("--warm-from", type=lambda p: Path(p).resolve(), default=ROOT / "source" / "als-basics", metavar="GUIDES",
                        help="what is built to warm the user cache (the handout's folder: a rebuild, its subsets kept)")
    parser.add_argument("--against", type=checkout, metavar="TREE", help="also measure this checkout's plainpress")
    args = parser.parse_args()
    langs = args.langs.split(",")
    print(f"{os.cpu_count()} cores ({cores_free():.2f} free at the start)")
    with tempfile.TemporaryDirectory(prefix="plainpress-scripts-") as name:
        tmp = Path(name)
        for tree in [None] + ([args.against] if args.against else []):
            warm = None if args.empty_user_cache else warm_home(tmp, tree, args.warm_from)
            build("en", tmp, warm, tree)   # warm the disk cache and Python's bytecode
            pairs: dict[str, list[tuple]] = {lang: [] for lang in ("en", *langs)}  # (English run, its partner)
            made: dict[str, Path] = {}
            for _ in range(args.runs):
                for lang in langs:
                    english = build("en", tmp, warm, tree)
                    *figures, made[lang] = build(lang, tmp, warm, tree)
                    pairs[lang].append((english[:2], figures))
                    pairs["en"].append((english[:2], english[:2]))
            made["en"] = build("en", tmp, warm, tree)[2]
            label = f"plainpress from {tree}" if tree else "plainpress"
            report(label, args.runs, pairs, made, warm and args.warm_from)
    print(f"{cores_free():.2f} cores free at the end")


def report(label: str, runs: int, pairs: dict[str, list[tuple]], made: dict[str, Path], warm: Path | None) -> None:
    """Each language's medians against English's, and the spread of its CPU ratio to the English run
    made just before it."""
    cache = f"a user cache warmed by building {warm.relative_to(ROOT) if warm.is_relative_to(ROOT) else warm}" \
        if warm else "an empty user cache"
    print(f"\n{label}: blood-pressure handout, {runs} runs each, cold (no build cache; {cache}), medians")
    print(f"  {'language':10} {'wall':>7} {'/ en':>6} {'CPU':>7} {'/ en':>6} {'(runs)':>12}   "
          f"{'PDF':>8} {'DOCX':>8} {'EPUB':>8} {'web page':>9}")
    english = [e for e, _ in pairs["en"]]
    en_wall, en_cpu = median(e[0] for e in english), median(e[1] for e in english)
    for lang, runs_of in pairs.items():
        wall, cpu = median(r[0] for _, r in runs_of), median(r[1] for _, r in runs_of)
        paired = sorted(r[1] / e[1] for e, r in runs_of)
        size = sizes(made[lang])
        print(f"  {lang:10} {wall:6.2f}s {wall / en_wall:5.2f}x {cpu:6.2f}s {cpu / en_cpu:5.2f}x "
              f"{paired[0]:5.2f}-{paired[-1]:.2f}x   " + " ".join(
                  f"{size.get(fmt, 0) / 1024:7.0f}K" for fmt in ("pdf", "docx", "epub")) + f" {size.get('html', 0) / 1024:8.0f}K")


if __name__ == "__main__":
    main()
