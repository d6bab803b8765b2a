"""Timing and memory of whole processes, for the benchmarks: wall time, the largest process's peak
resident memory, and the peak of the memory a process tree holds at once.

    wall, largest, tree = run_measured(command, cwd=..., sample=True)

`largest` comes from the kernel (wait4's maximum resident set size: the biggest of the process and its
children); `tree` sums the proportional set size (PSS: pages shared between processes, as forked
workers share theirs, are split between them) of the process and all its descendants, read from /proc
every 20 ms. Sampling takes CPU of its own: time runs and memory runs are kept apart.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from pathlib import Path


def run_measured(command: list[str], cwd: Path | None = None, sample: bool = False,
                 env: dict | None = None, ok: tuple[int, ...] = (0,)) -> tuple[float, int, int]:
    """(wall seconds, largest peak RSS in KB, peak PSS of the whole tree in KB or 0 when not sampled);
    an exit status outside `ok` is an error (a validated build whose validators fail exits 1)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()
    sampler = threading.Thread(target=sample_tree, args=(process.pid, peak, done)) if sample else None
    if sampler:
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    if sampler:
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in ok:
        raise RuntimeError(f"{' '.join(map(str, command))} failed: {process.stderr.read().decode()[-800:]}")
    return wall, usage.ru_maxrss, peak[0]


def children_cpu() -> float:
    """CPU seconds (user + system) of every child process this one has waited for."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(work, *args) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of every child process it waited for, what `work` returned)."""
    cpu, start = children_cpu(), time.perf_counter()
    result = work(*args)
    return time.perf_counter() - start, children_cpu() - cpu, result


def plainpress_env(home: Path, tree: Path | None = None) -> dict:
    """The environment of a plainpress run: its own user cache, and `tree` (another checkout, for
    `--against`) first on the path."""
    return {**os.environ, "XDG_CACHE_HOME": str(home)} | ({"PYTHONPATH": str(tree)} if tree else {})


def checkout(tree: str) -> Path:
    """`--against TREE`: a checkout of plainpress, as an absolute path."""
    path = Path(tree).resolve()
    if not (path / "plainpress" / "__init__.py").is_file():
        raise SystemExit(f"--against {tree}: not a checkout of plainpress (no plainpress/__init__.py)")
    return path


def sample_tree(root: int, peak: list[int], done: threading.Event) -> None:
    while not done.is_set():
        peak[0] = max(peak[0], sum(pss_kb(pid) for pid in tree(root)))
        done.wait(0.02)


def tree(root: int) -> list[int]:
    """The process and its descendants, from each process's parent in /proc."""
    parents = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return found


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def median(values) -> float:
    return statistics.median(values)


def cores_free() -> float:
    """How many cores the machine gives right now (shared machines lend fewer than they have): two
    processes that only count, against one, timed the same way."""
    import sys
    spin = [sys.executable, "-c", "x = 0\nfor i in range(6_000_000): x += i"]
    start = time.perf_counter()
    subprocess.run(spin, check=True)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    pair = [subprocess.Popen(spin) for _ in range(2)]
    for process in pair:
        process.wait()
    return 2 * alone / (time.perf_counter() - start)
