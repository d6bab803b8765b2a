"""Where one guide's build spends its CPU, stage by stage: read, check, each render, write, reports, index.

    .venv/bin/python benchmarks/bench_stages.py [--runs 5] [--guide source/als-pathophysiology]
                                                [--against TREE] [--top 0]

Each run is a fresh process, `plainpress build GUIDE --no-validate --jobs 1` (every stage in that one
process, so that each can be timed), with an empty build cache and a user cache warmed by the first run,
as on a machine that has built before. Each stage's CPU (time.process_time, around the build's own
functions) is the median over the runs; "start and imports" is the process's CPU before the build
begins; "the rest" is what no stage holds (the command line, printing the findings). `--against TREE`
profiles another checkout's plainpress in the same run, in turn, so that the two can be compared
stage by stage. `--top N` prints each stage's N costliest functions (cProfile) of the last run.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from measure import checkout, plainpress_env  # noqa: E402

# Run inside the measured process: wraps the build's stage functions, runs the CLI, prints JSON.
PROBE = r"""
import cProfile, io, json, pstats, sys, time, resource
def cpu():  # this process and the programs it ran (fc-list)
    return sum(u.ru_utime + u.ru_stime for u in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
import plainpress.cli as cli, plainpress.build as build, plainpress.build.render as render_stage
import plainpress.build.index as index
top, argv = int(sys.argv[1]), sys.argv[2:]
stages, profiles, active = {}, {}, [None]
def timed(label, fn):
    def wrapper(*args, **kwargs):
        if active[0] is not None:  # nested: counted in the outer stage
            return fn(*args, **kwargs)
        name = label(*args) if callable(label) else label
        profile = profiles.setdefault(name, cProfile.Profile())
        active[0], start = name, cpu()
        if top: profile.enable()
        try:
            return fn(*args, **kwargs)
        finally:
            if top: profile.disable()
            stages[name] = stages.get(name, 0) + cpu() - start
            active[0] = None
    return wrapper
for module, names in [(build, {"find_sources": "find", "prepare_renderers": "prepare renderers",
                               "read_all": "read", "check_theme_use": "check", "check_all": "check",
                               "add_language_findings": "check (language findings)",
                               "plan": "plan (cache look-ups)", "write_outputs": "write outputs",
                               "write_current_reports": "reports", "write_library_index": "index"}),
                      (index, {"write_library_index": "index"})]:
    for name, label in names.items():
        if hasattr(module, name):
            setattr(module, name, timed(label, getattr(module, name)))
if hasattr(render_stage, "render_output"):
    render_stage.render_output = timed(lambda fmt, *a: f"render {fmt}", render_stage.render_output)
begun = cpu()
try:
    cli.main(argv)
except SystemExit:
    pass
whole = cpu()
stages["start and imports"] = begun
stages["the rest"] = whole - begun - sum(v for k, v in stages.items() if k != "start and imports")
tops = {}
for name, profile in profiles.items():
    if top and stages.get(name, 0) >= 0.01:
        text = io.StringIO()
        pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(top)
        tops[name] = "\n".join(text.getvalue().splitlines()[6:])
print(json.dumps({"stages": stages, "whole": whole, "tops": tops}))
"""


def run_once(guide: Path, tmp: Path, home: Path, tree: Path | None, n: int, top: int) -> dict:
    """One build in a fresh process, from `tmp`: `-c` puts the working folder first on the path, before TREE."""
    env = plainpress_env(home, tree)
    tmp.mkdir(parents=True, exist_ok=True)
    argv = ["build", str(guide), "--no-validate", "-q", "--jobs", "1",
            "--out", str(tmp / f"out-{n}"), "--cache", str(tmp / f"cache-{n}")]
    done = subprocess.run([sys.executable, "-c", PROBE, str(top), *argv], env=env, cwd=tmp,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--guide", type=Path, default=ROOT / "source" / "als-pathophysiology")
    parser.add_argument("--against", type=checkout, metavar="TREE")
    parser.add_argument("--top", type=int, default=0)
    args = parser.parse_args()
    trees = {"now": None} | ({"before": args.against} if args.against else {})
    runs: dict[str, list[dict]] = {name: [] for name in trees}
    with tempfile.TemporaryDirectory(prefix="plainpress-stages-") as name:
        tmp = Path(name)
        for label, tree in trees.items():  # warm the user caches and the disk
            run_once(args.guide.resolve(), tmp / label, tmp / f"home-{label}", tree, -1, 0)
        for n in range(args.runs):
            for label, tree in trees.items():
                runs[label].append(run_once(args.guide.resolve(), tmp / label, tmp / f"home-{label}", tree, n,
                                            args.top if n == args.runs - 1 else 0))
    print(f"{args.guide.name}, one build in one process (--jobs 1), CPU seconds, median of {args.runs} runs, "
          f"{os.cpu_count()} cores")
    medians = {label: {stage: statistics.median(r["stages"].get(stage, 0) for r in rs)
                       for stage in {s for r in rs for s in r["stages"]}} for label, rs in runs.items()}
    wholes = {label: statistics.median(r["whole"] for r in rs) for label, rs in runs.items()}
    order = sorted(medians["now"], key=lambda stage: -max(m.get(stage, 0) for m in medians.values()))
    print(f"  {'stage':30}" + "".join(f"{label:>16}" for label in trees))
    for stage in order:
        print(f"  {stage:30}" + "".join(f"{m.get(stage, 0):9.3f} {m.get(stage, 0) / wholes[label]:5.1%}"
                                        for label, m in medians.items()))
    print(f"  {'whole process':30}" + "".join(f"{wholes[label]:9.3f}      " for label in trees))
    if args.against:
        ratios = sorted(a["whole"] / b["whole"] for a, b in zip(runs["now"], runs["before"]))
        print(f"  now / before: {wholes['now'] / wholes['before']:.2f}x (runs side by side: "
              f"{ratios[0]:.2f}-{ratios[-1]:.2f}x)")
    for label, rs in runs.items():
        for stage, text in rs[-1]["tops"].items():
            print(f"\n===== {label}: {stage}\n{text}")


if __name__ == "__main__":
    main()
