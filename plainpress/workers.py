"""Where a build's work runs: `--jobs N` worker processes for what is Python on the CPU (rendering,
plainpress's own validators), threads for what waits on another program (EPUBCheck, Ace, LibreOffice).

With one job everything runs here, one thing after another. With more, the workers are forked from
this process when the first task comes, before any thread starts (forking after threads can deadlock),
and each loads only what its tasks need: WeasyPrint in a worker that renders a PDF, nowhere else.
Tasks are functions found by name (`render_output`, `run_validator`), so that what a worker runs is what
this process would have run.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not all the machine's
    except AttributeError:
        return os.cpu_count() or 1


class Workers:
    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self._processes: ProcessPoolExecutor | None = None
        self._threads: ThreadPoolExecutor | None = None

    def process(self, fn, *args) -> Future:
        """`fn(*args)` in a worker process (here, with one job)."""
        if self.jobs == 1:
            return done(fn, *args)
        return self._process_pool().submit(fn, *args)

    def thread(self, fn, *args) -> Future:
        """`fn(*args)` in a thread, for work that waits on another program (here, with one job)."""
        if self.jobs == 1:
            return done(fn, *args)
        if self._threads is None:
            self._process_pool().submit(len, ()).result()  # the workers are forked before any thread runs
            self._threads = ThreadPoolExecutor(max(4, self.jobs), thread_name_prefix="plainpress-validator")
        return self._threads.submit(fn, *args)

    def _process_pool(self) -> ProcessPoolExecutor:
        if self._processes is None:
            self._processes = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"))
        return self._processes

    def close(self) -> None:
        for pool in (self._threads, self._processes):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def done(fn, *args) -> Future:
    """A future already settled: `fn(*args)` run now."""
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except Exception as err:  # noqa: BLE001 - handed to whoever reads the future, as a pool would
        future.set_exception(err)
    return future
