"""Every validator on every output of a build, started as soon as its output is known.

A result is taken from the cache when the output's bytes and the validator's version are those it was
found for. Otherwise the output is copied under its own name into a folder of the build's own (it is not
in the output folder yet: that waits until every render has succeeded), and checked there: plainpress's
own checks in the worker processes, one file at a time; a validator that runs another program
(EPUBCheck, Ace, LibreOffice) once for all the files of its format, in a thread, when the last of them
is ready, so that it runs alongside the renders still going on and alongside the other validators.
"""
from __future__ import annotations

import tempfile
from concurrent.futures import Future
from pathlib import Path

from . import inputs
from .. import validate as tools  # looked up when used: a test may put its own validators in
from ..validate import run_batch, run_validator
from ..validate.result import ToolResult


class Validation:
    def __init__(self, workers, cache, counts: dict[str, int], progress):
        self.workers, self.cache, self.progress = workers, cache, progress
        self.remaining = dict(counts)                  # outputs of each format not ready yet
        self.batches: dict[tuple[str, str], list] = {}  # (format, tool) -> [(path, guide, slot)]
        self.slots: dict[tuple[Path, str], list] = {}   # (source, format) -> one slot per validator
        self.staging = tempfile.TemporaryDirectory(prefix="plainpress-validate-")
        self.staged = 0

    def ready(self, result, output) -> None:
        """An output's bytes are known: look up or start each of its validators."""
        slots = self.slots.setdefault((result.guide.path, output.fmt), [])
        staged = None
        for tool, check in tools.validators(output.fmt):
            key = inputs.validation_key(output.digest, output.path.name, tool, result.source_key)
            slot = Slot(key, self.cache.get(key) if key else None)
            slots.append(slot)
            if slot.result is not None:
                continue
            staged = staged or self.stage(output)
            if hasattr(check, "batch"):
                self.batches.setdefault((output.fmt, tool), []).append((staged, result.guide, slot))
            else:
                self.workers.add(run_validator, output.fmt, tool, staged, result.guide, done=slot.settle,
                                 here=tool in tools.IN_THIS_PROCESS)
        self.remaining[output.fmt] -= 1
        if self.remaining[output.fmt] == 0:
            self.start_batches(output.fmt)

    def stage(self, output) -> Path:
        self.staged += 1
        path = Path(self.staging.name) / str(self.staged) / output.path.name
        path.parent.mkdir()
        path.write_bytes(output.bytes(self.cache) if output.stale else output.path.read_bytes())
        return path

    def start_batches(self, fmt: str) -> None:
        for (batch_fmt, tool), items in self.batches.items():
            if batch_fmt == fmt:
                self.progress.note(f"validating {len(items)} {fmt.upper()} file{'s' * (len(items) > 1)} with {tool}")
                future = self.workers.thread(run_batch, fmt, tool, [(path, guide) for path, guide, _ in items])
                for i, (_, _, slot) in enumerate(items):
                    slot.future, slot.index = future, i

    def finish(self, result, formats) -> list[str | None]:
        """Wait for the guide's validators; put their results on it, in the order of its formats (not
        the order they came in); their cache keys, for its reports."""
        keys = []
        for fmt in formats:
            slots = self.slots[result.guide.path, fmt]
            result.validation[fmt] = [slot.wait(self.cache) for slot in slots]
            keys += [slot.key for slot in slots]
        return keys

    def close(self) -> None:
        self.staging.cleanup()


class Slot:
    """One validator's result on one output: known, settled by its task, or an item of a batch's future."""

    def __init__(self, key: str | None, result: ToolResult | None):
        self.key, self.result = key, result
        self.future: Future | None = None
        self.index: int | None = None
        self.fresh = False  # found in this build: to be kept in the cache

    def settle(self, result) -> None:
        if isinstance(result, BaseException):  # the worker itself failed, not the validator
            raise result
        self.result, self.fresh = result, True

    def wait(self, cache) -> ToolResult:
        if self.result is None:
            self.result, self.fresh = self.future.result()[self.index], True
        if self.fresh and self.key and not passing_trouble(self.result):
            cache.put(self.key, self.result)
            self.fresh = False
        return self.result


def passing_trouble(result: ToolResult) -> bool:
    """A validator that stopped or timed out says nothing lasting about the file: not cached."""
    return any(f.rule.rsplit(".", 1)[-1] in ("stopped", "failed") or "did not finish" in f.message
               for f in result.findings)
