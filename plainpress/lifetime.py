"""Nothing a build starts outlives it.

A worker forked with `multiprocessing` stays blocked on its pipe forever when its parent dies, so each
dies with this process however it ends, SIGKILL included: Linux sends it SIGKILL when its parent goes
(PR_SET_PDEATHSIG), and a thread in it that watches its parent's pid does the same where the kernel
cannot be asked. Stopped by SIGTERM, SIGHUP or Ctrl-C (`stopping`), this process stops every process
under it, workers, LibreOffice, Java and Chromium alike, before it ends (`stop_descendants`): CI cancels
a job with SIGTERM, then SIGKILL.
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
import time
from contextlib import contextmanager


PR_SET_PDEATHSIG = 1
WATCH_EVERY = 0.5  # seconds between a worker's looks at its parent, where the kernel cannot be asked


def tie_to_parent(parent: int) -> None:
    """In each worker as it starts: die with `parent`, and leave SIGTERM and Ctrl-C to it (a terminal's
    Ctrl-C reaches every process of the group; the parent stops the workers itself, quietly)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the watching thread alone
        pass
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)
    threading.Thread(target=watch_parent, args=(parent,), daemon=True, name="plainpress-parent-watch").start()


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_EVERY)
    os._exit(1)


class Stopped(BaseException):
    """SIGTERM or SIGHUP: the build stops, as Ctrl-C stops it (KeyboardInterrupt), not as a failure."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def exit_status(stop: BaseException) -> int:
    """128 + the signal, as a shell reports it: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + (stop.signum if isinstance(stop, Stopped) else signal.SIGINT)


def signal_name(stop: BaseException) -> str:
    return "Ctrl-C" if isinstance(stop, KeyboardInterrupt) else signal.Signals(stop.signum).name


@contextmanager
def stopping():
    """SIGTERM and SIGHUP raise `Stopped`, Ctrl-C KeyboardInterrupt, once each: a second signal while
    the build stops does not cut its stopping short. Restored after (this runs in tests, too)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = []

    def stop(signum, _frame):
        if raised:
            return
        raised.append(signum)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise Stopped(signum)
    wanted = [signal.SIGTERM, signal.SIGHUP]
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where a shell ignores it
        wanted.append(signal.SIGINT)
    before = {signum: signal.signal(signum, stop) for signum in wanted}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def descendants(root: int) -> list[int]:
    """Every live process under `root`, children before their own (from /proc; none elsewhere)."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for name in entries:
        if name.isdigit():
            parent, state = _parent_and_state(int(name))
            if parent is not None and state != "Z":
                children.setdefault(parent, []).append(int(name))
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop(0)
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _parent_and_state(pid: int) -> tuple[int | None, str]:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode(errors="replace")
    except OSError:
        return None, ""
    fields = stat.rsplit(")", 1)[-1].split()  # the name, in brackets, may hold spaces
    return (int(fields[1]), fields[0]) if len(fields) > 1 else (None, "")


def stop_descendants(grace: float = 2.0) -> None:
    """SIGTERM to every process under this one (a tool's own children too), then SIGKILL to those
    still there after `grace` seconds."""
    pids = descendants(os.getpid())
    for pid in pids:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while pids and time.monotonic() < deadline:
        time.sleep(0.05)
        pids = [pid for pid in pids if _alive(pid)]
    for pid in pids + descendants(os.getpid()):
        _signal(pid, signal.SIGKILL)


def keep_stopping() -> None:
    """Until this process ends, kill whatever a thread of it starts: the end is under way."""
    def reap() -> None:
        while True:
            for pid in descendants(os.getpid()):
                _signal(pid, signal.SIGKILL)
            time.sleep(0.1)
    threading.Thread(target=reap, daemon=True, name="plainpress-stopping").start()


def _alive(pid: int) -> bool:
    return _parent_and_state(pid)[1] not in ("", "Z")


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError:
        pass


def die_with_this_thread() -> None:
    """A `preexec_fn` for a program this process starts (EPUBCheck, Ace, LibreOffice): SIGKILL when the
    thread that started it ends, this process's SIGKILL included."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
