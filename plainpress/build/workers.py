"""Where a build's work runs: `--jobs N` processes render and validate at once, this one among them.

Tasks wait in one queue, longest first. N - 1 worker processes each take the next one the moment they
are free (handed out by the pool's own thread, whatever this process is doing); this process takes the
last one (the shortest) whenever it has nothing else to do, so that it does not sit waiting while there
is work. A worker gets one task at a time, so that nothing waits behind a long task while a process is
free. With one job everything runs here, one thing after another.

The workers are forked from this process when the first task comes, before any thread starts (forking
after threads can deadlock), and each loads only what its tasks need: WeasyPrint in a worker that
renders a PDF, nowhere else. Tasks are functions found by name (`render_output`, `run_validator`), so
that a worker runs what this process would have run. Work that waits on another program (EPUBCheck,
Ace, LibreOffice) runs in threads instead.

Nothing outlives the build (`lifetime.py`): each worker dies with this process however it ends, and a
build stopped by SIGTERM or Ctrl-C stops every process under it before it ends.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass

from ..lifetime import keep_stopping, stop_descendants, tie_to_parent


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not all the machine's
    except AttributeError:
        return os.cpu_count() or 1


# This process loads a slow module (WeasyPrint: a third of a second) for its own share of the tasks only
# when this many tasks that need it are waiting; fewer, and a worker that has it loaded does them sooner.
WORTH_LOADING = 4


@dataclass
class Task:
    fn: object
    args: tuple
    done: object               # called with the result, or with the exception the task raised
    needs: str | None = None   # a slow module the task loads, if any ("" or None: none)
    here: bool = False         # only in this process (see `add`)


class Workers:
    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self.queue: deque[Task] = deque()
        self.running: dict[Future, Task] = {}   # a worker's task, until `poll` settles it here
        self.lock = threading.RLock()  # a worker that ends gets its next task from the pool's thread (or here,
        # at once, when its task ended before its callback was added)
        self._processes: ProcessPoolExecutor | None = None
        self._threads: ThreadPoolExecutor | None = None
        self._before_fork: list = []
        self.stopped = False  # by SIGTERM or Ctrl-C: nothing more is handed out

    def add(self, fn, *args, done, needs: str | None = None, here: bool = False) -> None:
        """Queue `fn(*args)`; `done(result or exception)` is called in this process when it ends. A task
        `here` runs in this process only: one that uses a native thread pool (Rust's rayon), which a
        worker forked after this process started its pool would wait on forever (a fork copies no
        threads), as happens when one process builds more than once."""
        with self.lock:
            self.queue.append(Task(fn, args, done, needs, here))
        self.feed()

    def feed(self, *_) -> None:
        """Hand queued tasks, longest first, to the workers that are free."""
        with self.lock:
            while self.busy() < self.jobs - 1 and not self.stopped:
                task = next((t for t in self.queue if not t.here), None)
                if task is None:
                    break
                self.queue.remove(task)
                try:
                    future = self._process_pool().submit(task.fn, *task.args)
                except Exception as err:  # noqa: BLE001 - a worker died (BrokenProcessPool): the build
                    self.running[failed(err)] = task  # hears of it through this task, and stops
                    continue
                self.running[future] = task
                future.add_done_callback(self.feed)   # the worker is free: its next task, at once

    def busy(self) -> int:
        """Workers with a task: a task's future is done as soon as its worker is free, whether or not
        this process has settled it yet."""
        return sum(not future.done() for future in self.running)

    def poll(self) -> None:
        """Settle the tasks that ended (here, where their `done` may queue more)."""
        with self.lock:
            ended = [(f, self.running.pop(f)) for f in list(self.running) if f.done()]
        for future, task in ended:
            settle(task, future)

    def drain(self) -> None:
        """Run every task, those queued while running included; this process takes the shortest."""
        self.poll()
        while True:
            task = self.mine()
            if task is not None:
                settle(task, done(task.fn, *task.args))
            else:
                with self.lock:
                    running, waiting = list(self.running), bool(self.queue)
                if running:
                    wait(running, return_when=FIRST_COMPLETED)
                elif waiting and not self.stopped:
                    self.feed()   # tasks only a worker takes, not handed out yet (see `feed`'s callback)
                else:
                    break
            self.poll()

    def mine(self) -> Task | None:
        """The shortest waiting task this process may take: any, with one job; otherwise one whose slow
        module is loaded here already, or one of enough alike to pay for loading it."""
        with self.lock:
            for i in range(len(self.queue) - 1, -1, -1):
                task = self.queue[i]
                if (self.jobs == 1 or task.here or not task.needs or task.needs in sys.modules
                        or sum(t.needs == task.needs for t in self.queue) >= WORTH_LOADING):
                    del self.queue[i]
                    return task
        return None

    def before_fork(self, fn) -> None:
        """Have `fn()` run once just before the workers are forked (what it loads, they have too);
        once they are, it is too late, and nothing is run."""
        if self._processes is None:
            self._before_fork.append(fn)

    def thread(self, fn, *args) -> Future:
        """`fn(*args)` in a thread, for work that waits on another program (here, with one job)."""
        if self.jobs == 1:
            return done(fn, *args)
        if self._threads is None:
            if self._processes is None:
                self._process_pool().submit(len, ())  # the workers are forked now, before any thread runs
            self._threads = ThreadPoolExecutor(4, thread_name_prefix="plainpress-validator")
        return self._threads.submit(fn, *args)

    def _process_pool(self) -> ProcessPoolExecutor:
        if self._processes is None:
            for fn in self._before_fork:
                fn()
            self._before_fork.clear()
            # A worker's next task is handed out by the pool's thread, which must win the interpreter
            # lock from this process's own work: every 5 ms by default, a good part of a short task.
            sys.setswitchinterval(0.001)
            self._processes = ProcessPoolExecutor(self.jobs - 1, mp_context=multiprocessing.get_context("fork"),
                                                  initializer=tie_to_parent, initargs=(os.getpid(),))
        return self._processes

    def close(self) -> None:
        with self.lock:
            self.queue.clear()  # after a failure: nothing more is handed out
        for pool in (self._threads, self._processes):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, error_type, *_) -> None:
        if error_type is not None and not issubclass(error_type, Exception):  # stopped: SIGTERM, Ctrl-C
            with self.lock:
                self.stopped = True
                self.queue.clear()
            stop_descendants()
            keep_stopping()  # a thread of ours may still start a program before it sees the end
            if self._threads is not None:
                self._threads.shutdown(wait=False, cancel_futures=True)
                self._threads = None
        elif error_type is not None:
            self.abandon()
        self.close()

    def abandon(self) -> None:
        """After a failure (bad input found while a worker loads WeasyPrint): stop the workers at
        once, rather than wait for what they are doing."""
        pool = self._processes
        if pool is not None:
            for process in list((getattr(pool, "_processes", None) or {}).values()):  # 3.14: terminate_workers()
                process.terminate()


def settle(task: Task, future: Future) -> None:
    error = future.exception()
    task.done(error if error is not None else future.result())


def failed(error: BaseException) -> Future:
    future: Future = Future()
    future.set_exception(error)
    return future


def done(fn, *args) -> Future:
    """A future already settled: `fn(*args)` run now."""
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except Exception as err:  # noqa: BLE001 - handed to whoever reads the future, as a pool would
        future.set_exception(err)
    return future

