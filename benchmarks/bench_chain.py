"""plainpress against the chain a user would script instead, on one guide, cold, validators off.

    .venv/bin/python benchmarks/bench_chain.py [--runs 5] [--guide source/als-pathophysiology]

plainpress: `plainpress build GUIDE --no-validate` as a whole process, with a fresh output folder and an
empty cache each run (its reading-level checks included). The chain: pandoc to DOCX, pandoc to EPUB,
pandoc to standalone HTML, then `weasyprint --pdf-variant pdf/ua-1` on that HTML, one after another.
Runs alternate between the two, so that the load of a shared machine falls on both alike; the figures
are medians, and the ratios are what to read. Memory is measured in runs of its own (sampling costs
CPU): the largest single process, and the peak of a whole process tree (plainpress forks workers).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from measure import cores_free, median, run_measured

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def pandoc() -> str | None:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def plainpress_run(guide: Path, tmp: Path, n: int, sample: bool):
    return [run_measured([str(BIN / "plainpress"), "build", str(guide), "--no-validate", "-q",
                          "--out", str(tmp / f"out{n}"), "--cache", str(tmp / f"cache{n}")], cwd=ROOT, sample=sample)]


def chain_run(guide: Path, tmp: Path, n: int, sample: bool, pandoc_path: str):
    source, out = guide / "en.md", tmp / f"chain{n}"
    out.mkdir()
    steps = [[pandoc_path, str(source), "-o", str(out / "guide.docx")],
             [pandoc_path, str(source), "-o", str(out / "guide.epub")],
             [pandoc_path, str(source), "--standalone", "-o", str(out / "guide.html")],
             [str(BIN / "weasyprint"), "--pdf-variant", "pdf/ua-1", "-q", str(out / "guide.html"), str(out / "guide.pdf")]]
    return [run_measured(step, cwd=guide, sample=sample) for step in steps]  # pictures beside the source


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--guide", type=Path, default=ROOT / "source" / "als-pathophysiology")
    args = parser.parse_args()
    pandoc_path = pandoc()
    if pandoc_path is None:
        sys.exit("pandoc is not installed: `pip install -e .` brings pypandoc-binary, which ships it; "
                 "without it there is no chain to compare with")
    guide = args.guide.resolve()
    with tempfile.TemporaryDirectory(prefix="plainpress-bench-") as tmp_name:
        tmp = Path(tmp_name)
        chain_run(guide, tmp, -1, False, pandoc_path)  # warm the disk cache and Python's bytecode for both
        plainpress_run(guide, tmp, -1, False)
        ours, theirs = [], []
        for n in range(args.runs):
            theirs.append(sum(wall for wall, _, _ in chain_run(guide, tmp, n, False, pandoc_path)))
            ours.append(plainpress_run(guide, tmp, n, False)[0][0])
        our_memory = plainpress_run(guide, tmp, 100, True)[0]
        chain_memory = chain_run(guide, tmp, 100, True, pandoc_path)
        report(args, ours, theirs, our_memory, chain_memory, cores_free())
        shutil.rmtree(tmp, ignore_errors=True)


def report(args, ours, theirs, our_memory, chain_memory, free: float) -> None:
    ours_s, theirs_s = median(ours), median(theirs)
    chain_largest = max(m[1] for m in chain_memory)
    chain_tree = max(m[2] for m in chain_memory)  # its steps run one after another
    print(f"{args.guide.name}, {args.runs} runs each, {os.cpu_count()} cores ({free:.2f} free), medians")
    print(f"  plainpress build --no-validate   {ours_s:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in ours)})")
    print(f"  pandoc x3 + weasyprint           {theirs_s:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in theirs)})")
    print(f"  time: plainpress / chain         {ours_s / theirs_s:6.2f}x")
    print(f"  peak memory, all processes at once (PSS): plainpress {our_memory[2] / 1024:.0f} MB, "
          f"chain {chain_tree / 1024:.0f} MB: {our_memory[2] / chain_tree:.2f}x")
    print(f"  peak memory, largest process (RSS):       plainpress {our_memory[1] / 1024:.0f} MB, "
          f"chain {chain_largest / 1024:.0f} MB: {our_memory[1] / chain_largest:.2f}x")


if __name__ == "__main__":
    main()
