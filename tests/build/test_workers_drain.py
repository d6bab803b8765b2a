"""`Workers.drain` runs every task, also when a worker's end is seen before the pool hands it the next.

A future is done before its callbacks run: the pool's thread may not yet have given the free worker the
next task (one that only a worker takes: it needs a slow module this process has not loaded) when this
process finds nothing running. drain once ended there, and that task's output was never rendered (a
build then failed on writing a PDF it had no bytes for, now and then, on a loaded machine).
"""
from __future__ import annotations

import os
import threading
import time

from plainpress.build.workers import Workers


def slow_freed(monkeypatch):
    """The pool's thread late to hand out the next task, as on a loaded machine."""
    feed = Workers.feed

    def late(self, *args):
        if threading.current_thread() is not threading.main_thread():
            time.sleep(0.3)
        feed(self, *args)
    monkeypatch.setattr(Workers, "feed", late)


def test_a_task_only_a_worker_takes_is_run_though_the_pool_hands_it_out_late(monkeypatch):
    slow_freed(monkeypatch)
    results = []
    with Workers(2) as workers:
        for n in range(2):
            workers.add(abs, -n, done=results.append, needs="a_module_never_loaded")
        workers.drain()
    assert sorted(results) == [0, 1]


def test_this_process_takes_its_share_meanwhile(monkeypatch):
    """Tasks that need nothing slow run here while the worker is busy with the slow one."""
    slow_freed(monkeypatch)
    results = []
    with Workers(2) as workers:
        workers.add(time.sleep, 0.5, done=lambda _: results.append("slow"), needs="a_module_never_loaded")
        for _ in range(3):
            workers.add(os.getpid, done=results.append)
        workers.drain()
    assert results == [os.getpid()] * 3 + ["slow"]


def die():
    import os
    os._exit(1)


def test_a_worker_that_dies_ends_the_drain_with_its_error():
    """A worker killed (for memory, or a crash) breaks the pool: the tasks still queued fail with that
    error, which the build reports, rather than wait for a worker that never comes."""
    import threading
    from concurrent.futures.process import BrokenProcessPool
    results = []
    workers = Workers(2)
    workers.add(die, done=results.append, needs="a_module_never_loaded")
    for n in range(2):
        workers.add(abs, -n, done=results.append, needs="a_module_never_loaded")
    drained = threading.Thread(target=workers.drain, daemon=True)
    drained.start()
    drained.join(60)
    workers.close()
    assert not drained.is_alive(), "drain waited forever after its worker died"
    assert len(results) == 3 and all(isinstance(r, BrokenProcessPool) for r in results), results
