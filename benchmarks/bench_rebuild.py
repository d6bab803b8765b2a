"""A validated rebuild of a library after one guide changed, against validating that one guide alone.

    .venv/bin/python benchmarks/bench_rebuild.py [--guides 40] [--runs 3] [--against TREE]

The library: `benchmarks/guides.py` copies of the shipped guides (English only, `--lang en`), built
once with every validator, so that the build cache holds 39 guides whose outputs and validator results
are current. Then, in each run, one sentence of one guide changes, and:
- the rebuild: `plainpress build LIBRARY` with that cache (39 guides found current, one rendered and
  validated, the reports and the index written again);
- alone: `plainpress build GUIDE` of the same changed guide, with an empty build cache: what validating
  that one guide costs.
The goal is the rebuild at most 1.2x the guide alone. Both use the benchmark's own user cache (warmed
first), the default --jobs, and run in turn so that a shared machine's load falls on both; wall and
CPU time (the process and all its children) are medians, the ratio's spread is over the runs.
`--against TREE` measures another checkout's plainpress the same way, in the same run.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from guides import copies
from measure import checkout, cores_free, median, plainpress_env, run_measured, timed

ROOT = Path(__file__).resolve().parent.parent
PLAINPRESS = str(Path(sys.executable).parent / "plainpress")


def build(paths: Path, out: Path, cache: Path, home: Path, tree: Path | None) -> tuple[float, float]:
    """(wall, CPU) of one validated build; a build whose validators fail still counts (exit 1)."""
    command = [PLAINPRESS, "build", str(paths), "--lang", "en", "-q", "--out", str(out), "--cache", str(cache)]
    wall, cpu, _ = timed(run_measured, command, ROOT, False, plainpress_env(home, tree), (0, 1))
    return wall, cpu


def validated_checkout(tree: str) -> Path:
    """Another checkout whose validators all run: Ace and axe come from its node_modules/ (a fresh
    `git worktree` has none: `ln -s "$PWD/node_modules" TREE/`), else it would look cheaper than it is."""
    path = checkout(tree)
    if not (path / "node_modules").exists():
        raise SystemExit(f"--against {tree}: no node_modules/ there, so Ace and axe would not run; "
                         f"link this checkout's: ln -s {ROOT / 'node_modules'} {path}/")
    return path


def change(guide: Path, run: int) -> None:
    """One sentence more in the guide's first section, different in each run."""
    source = guide / "en.md"
    text = source.read_text(encoding="utf-8")
    first = text.index("\n## ")
    end = text.index("\n\n", first + 4)
    source.write_text(text[:end] + f" This is change {run}." + text[end:], encoding="utf-8")


def measure(library: Path, tmp: Path, runs: int, tree: Path | None, label: str) -> list[tuple]:
    home, cache, out = tmp / "home", tmp / "cache", tmp / "out"
    started = time.perf_counter()
    build(library, out, cache, home, tree)  # fills the build cache (and the user cache)
    print(f"  {label}: the first validated build of the library took {time.perf_counter() - started:.0f} s")
    guides = sorted(p for p in library.iterdir() if (p / "en.md").exists())
    guide = guides[len(guides) // 2]
    figures = []
    for run in range(runs):
        change(guide, run)
        rebuild = build(library, out, cache, home, tree)
        alone = build(guide, tmp / f"alone-{run}", tmp / f"alone-cache-{run}", home, tree)
        figures.append((rebuild, alone))
    return figures


def report(figures: list[tuple], label: str) -> None:
    for i, what in ((0, "wall"), (1, "CPU ")):
        rebuilds, alones = [f[0][i] for f in figures], [f[1][i] for f in figures]
        paired = sorted(a / b for a, b in zip(rebuilds, alones))
        print(f"  {label} {what}: rebuild {median(rebuilds):6.2f} s, the guide alone {median(alones):6.2f} s: "
              f"{median(rebuilds) / median(alones):.2f}x (runs: {paired[0]:.2f}-{paired[-1]:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=validated_checkout, metavar="TREE", help="also measure this checkout's plainpress")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores ({cores_free():.2f} free at the start: two counting processes against one)")
    with tempfile.TemporaryDirectory(prefix="plainpress-rebuild-") as tmp_name:
        tmp = Path(tmp_name)
        results = {}
        for label, tree in [("plainpress", None)] + ([("plainpress before", args.against)] if args.against else []):
            library = copies(ROOT / "source", tmp / label / "source", args.guides)
            results[label] = measure(library, tmp / label, args.runs, tree, label)
        print(f"\na validated rebuild of {args.guides} guides after one changed, against that guide alone, "
              f"{args.runs} runs, medians")
        for label, figures in results.items():
            report(figures, label)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{cores_free():.2f} cores free at the end")


if __name__ == "__main__":
    main()
