"""The build cache: content-addressed outputs, and what was learnt about them, kept between runs.

`objects/` holds each output's bytes under the SHA-256 of those bytes; `entries/` holds small
records under a key, the hash of everything that went into them (see `inputs.py`): a render key
names the hash of the output it gave, a check key the guide as read and its findings, a validation
key a validator's results. Every file is written under a temporary name and renamed into place, so
that builds, shards and CI jobs may share one folder at once. Bytes read back are hashed again: a
damaged object is a miss, never an output.

The folder is trusted like the code next to it (records are pickles): share it between your own
builds and CI runs, never with strangers.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

FORMAT = 1  # of the records; a change starts a new entries folder


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

    def __init__(self, folder: Path | None, force: bool = False, writable: bool = True):
        self.folder = Path(folder) if folder is not None else None
        self.force = force  # --force: look nothing up, but still keep what is made
        self.writable = writable  # `plainpress check` writes nothing, not even here

    def get_bytes(self, digest: str) -> bytes | None:
        """The object with this hash, checked against it."""
        if self.folder is None:
            return None
        try:
            data = self._object(digest).read_bytes()
        except OSError:
            return None
        return data if sha256(data) == digest else None

    def has_bytes(self, digest: str) -> bool:
        """Whether the object is there (its bytes are checked when they are read)."""
        return self.folder is not None and self._object(digest).is_file()

    def put_bytes(self, data: bytes) -> str:
        digest = sha256(data)
        if self.folder is not None and self.writable and not self._object(digest).is_file():
            _write(self._object(digest), data)
        return digest

    def get(self, key: str):
        """The record stored under `key`, or None (also with --force, and for a record that cannot be read)."""
        if self.folder is None or self.force:
            return None
        try:
            return pickle.loads(self._entry(key).read_bytes())
        except Exception:  # noqa: BLE001 - missing, cut short or from another version: a miss
            return None

    def put(self, key: str, value) -> None:
        if self.folder is not None and self.writable:
            _write(self._entry(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def _object(self, digest: str) -> Path:
        return self.folder / "objects" / digest[:2] / digest[2:]

    def _entry(self, key: str) -> Path:
        return self.folder / f"entries-{FORMAT}" / key[:2] / key[2:]


def _write(path: Path, data: bytes) -> None:
    """Best effort and atomic: a cache that cannot be written only costs the next build its time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
