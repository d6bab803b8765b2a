"""How long each stage of a build takes, as shares of the whole, on the guides in source/; then a
real cold build of the same guides against the sum of its stages run one after another, and the same
build again with nothing changed.

    .venv/bin/python benchmarks/bench_build.py [--repeat N] [--no-validate]

Machines are shared and noisy: read the ratios (stage / whole build, check / build, wall / sum), not
the seconds. Each stage is timed N times and the median is kept; each validator runs on one file at a
time, as it would alone. The real build is `plainpress build source/` as a whole process, with an empty
cache and the default --jobs: validators run alongside each other and the renders, in batches.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))
from measure import cores_free  # noqa: E402
from plainpress.checks import run_checks  # noqa: E402
from plainpress.render import RenderOptions, renderers  # noqa: E402
from plainpress.source import read_guide  # noqa: E402
from plainpress.translate.memory import read_origin  # noqa: E402
from plainpress.validate import validators  # noqa: E402


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def stages(source: Path, out: Path, validate: bool):
    """(name, action) for each stage of building one source, in build order."""
    guide = read_guide(source)
    origin = read_origin(guide, read_guide, {})  # a translation is checked against its source too
    yield "read", lambda: read_guide(source)
    yield "check", lambda: run_checks(guide, origin)
    for fmt, render in renderers().items():
        path = out / f"{guide.slug}.{fmt}"
        path.write_bytes(render(guide, RenderOptions()))
        yield f"render {fmt}", lambda render=render: render(guide, RenderOptions())
        if validate:
            for tool, check in validators(fmt):
                yield f"  validate {fmt}: {tool}", lambda check=check, path=path: check(path, guide)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()
    total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for source in sorted((ROOT / "source").glob("*/*.md")):
            rows = [(name, median_seconds(action, args.repeat))
                    for name, action in stages(source, Path(tmp), not args.no_validate)]
            whole = sum(seconds for _, seconds in rows)
            total += whole
            check_only = sum(seconds for name, seconds in rows if name in ("read", "check"))
            print(f"\n{source.relative_to(ROOT)}: whole build {whole:.2f} s (median of {args.repeat})")
            for name, seconds in rows:
                print(f"  {name:<36} {seconds:7.3f} s  {100 * seconds / whole:5.1f} %")
            print(f"  `plainpress check` is {check_only / whole:.3f} of a build ({whole / check_only:.0f} times faster)")
        wall = whole_build(Path(tmp), args.no_validate)
        again = statistics.median(whole_build(Path(tmp), args.no_validate) for _ in range(5))
    print(f"\nEvery guide in source/: the stages one after another {total:.2f} s; a cold `plainpress build` "
          f"({os.cpu_count()} cores, {cores_free():.2f} of them free) {wall:.2f} s: {wall / total:.2f} of the sum")
    print(f"The same build again, nothing changed (Python's start included, median of 5): {again:.3f} s")


def whole_build(tmp: Path, no_validate: bool) -> float:
    """A real build, as a user runs it: one process, the default --jobs, the benchmark's own cache
    (empty the first time)."""
    from measure import run_measured
    command = [str(Path(sys.executable).parent / "plainpress"), "build", str(ROOT / "source"), "-q",
               "--out", str(tmp / "whole"), "--cache", str(tmp / "whole-cache"), *(["--no-validate"] * no_validate)]
    return run_measured(command, cwd=ROOT)[0]


if __name__ == "__main__":
    main()
