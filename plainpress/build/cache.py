"""The build cache: content-addressed outputs, and what was learnt about them, kept between runs.

`objects/` holds each output's bytes under the SHA-256 of those bytes; `entries/` holds small
records under a key, the hash of everything that went into them (see `inputs.py`): a render key
names the hash of the output it gave, a check key the guide as read and its findings, a validation
key a validator's results. Every file is written under a temporary name and renamed into place, so
that builds, shards and CI jobs may share one folder at once. Bytes read back are hashed again: a
damaged object is a miss, never an output.

Records are JSON (`records.py`), data and never code: a hostile or damaged record, a pickle from an
older plainpress among them, is a miss and costs a rebuild, nothing more. The folder is kept within
`cache_size` (ccache's `max_size`): each file read or written is touched, and once the folder outgrows
its bound the files touched longest ago go first, down to nine tenths of it.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..files import keep
from ..sizes import DEFAULT_SIZE
from . import records

FORMAT = 2  # of the records; a change starts a new entries folder (1 held pickles)
LEFT_FOR = 3600  # seconds: a temporary file this old was left by a build that was killed


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str | None:
    """The hash of a file's bytes, or None when there is no such file."""
    try:
        return sha256(Path(path).read_bytes())
    except OSError:
        return None


class Cache:
    """A cache folder; `Cache(None)` keeps nothing, so that callers need not ask whether there is one."""

    def __init__(self, folder: Path | None, force: bool = False, writable: bool = True,
                 max_size: int = DEFAULT_SIZE):
        self.folder = Path(folder) if folder is not None else None
        self.force = force  # --force: look nothing up, but still keep what is made
        self.writable = writable  # `plainpress check` writes nothing, not even here
        self.max_size = max_size
        self.size: int | None = None  # the folder's, measured at the first write and kept up to date

    def get_bytes(self, digest: str) -> bytes | None:
        """The object with this hash, checked against it."""
        if self.folder is None:
            return None
        try:
            data = self._object(digest).read_bytes()
        except OSError:
            return None
        if sha256(data) != digest:
            return None
        self._touch(self._object(digest))
        return data

    def has_bytes(self, digest: str) -> bool:
        """Whether the object is there (its bytes are checked when they are read)."""
        return self.folder is not None and self._object(digest).is_file()

    def put_bytes(self, data: bytes) -> str:
        digest = sha256(data)
        if self.folder is not None and self.writable and not self._object(digest).is_file():
            self._keep(self._object(digest), data)
        return digest

    def get(self, key: str):
        """The record stored under `key`, or None (also with --force, and for a record that is missing,
        cut short, forged or from another version)."""
        if self.folder is None or self.force:
            return None
        path = self._entry(key)
        try:
            value = records.decode(path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, cut short, forged or a pickle of an older plainpress: a miss
            return None
        self._touch(path)
        return value

    def put(self, key: str, value) -> None:
        if self.folder is not None and self.writable:
            try:
                data = records.encode(value)
            except (TypeError, ValueError, RecursionError):  # not a value a record holds: not kept
                return
            self._keep(self._entry(key), data)

    def _keep(self, path: Path, data: bytes) -> None:
        """Write a file, then bring the folder back within its bound if it grew past it."""
        if self.size is None:
            self.size = usage(self.folder).size
        if keep(path, data):
            self.size += len(data)
        if self.size > self.max_size:
            self.size = prune(self.folder, self.max_size).size

    def _touch(self, path: Path) -> None:
        """Used now: the last to go when the folder is pruned (atime is not kept on most mounts)."""
        if self.writable:
            try:
                os.utime(path)
            except OSError:
                pass

    def _object(self, digest: str) -> Path:
        return self.folder / "objects" / digest[:2] / digest[2:]

    def _entry(self, key: str) -> Path:
        return self.folder / f"entries-{FORMAT}" / key[:2] / key[2:]


# The folder as a whole: its size, pruning, clearing (`plainpress cache`) ------------------------------

@dataclass
class Usage:
    size: int = 0
    files: int = 0
    dropped: int = 0  # files removed (by a prune or a clear)


def ours(folder: Path) -> list[Path]:
    """The folders plainpress keeps in a cache folder: nothing else there is ever counted or removed
    (a `cache` setting pointed at the project by mistake loses nothing)."""
    try:
        return [p for p in folder.iterdir() if p.is_dir() and (p.name == "objects" or re.fullmatch(r"entries-\d+", p.name))]
    except OSError:
        return []


def files_in(folder: Path):
    """(path, size, last used) of every file plainpress keeps in the folder."""
    for top in ours(folder):
        for path in top.rglob("*"):
            try:
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                yield path, stat.st_size, stat.st_mtime


def usage(folder: Path | None) -> Usage:
    found = Usage()
    for _, size, _ in files_in(folder) if folder is not None else ():
        found.size += size
        found.files += 1
    return found


def prune(folder: Path, max_size: int) -> Usage:
    """Records of older formats and temporaries left by killed builds out; then, while the folder is
    above `max_size`, the files used longest ago, down to nine tenths of it (not one file per write)."""
    kept, left = [], Usage()
    for top in ours(folder):
        if top.name not in ("objects", f"entries-{FORMAT}"):  # records of an older plainpress
            left.dropped += sum(1 for p in top.rglob("*") if p.is_file())
            shutil.rmtree(top, ignore_errors=True)
    now = time.time()
    for path, size, used in files_in(folder):
        if path.name.endswith(".tmp") and now - used > LEFT_FOR:
            left.dropped += _remove(path)
        else:
            kept.append((used, size, path))
    total, files = sum(size for _, size, _ in kept), len(kept)
    if total > max_size:
        for used, size, path in sorted(kept, key=lambda t: t[0]):
            if total <= max_size * 9 // 10:
                break
            if _remove(path):
                total, files, left.dropped = total - size, files - 1, left.dropped + 1
    left.size, left.files = total, files
    return left


def clear(folder: Path) -> Usage:
    """Everything plainpress keeps in the folder, removed."""
    before = usage(folder)
    for top in ours(folder):
        shutil.rmtree(top, ignore_errors=True)
    return Usage(0, 0, before.files - usage(folder).files)


def _remove(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False
