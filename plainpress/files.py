"""Writing outputs so that a reader never sees half a file."""
from __future__ import annotations

import fcntl
import logging
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger("plainpress")


def user_cache(name: str) -> Path | None:
    """A folder of the user's cache (~/.cache/plainpress/NAME) for work done once per machine rather
    than per build, such as compiled templates; None when it cannot be made (nothing is kept then)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "plainpress" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename it into place in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def keep(path: Path, data: bytes) -> bool:
    """Write a cache's file: atomic but best effort, and not synced to disk (a file lost in a crash
    only costs the next build its time, where an output must survive one: `write_atomic`)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        return True
    except BaseException:  # also when the build is stopped: no temporary left behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(sys.exc_info()[1], Exception):
            return False
        raise


@contextmanager
def locked(folder: Path, waiting: str | None = None):
    """Hold a lock on the folder itself (no lock file to leave behind) until the block ends; `waiting`
    is logged when another process holds it first."""
    folder.mkdir(parents=True, exist_ok=True)
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                log.warning(waiting)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


@contextmanager
def exclusive(folder: Path):
    """Hold the output folder for one build at a time: a second build waits for the first to finish
    rather than interleaving its files with it."""
    with locked(folder, f"another build is writing to {folder}: waiting for it to finish"):
        yield


def remove_stale_temporaries(folder: Path) -> None:
    """Temporary files left by a build that was killed (only called while holding the lock)."""
    for tmp in folder.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
