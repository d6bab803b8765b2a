"""--jobs: a batch of guides built with one worker and with two, cold, validators off.

    .venv/bin/python benchmarks/bench_jobs.py [--guides 50] [--runs 3]

The batch is made from the shipped guides: copies with their titles changed (`guides.py`). Each build
is a whole `plainpress build` process with a fresh output folder and an empty cache; the runs
alternate between --jobs 1 and --jobs 2, and the ratio of the medians is what to read.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from guides import copies
from measure import cores_free, median, run_measured

ROOT = Path(__file__).resolve().parent.parent


def build(source: Path, tmp: Path, jobs: int, n: int) -> float:
    command = [str(Path(sys.executable).parent / "plainpress"), "build", str(source), "--no-validate", "-q",
               "--jobs", str(jobs), "--out", str(tmp / f"out-{jobs}-{n}"), "--cache", str(tmp / f"cache-{jobs}-{n}")]
    return run_measured(command, cwd=ROOT)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guides", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plainpress-jobs-") as tmp_name:
        tmp = Path(tmp_name)
        source = copies(ROOT / "source", tmp / "source", args.guides)
        times, free = {1: [], 2: []}, []
        for n in range(args.runs):
            free.append(cores_free())
            for jobs in (1, 2):
                times[jobs].append(build(source, tmp, jobs, n))
        one, two = median(times[1]), median(times[2])
        paired = median(a / b for a, b in zip(times[1], times[2]))  # each run's pair was built back to back
        print(f"{args.guides} guides, {args.runs} runs each, {os.cpu_count()} cores, medians, validators off")
        for jobs in (1, 2):
            print(f"  --jobs {jobs}   {median(times[jobs]):7.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times[jobs])})")
        print(f"  --jobs 2 is {one / two:.2f}x as fast as --jobs 1 (median of each run's own ratio: {paired:.2f}x); "
              f"the machine lent {median(free):.2f} cores at the time (two counting processes against one)")


if __name__ == "__main__":
    main()
