"""Scale: time and peak memory against a guide's length, and `plainpress check` against a build of many.

    .venv/bin/python benchmarks/bench_scale.py [--lengths 1,10,25,50] [--guides 500]

Length: the ALS guide with its sections repeated (x1 to x50: as many sections), each built cold
(fresh output folder, empty cache, validators off unless --validate) as a whole process. Time and memory should grow in
proportion: the figures per x of length should stay flat. Memory is the peak of the whole process tree
(PSS, sampled), which must stay under 400 MB.
Many: `plainpress check` of N guides (copies of the shipped ones) against `plainpress build` of the same
N guides, both cold. It takes a few minutes; it is not part of `make test`.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from guides import copies, longer
from measure import run_measured

ROOT = Path(__file__).resolve().parent.parent
PLAINPRESS = str(Path(sys.executable).parent / "plainpress")


def by_length(tmp: Path, lengths: list[int], validate: bool) -> None:
    print(f"Guide length ({os.cpu_count()} cores; ALS guide x N, as many sections; cold build, "
          f"validators {'on' if validate else 'off'})")
    print(f"  {'length':>7} {'time':>8} {'per x above x1':>15} {'peak memory':>12} {'per x above x1':>15}")
    base = None
    for n in lengths:
        guide = longer(ROOT / "source" / "als-pathophysiology", tmp / f"long-{n}" / "als-pathophysiology", n)
        wall, _, tree = run_measured([PLAINPRESS, "build", str(guide), "-q", *(["--no-validate"] * (not validate)),
                                      "--out", str(tmp / f"out-{n}"), "--cache", str(tmp / f"cache-{n}")],
                                     cwd=ROOT, sample=True)
        base = base or (wall, tree)
        slope = f"{(wall - base[0]) / (n - 1):.3f} s" if n > 1 else "-"  # flat when time grows linearly
        growth = f"{(tree - base[1]) / 1024 / (n - 1):.1f} MB" if n > 1 else "-"
        print(f"  {'x' + str(n):>7} {wall:7.2f}s {slope:>15} {tree / 1024:9.0f} MB {growth:>15}")


def check_against_build(tmp: Path, count: int) -> None:
    source = copies(ROOT / "source", tmp / "many", count)
    check, _, _ = run_measured([PLAINPRESS, "check", str(source), "-q", "--lang", "en"], cwd=ROOT)
    built, _, tree = run_measured([PLAINPRESS, "build", str(source), "--no-validate", "-q", "--out",
                                   str(tmp / "out-many"), "--cache", str(tmp / "cache-many")], cwd=ROOT, sample=True)
    print(f"\n{count} guides: plainpress check {check:.2f} s, plainpress build {built:.2f} s (peak {tree / 1024:.0f} MB): "
          f"check takes {check / built:.3f} of a build")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", default="1,10,25,50", help="'' to leave the lengths out")
    parser.add_argument("--guides", type=int, default=500, help="0 to leave the check against build out")
    parser.add_argument("--validate", action="store_true", help="lengths with the validators on (much longer)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plainpress-scale-") as tmp_name:
        if args.lengths:
            by_length(Path(tmp_name), [int(x) for x in args.lengths.split(",")], args.validate)
        if args.guides:
            check_against_build(Path(tmp_name), args.guides)


if __name__ == "__main__":
    main()
